/**
 * TRON test dApp: the real `@tronweb3/tronwallet-adapter-tronlink` (legacy window.tronLink path:
 * our TIP-6963 announce is not named "TronLink", so the adapter falls back after checkTimeout),
 * plus direct calls on `window.tron` (TIP-1193), `window.tronWeb` and `window.tronLink`, a TIP-6963
 * listener and a recorder of the legacy `isTronLink` window messages. The test drives it with
 * page.evaluate through `window.dapp`.
 */
import { TronLinkAdapter } from '@tronweb3/tronwallet-adapter-tronlink';

type Result = { result?: unknown; error?: { code?: number; message: string; name?: string } };
type Obj = Record<string, unknown>;
type AnyFn = (...a: unknown[]) => Promise<unknown>;

const announced: Array<{ info: Obj; hasRequest: boolean; isTronLink: boolean; hasTronWeb: boolean }> = [];
window.addEventListener('TIP6963:announceProvider', (e) => {
  const { info, provider } = (e as unknown as CustomEvent<{ info: Obj; provider: Obj }>).detail;
  announced.push({ info: { ...info }, hasRequest: typeof provider.request === 'function', isTronLink: provider.isTronLink === true, hasTronWeb: typeof provider.tronWeb === 'object' });
});

const legacy: Array<{ action: string; data: unknown }> = [];
window.addEventListener('message', (e) => {
  const d = e.data as { isTronLink?: boolean; message?: { action: string; data: unknown } } | undefined;
  if (e.source === window && d?.isTronLink && d.message) legacy.push({ action: d.message.action, data: d.message.data });
});

const tip1193Events: Array<{ event: string; data: unknown }> = [];
let adapter: TronLinkAdapter | null = null;
const adapterEvents: Array<{ event: string; data: unknown }> = [];

async function wrap(fn: () => Promise<unknown> | unknown): Promise<Result> {
  try {
    return { result: await fn() };
  } catch (e) {
    const err = e as { code?: number; message?: string; name?: string; error?: { code?: number } };
    return { error: { code: err.code ?? err.error?.code, message: String(err.message ?? e), name: err.name } };
  }
}

const w = window as unknown as { tron?: Obj & { request: AnyFn; on: (e: string, f: (d: unknown) => void) => void; tronWeb: Obj }; tronWeb?: Obj; tronLink?: Obj };
const tronWeb = (): Obj => w.tronWeb as Obj;
const trx = (): Record<string, AnyFn> => tronWeb().trx as Record<string, AnyFn>;

const api = {
  globals: () => ({
    tron: typeof w.tron === 'object',
    tronIsTronLink: w.tron?.isTronLink === true,
    tronIsOurs: w.tron?.isMultichainWallet === true,
    tronLink: typeof w.tronLink === 'object',
    tronWeb: typeof w.tronWeb === 'object',
    defaultAddress: tronWeb()?.defaultAddress,
    ready: (w.tronLink as Obj | undefined)?.ready,
    fullNodeHost: (tronWeb()?.fullNode as Obj | undefined)?.host,
  }),
  requestProviders: () => {
    window.dispatchEvent(new Event('TIP6963:requestProvider'));
    return announced.length;
  },
  announced: () => announced,
  legacy: () => legacy,
  clearLegacy: () => void legacy.splice(0),
  listen1193: () => {
    for (const ev of ['connect', 'disconnect', 'chainChanged', 'accountsChanged']) w.tron!.on(ev, (data) => tip1193Events.push({ event: ev, data }));
  },
  events1193: () => tip1193Events,
  tron: (method: string, params?: unknown) => wrap(() => w.tron!.request({ method, ...(params !== undefined ? { params } : {}) })),
  tronLink: (method: string, params?: unknown) => wrap(() => (w.tronLink!.request as AnyFn)({ method, ...(params !== undefined ? { params } : {}) })),
  trx: (method: string, ...args: unknown[]) => wrap(() => trx()[method]!(...args)),
  utils: (addr: string) => {
    const tw = tronWeb() as Obj & { address: { toHex: (a: string) => string; fromHex: (a: string) => string }; isAddress: (a: string) => boolean; toSun: (v: string) => string; fromSun: (v: string) => string };
    const hex = tw.address.toHex(addr);
    return { hex, back: tw.address.fromHex(hex), isAddress: tw.isAddress(addr), notAddress: tw.isAddress('Tnope'), sun: tw.toSun('1.5'), trx: tw.fromSun('1500000') };
  },
  /** The full TronWeb, loaded on demand: build a TRX transfer with the real transactionBuilder. */
  buildWithFullTronWeb: (to: string, amountSun: number) =>
    wrap(async () => {
      const tw = tronWeb() as Obj & { transactionBuilder: Record<string, AnyFn>; defaultAddress: { base58: string } };
      return tw.transactionBuilder.sendTrx!(to, amountSun, tw.defaultAddress.base58);
    }),
  fullLoaded: () => typeof (tronWeb() as Obj).setAddress === 'function',
  scriptTags: () => Array.from(document.scripts).map((s) => s.src),
  adapterCreate: () => {
    adapter = new TronLinkAdapter({ checkTimeout: 300, openUrlWhenWalletNotFound: false, openTronLinkAppOnMobile: false, openAppWithDeeplink: false });
    for (const ev of ['connect', 'disconnect', 'accountsChanged', 'chainChanged', 'stateChanged', 'readyStateChanged']) adapter.on(ev as 'connect', (data: unknown) => adapterEvents.push({ event: ev, data }));
    return true;
  },
  adapterState: () => ({ address: adapter?.address ?? null, state: adapter?.state, readyState: adapter?.readyState, connected: adapter?.connected }),
  adapterEvents: () => adapterEvents,
  adapterConnect: () => wrap(() => adapter!.connect()),
  adapterNetwork: () => wrap(() => adapter!.network()),
  adapterSignMessage: (m: string) => wrap(() => adapter!.signMessage(m)),
  adapterSignTransaction: (tx: unknown) => wrap(() => adapter!.signTransaction(tx as never)),
  adapterMultiSign: (tx: unknown, permissionId: number) => wrap(() => adapter!.multiSign(tx as never, { permissionId })),
  adapterSignTypedData: (typedData: unknown = { domain: { name: 'x', chainId: 1 }, types: { M: [{ name: 'a', type: 'uint256' }] }, message: { a: 1 } }) => wrap(() => (adapter as unknown as { _signTypedData: AnyFn })._signTypedData(typedData)),
  /** TronLink's tronWeb.request (wallet_watchAsset). */
  tronWebRequest: (method: string, params?: unknown) => wrap(() => (tronWeb().request as AnyFn)({ method, ...(params !== undefined ? { params } : {}) })),
};

(window as unknown as { dapp: typeof api }).dapp = api;
