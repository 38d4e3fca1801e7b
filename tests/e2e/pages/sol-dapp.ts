/**
 * Solana test dApp: finds the wallet through the real Wallet Standard app API (`@wallet-standard/app`
 * getWallets), checks it the way @solana/wallet-adapter-base's isWalletAdapterCompatibleStandardWallet
 * does (that package is not installed here), and drives its features with byte arrays, exposing
 * helpers the test calls with page.evaluate. Bytes cross page.evaluate as base64.
 */
import { getWallets } from '@wallet-standard/app';
import type { Wallet, WalletAccount } from '@wallet-standard/base';

type Result = { result?: unknown; error?: { code?: number; message: string } };
type Feature = Record<string, (...a: unknown[]) => Promise<unknown>> & { version: string; supportedTransactionVersions?: unknown };

const b64 = (bytes: ArrayLike<number>): string => btoa(String.fromCharCode(...Array.from(bytes)));
const unb64 = (t: string): Uint8Array => Uint8Array.from(atob(t), (c) => c.charCodeAt(0));

const registered: Wallet[] = [];
const api0 = getWallets();
registered.push(...api0.get());
api0.on('register', (...ws: Wallet[]) => registered.push(...ws));

const events: Array<{ accounts?: string[] }> = [];
let listening = false;

function wallet(): Wallet {
  const w = registered.find((x) => x.name === 'Multichain Wallet' && 'standard:connect' in x.features);
  if (!w) throw new Error('wallet not registered');
  if (!listening) {
    listening = true;
    (w.features['standard:events'] as Feature).on!('change', ((p: { accounts?: readonly WalletAccount[] }) => {
      events.push(p.accounts ? { accounts: p.accounts.map((a) => a.address) } : {});
    }) as never);
  }
  return w;
}
const feature = (name: string): Feature => (wallet().features as Record<string, unknown>)[name] as Feature;
const account = (): WalletAccount => {
  const a = wallet().accounts[0];
  if (!a) throw new Error('not connected');
  return a;
};

async function wrap(fn: () => Promise<unknown>): Promise<Result> {
  try {
    return { result: await fn() };
  } catch (e) {
    const err = e as { code?: number; message: string };
    return { error: { ...(typeof err.code === 'number' ? { code: err.code } : {}), message: String(err.message) } };
  }
}

const api = {
  info: () => {
    const w = wallet();
    const f = w.features;
    return {
      // One Solana wallet (the Aptos wallet registered under the same name has no standard:connect).
      count: registered.filter((x) => x.name === 'Multichain Wallet' && 'standard:connect' in x.features).length,
      name: w.name,
      version: w.version,
      iconIsDataUri: w.icon.startsWith('data:image/'),
      chains: [...w.chains],
      features: Object.keys(f).sort(),
      versions: Object.fromEntries(Object.entries(f).map(([k, v]) => [k, (v as Feature).version])),
      txVersions: (f['solana:signTransaction'] as Feature).supportedTransactionVersions,
      // isWalletAdapterCompatibleStandardWallet
      adapterCompatible: 'standard:connect' in f && 'standard:events' in f && ('solana:signAndSendTransaction' in f || 'solana:signTransaction' in f),
      accounts: w.accounts.map((a) => ({ address: a.address, publicKey: b64(a.publicKey), chains: [...a.chains], features: [...a.features] })),
    };
  },
  events: () => events,
  connect: (silent = false) =>
    wrap(async () => {
      const r = (await feature('standard:connect').connect!({ silent })) as { accounts: readonly WalletAccount[] };
      return r.accounts.map((a) => ({ address: a.address, publicKey: b64(a.publicKey), chains: [...a.chains] }));
    }),
  disconnect: () => wrap(() => feature('standard:disconnect').disconnect!()),
  signMessage: (text: string | null, size?: number) =>
    wrap(async () => {
      const message = text !== null ? new TextEncoder().encode(text) : new Uint8Array(size ?? 0).fill(0x61);
      const [r] = (await feature('solana:signMessage').signMessage!({ account: account(), message })) as Array<{ signedMessage: Uint8Array; signature: Uint8Array; signatureType?: string }>;
      return { signedMessage: b64(r!.signedMessage), signature: b64(r!.signature), signatureType: r!.signatureType };
    }),
  signIn: (input: Record<string, unknown>) =>
    wrap(async () => {
      const [r] = (await feature('solana:signIn').signIn!(input)) as Array<{ account: WalletAccount; signedMessage: Uint8Array; signature: Uint8Array }>;
      return { address: r!.account.address, publicKey: b64(r!.account.publicKey), signedMessage: b64(r!.signedMessage), signature: b64(r!.signature) };
    }),
  signTransaction: (txs: string[], chain?: string) =>
    wrap(async () => {
      const inputs = txs.map((t) => ({ account: account(), transaction: unb64(t), ...(chain ? { chain } : {}) }));
      const out = (await feature('solana:signTransaction').signTransaction!(...inputs)) as Array<{ signedTransaction: Uint8Array }>;
      return out.map((o) => b64(o.signedTransaction));
    }),
  signAndSend: (tx: string, chain: string) =>
    wrap(async () => {
      const [r] = (await feature('solana:signAndSendTransaction').signAndSendTransaction!({ account: account(), transaction: unb64(tx), chain })) as Array<{ signature: Uint8Array }>;
      return b64(r!.signature);
    }),
};

(window as unknown as { dapp: typeof api }).dapp = api;
