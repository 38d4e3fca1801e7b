/**
 * TRON providers for dApps. Injected into every page, so it stays small and loads no SDK:
 *
 * - `window.tron`: our TIP-1193 provider (request/on/removeListener, `tronWeb`, `isMultichainWallet`;
 *   deliberately NOT `isTronLink`), announced through TIP-6963 with our own name and rdns and
 *   re-announced on `TIP6963:requestProvider`.
 * - TronLink compatibility, only where no other wallet holds the names: `window.tronLink`
 *   ({ ready, tronWeb, request } with the legacy `tron_requestAccounts` codes), `window.tronWeb`, and
 *   the legacy `{ isTronLink: true, message: { action, data } }` window messages (accountsChanged,
 *   setAccount, setNode, connect, disconnect).
 *
 * This module comes with the document_idle script (late.ts). Every object here is built on the
 * page's first read of `tron` or the TIP-6963 detail's provider (stand-ins provider.ts announces at
 * document_start), or of `tronLink` or `tronWeb` (which provider.ts defines when this module arrives).
 *
 * `tronWeb` design: a light facade answers what wallet adapters and typical
 * dApps touch first: `defaultAddress` {base58, hex} (false until the site is connected), `ready`,
 * `fullNode`/`solidityNode`/`eventServer` `.host`, `trx.sign` (transaction or legacy hex message),
 * `trx.multiSign`, `trx.signMessageV2`, `trx._signTypedData` (all decided and signed in the
 * background), a few reads (`trx.getBlockByNumber`, `getCurrentBlock`, `getAccount`, `getBalance`,
 * `getTransaction`, `getTransactionInfo`, `sendRawTransaction`, `getChainParameters`) proxied
 * through the background to the wallet's selected node, and sync utilities (`address.toHex/
 * fromHex`, `isAddress`, `toSun`/`fromSun`, `fromUtf8`/`toUtf8`). Anything else loads the real
 * TronWeb on demand: `tronweb.js` (entrypoints/tronweb.ts, web-accessible on http(s) pages only)
 * is added as a <script> the first time the page calls a `transactionBuilder.*`, `contract()`,
 * another `trx.*` method, or reads another member (that first read is undefined; it is the real
 * member once loaded; `await tronWeb.loadFull()` waits for it). The full instance's node traffic
 * goes through the same allow-listed background passthrough and its signing methods are replaced
 * by the facade's, so the library never sees a key.
 */
import { post, request, onEvent, ProviderRpcError } from '../../../inpage/bridge';
import { Emitter } from '../../../inpage/emitter';
import { once } from '../../../inpage/lazy';
import { address, decodeBase58, fromSun, fromUtf8, hexOf, toSun, toUtf8 } from './tronUtils';

type Obj = Record<string, unknown>;
type AnyFn = (...a: unknown[]) => unknown;

interface NodeInfo {
  fullNode: string;
  solidityNode: string;
  eventServer: string;
  chainId: string;
}

const call = (method: string, ...params: unknown[]): Promise<unknown> => request('tron', method, params);

const state: { address: string | null; node: NodeInfo } = {
  address: null,
  node: { fullNode: 'https://api.trongrid.io', solidityNode: 'https://api.trongrid.io', eventServer: 'https://api.trongrid.io', chainId: '0x2b6653dc' },
};

// ---------------------------------------------------------------------------------------------
// The full TronWeb, loaded on demand

let full: Promise<Obj> | null = null;
let loaded: Obj | null = null;

function trySetAddress(tw: Obj, a: string): void {
  try {
    (tw.setAddress as AnyFn).call(tw, a);
  } catch {
    // the facade's defaultAddress stays the source of truth
  }
}

function nodeRequest(url: unknown, payload: unknown): Promise<unknown> {
  return call('tron_node', `/${String(url).replace(/^\/+/, '')}`, payload ?? {});
}

function loadFull(): Promise<Obj> {
  full ??= (async () => {
    const src = (await call('mcw_tronLibraryUrl')) as string;
    const TronWebClass = await new Promise<new (o: Obj) => Obj>((resolve, reject) => {
      const onLib = (e: Event): void => resolve((e as CustomEvent<new (o: Obj) => Obj>).detail);
      window.addEventListener('mcw:tronweb-library', onLib, { once: true });
      const s = document.createElement('script');
      s.src = src;
      s.onerror = () => reject(new ProviderRpcError({ code: -32603, message: 'Could not load the TronWeb library' }));
      s.onload = () => s.remove();
      (document.head ?? document.documentElement).appendChild(s);
    });
    const tw = new TronWebClass({ fullNode: state.node.fullNode, solidityNode: state.node.solidityNode, eventServer: state.node.eventServer });
    for (const k of ['fullNode', 'solidityNode']) (tw[k] as Obj).request = nodeRequest;
    const trx = tw.trx as Obj;
    for (const k of ['sign', 'multiSign', 'signMessageV2', '_signTypedData', 'signTypedData', 'signMessage']) trx[k] = (facade().trx as Obj)[k];
    if (state.address) trySetAddress(tw, state.address);
    loaded = tw;
    return tw;
  })();
  full.catch(() => (full = null));
  return full;
}

/** A namespace whose every method loads the full TronWeb and calls the real one. */
function lazyNamespace(name: string, own: Obj = {}): Obj {
  return new Proxy(own, {
    get(target, prop) {
      if (prop in target || typeof prop === 'symbol' || prop === 'then') return target[prop as string];
      return async (...a: unknown[]) => {
        const ns = (await loadFull())[name] as Obj;
        return (ns[prop] as AnyFn).apply(ns, a);
      };
    },
  });
}

/** tronWeb.contract(abi?, address?): `.at(addr)` and `.method(...).call()/.send()` after loading. */
function lazyContract(abi?: unknown, at?: string): Obj {
  const real = async (): Promise<Obj> => {
    const tw = await loadFull();
    return (tw.contract as AnyFn).call(tw, abi, at) as Obj;
  };
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop === 'symbol' || prop === 'then') return undefined;
        if (prop === 'at') return async (addr: string) => ((await real()).at as AnyFn)(addr);
        return (...a: unknown[]) => {
          const m = async (): Promise<Obj> => ((await real())[prop] as AnyFn)(...a) as Obj;
          return { call: async (...o: unknown[]) => ((await m()).call as AnyFn)(...o), send: async (...o: unknown[]) => ((await m()).send as AnyFn)(...o) };
        };
      },
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The facade

const node = (path: string, body: Obj): Promise<Obj> => call('tron_node', path, body) as Promise<Obj>;

function notFound(what: string): Error {
  return new Error(`${what} not found`);
}

const trx: Obj = {
  sign: (tx: unknown) => (typeof tx === 'string' ? call('tron_signMessage', tx) : call('tron_signTransaction', tx)),
  signMessage: (tx: unknown) => (typeof tx === 'string' ? call('tron_signMessage', tx) : call('tron_signTransaction', tx)),
  multiSign: (tx: unknown, _privateKey?: unknown, permissionId?: number) => call('tron_multiSign', tx, permissionId ?? null),
  signMessageV2: (message: unknown) => call('tron_signMessageV2', message),
  _signTypedData: (domain: unknown, types: unknown, value: unknown) => call('tron_signTypedData', domain, types, value),
  signTypedData: (domain: unknown, types: unknown, value: unknown) => call('tron_signTypedData', domain, types, value),
  async getBlockByNumber(num: number) {
    const b = await node('/wallet/getblockbynum', { num: Number(num) });
    if (!b || Object.keys(b).length === 0) throw notFound('Block');
    return b;
  },
  getCurrentBlock: () => node('/wallet/getnowblock', {}),
  async getAccount(a: string = state.address ?? '') {
    return node('/wallet/getaccount', { address: hexOf(a) });
  },
  async getBalance(a: string = state.address ?? '') {
    const acc = await node('/wallet/getaccount', { address: hexOf(a) });
    return Number(acc.balance ?? 0);
  },
  async getTransaction(id: string) {
    const t = await node('/wallet/gettransactionbyid', { value: id });
    if (!t || Object.keys(t).length === 0) throw notFound('Transaction');
    return t;
  },
  getTransactionInfo: (id: string) => node('/walletsolidity/gettransactioninfobyid', { value: id }),
  getUnconfirmedTransactionInfo: (id: string) => node('/wallet/gettransactioninfobyid', { value: id }),
  async getChainParameters() {
    return ((await node('/wallet/getchainparameters', {})).chainParameter as unknown[]) ?? [];
  },
  async sendRawTransaction(signed: Obj) {
    const r = await node('/wallet/broadcasttransaction', signed);
    return { ...r, transaction: signed };
  },
};

const hostOf = (k: keyof NodeInfo): { readonly host: string } => ({
  get host() {
    return state.node[k];
  },
});

const facadeTarget = (): Obj => ({
  get defaultAddress() {
    return state.address ? { base58: state.address, hex: hexOf(state.address) } : { base58: false, hex: false };
  },
  get ready() {
    return state.address !== null;
  },
  get fullHost() {
    return state.node.fullNode;
  },
  fullNode: hostOf('fullNode'),
  solidityNode: hostOf('solidityNode'),
  eventServer: hostOf('eventServer'),
  trx: lazyNamespace('trx', trx),
  transactionBuilder: lazyNamespace('transactionBuilder'),
  contract: lazyContract,
  address,
  isAddress: (a: unknown) => typeof a === 'string' && (decodeBase58(a) !== null || /^(0x)?41[0-9a-fA-F]{40}$/.test(a)),
  toSun,
  fromSun,
  fromUtf8,
  toUtf8,
  isMultichainWallet: true,
  /** TronLink's tronWeb.request (wallet_watchAsset …). */
  request: (args: { method: string; params?: unknown }) => tronRequest(args),
  loadFull: () => loadFull(),
});

/** Members never forwarded to the full library (probes that must stay undefined). */
const NOT_FORWARDED = new Set(['then', 'toJSON', 'constructor', '$$typeof', 'nodeType', 'asymmetricMatch', '__proto__']);

/** The `tronWeb` facade, built on the page's first read of it (lazy.ts). */
export const facade = once((): Obj => new Proxy(facadeTarget(), {
  get(target, prop, receiver) {
    touch();
    if (typeof prop === 'symbol' || prop in target) return Reflect.get(target, prop, receiver);
    if (NOT_FORWARDED.has(prop)) return undefined;
    if (loaded) {
      const v = loaded[prop];
      return typeof v === 'function' ? (v as AnyFn).bind(loaded) : v;
    }
    void loadFull().catch(() => undefined);
    return undefined;
  },
}));

// ---------------------------------------------------------------------------------------------
// Events

function legacyMessage(action: string, data: unknown): void {
  // The bridge's postMessage, captured at document_start; Location is unforgeable, so the origin is read here.
  post({ message: { action, data }, isTronLink: true }, location.origin);
}

function setAddress(next: string | null, provider: TronProvider): void {
  const prev = state.address;
  if (prev === next) return;
  state.address = next;
  if (loaded && next) trySetAddress(loaded, next);
  provider.emit('accountsChanged', next ? [next] : []);
  legacyMessage('accountsChanged', { address: next ?? false });
  legacyMessage('setAccount', { address: next ?? false });
  if (!prev && next) legacyMessage('connect', {});
  if (prev && !next) legacyMessage('disconnect', {});
}

function setNode(n: NodeInfo, provider: TronProvider): void {
  const chainChanged = n.chainId !== state.node.chainId;
  const { fullNode, solidityNode, eventServer, chainId } = n;
  state.node = { fullNode, solidityNode, eventServer, chainId };
  // The full instance is rebuilt for the new node on next use (TIP-1193: recreate tronWeb on chain change).
  full = null;
  loaded = null;
  // state.node is never mutated (only replaced), and postMessage sends a copy.
  legacyMessage('setNode', { node: state.node, connectNode: { fullNode, solidityNode, eventServer } });
  if (chainChanged) provider.emit('chainChanged', { chainId: n.chainId });
}

// ---------------------------------------------------------------------------------------------
// The providers

async function refresh(provider: TronProvider): Promise<void> {
  const s = (await call('mcw_tronState')) as NodeInfo & { address: string | null };
  setNode(s, provider);
  setAddress(s.address, provider);
}

let provider: TronProvider | null = null;
let touched = false;

/** The TIP-1193 provider, built (and subscribed to the bridge's TRON events) on the page's first touch. */
export function tronProvider(): TronProvider {
  if (provider) return provider;
  const p = new TronProvider();
  Object.freeze(p);
  provider = p;
  onEvent('tron', (event, data) => {
    if (event === 'accountsChanged') setAddress(Array.isArray(data) && typeof data[0] === 'string' ? data[0] : null, p);
    else if (event === 'setNode' && data && typeof data === 'object') setNode(data as NodeInfo, p);
  });
  return p;
}

/**
 * Reads the wallet's TRON state (address, node) on the page's first touch of window.tron,
 * tronLink or tronWeb, not at load: asking opens the relay's port and wakes the wallet, which a
 * page that never uses TRON should not pay for.
 */
function touch(): void {
  if (touched) return;
  touched = true;
  const p = tronProvider();
  void refresh(p).then(
    () => p.emit('connect', { chainId: state.node.chainId }),
    () => undefined,
  );
}

async function tronRequest(args: { method: string; params?: unknown }): Promise<unknown> {
  if (!args || typeof args !== 'object' || typeof args.method !== 'string' || args.method.length === 0) {
    throw new ProviderRpcError({ code: -32600, message: "'args.method' must be a non-empty string" });
  }
  const { method, params } = args;
  touch();
  const result = await request('tron', method, params === undefined ? [] : Array.isArray(params) ? params : [params]);
  // The legacy connect resolves before the dApp reads tronWeb.defaultAddress: have it ready.
  if ((method === 'tron_requestAccounts' && (result as { code?: number } | null)?.code === 200) || method === 'eth_requestAccounts') {
    await refresh(tronProvider()).catch(() => undefined);
  }
  return result;
}

export class TronProvider extends Emitter {
  readonly isMultichainWallet = true;

  override on(event: string, fn: (...args: unknown[]) => void): this {
    touch();
    return super.on(event, fn);
  }

  get tronWeb(): Obj {
    return facade();
  }

  request(args: { method: string; params?: unknown }): Promise<unknown> {
    return tronRequest(args);
  }
}

/** TronLink's `window.tronLink`: { ready, tronWeb, request }. */
export const tronLink = once(() =>
  Object.freeze({
    get ready() {
      touch();
      return state.address !== null;
    },
    tronWeb: facade(),
    request: (args: { method: string; params?: unknown }) => tronRequest(args),
  }),
);
