/**
 * The Aptos provider for dApps: an AIP-62 Wallet Standard wallet (aptos:connect, disconnect,
 * account, network, onAccountChange, onNetworkChange, signMessage, signTransaction,
 * signAndSubmitTransaction, signIn). Every call answers { status: 'Approved', args } or
 * { status: 'Rejected' }. No SDK in the page: transactions cross the bridge as BCS hex or as plain
 * JSON payloads, and the objects handed back (account address, public key, signature,
 * authenticator) are minimal stand-ins with the methods @aptos-labs/wallet-adapter-core and
 * @aptos-labs/ts-sdk call on them (toString, toUint8Array, bcsToBytes, serialize).
 * Built on the page's first read of the registered wallet's features or accounts
 * (wallet.ts registers a stand-in at document_start; lazy.ts).
 */
import type { Wallet, WalletAccount } from '@wallet-standard/base';
import { onEvent, request, ProviderRpcError } from '../../../inpage/bridge';
import { fromHex, toHex as hex } from '../../../inpage/hex';
import type { StandardWalletParts } from '../../../inpage/lazy';
import { CHAINS, FEATURES } from './chains';

const ACCOUNT_FEATURES = ['aptos:signMessage', 'aptos:signTransaction', 'aptos:signAndSubmitTransaction', 'aptos:signIn'] as const;

interface AccountData {
  address: string;
  publicKey: string;
}
interface NetworkData {
  name: string;
  chainId: number;
  url?: string;
}
type Response<T> = { status: 'Approved'; args: T } | { status: 'Rejected' };

const toHex = (b: Uint8Array): string => `0x${hex(b)}`;
const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  return out;
};
const withLength = (b: Uint8Array): Uint8Array => Uint8Array.from([...uleb(b.length), ...b]);

interface Serializer {
  serializeFixedBytes(b: Uint8Array): void;
}

/** A BCS value whose bytes are known: what ts-sdk's Serializable offers to its callers. */
function bcsValue<T extends object>(bytes: Uint8Array, text: string, extra: T): T & { toString(): string; toUint8Array(): Uint8Array; bcsToBytes(): Uint8Array; bcsToHex(): { toString(): string }; serialize(s: Serializer): void } {
  return Object.freeze({
    ...extra,
    toString: () => text,
    toUint8Array: () => bytes.slice(),
    bcsToBytes: () => bytes.slice(),
    bcsToHex: () => ({ toString: () => toHex(bytes) }),
    serialize: (s: Serializer) => s.serializeFixedBytes(bytes),
  });
}

/** AccountInfo-like: address (AccountAddress-like) and publicKey (Ed25519PublicKey-like). */
function accountInfo(a: AccountData) {
  const addr = fromHex(a.address);
  const pk = fromHex(a.publicKey);
  const address = bcsValue(addr, a.address, { data: addr, toStringLong: () => a.address, equals: (o: { toString(): string }) => String(o) === a.address });
  // Ed25519PublicKey's BCS is its 32 bytes with a length prefix; toUint8Array is the bare key.
  const publicKey = Object.freeze({ ...bcsValue(withLength(pk), a.publicKey, { key: { data: pk } }), toUint8Array: () => pk.slice() });
  // Not frozen: the adapter sets ansName on the account it keeps.
  return { address, publicKey, ansName: undefined as string | undefined };
}

const signature = (hex: string) => {
  const sig = fromHex(hex);
  return Object.freeze({ ...bcsValue(withLength(sig), hex, { data: sig }), toUint8Array: () => sig.slice() });
};
const authenticator = (hex: string) => bcsValue(fromHex(hex), hex, {});

/** A dApp value made bridge-safe: bigint → decimal, bytes → { bytes }, ts-sdk objects → their BCS. */
function plain(v: unknown, depth = 0): unknown {
  if (depth > 8) throw new ProviderRpcError({ code: -32602, message: 'Invalid params: an argument is nested too deeply' });
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return { bytes: toHex(v) };
  if (v instanceof ArrayBuffer) return { bytes: toHex(new Uint8Array(v)) };
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
  const o = v as { bcsToBytes?: () => Uint8Array };
  if (typeof o.bcsToBytes === 'function') return { bcs: toHex(o.bcsToBytes()) };
  throw new ProviderRpcError({ code: -32602, message: 'Invalid params: an argument is neither a JSON value, bytes nor a BCS-serializable value' });
}

function payloadOf(p: unknown): unknown {
  if (!p || typeof p !== 'object') return p;
  const o = p as { function?: unknown; typeArguments?: unknown[]; functionArguments?: unknown[] };
  return {
    function: typeof o.function === 'string' ? o.function : String(o.function),
    typeArguments: (o.typeArguments ?? []).map((t) => String(t)),
    functionArguments: plain(o.functionArguments ?? []),
  };
}

/** Runs a request: a user's rejection (4001) is { status: 'Rejected' }, anything else throws. */
async function respond<T, R>(method: string, params: unknown, map: (r: R) => T): Promise<Response<T>> {
  try {
    return { status: 'Approved', args: map((await request('aptos', method, params)) as R) };
  } catch (err) {
    if (err instanceof ProviderRpcError && err.code === 4001) return { status: 'Rejected' };
    throw err;
  }
}

/** The real wallet behind the registered stand-in (wallet.ts), which carries version, name, icon, url and chains. */
export class AptosWallet implements StandardWalletParts {
  #account: (WalletAccount & { data: AccountData }) | null = null;
  #accountListeners: Array<(a: unknown) => void> = [];
  #networkListeners: Array<(n: unknown) => void> = [];

  get accounts(): readonly WalletAccount[] {
    return this.#account ? [this.#account] : [];
  }

  #setAccount(a: AccountData | null): void {
    this.#account = a ? Object.freeze({ address: a.address, publicKey: fromHex(a.publicKey), chains: CHAINS, features: ACCOUNT_FEATURES, data: a }) : null;
  }

  get features(): Wallet['features'] {
    const f = FEATURES;
    return {
      'aptos:connect': { ...f['aptos:connect'].early, connect: this.#connect },
      'aptos:disconnect': { ...f['aptos:disconnect'].early, disconnect: this.#disconnect },
      'aptos:account': { ...f['aptos:account'].early, account: this.#getAccount },
      'aptos:network': { ...f['aptos:network'].early, network: () => request('aptos', 'network') as Promise<NetworkData> },
      'aptos:onAccountChange': { ...f['aptos:onAccountChange'].early, onAccountChange: async (cb: (a: unknown) => void) => void this.#accountListeners.push(cb) },
      'aptos:onNetworkChange': { ...f['aptos:onNetworkChange'].early, onNetworkChange: async (cb: (n: unknown) => void) => void this.#networkListeners.push(cb) },
      'aptos:signMessage': { ...f['aptos:signMessage'].early, signMessage: this.#signMessage },
      'aptos:signTransaction': { ...f['aptos:signTransaction'].early, signTransaction: this.#signTransaction },
      'aptos:signAndSubmitTransaction': { ...f['aptos:signAndSubmitTransaction'].early, signAndSubmitTransaction: this.#signAndSubmit },
      'aptos:signIn': { ...f['aptos:signIn'].early, signIn: this.#signIn },
    };
  }

  constructor() {
    onEvent('aptos', (event, data) => {
      if (event === 'accountsChanged') {
        if (Array.isArray(data) && data.length === 0) return this.#setAccount(null);
        if (!this.#account) return;
        void (request('aptos', 'account') as Promise<AccountData>).then((a) => {
          this.#setAccount(a);
          for (const l of this.#accountListeners.slice()) l(accountInfo(a));
        }, () => undefined);
      } else if (event === 'networkChanged' && this.#account) {
        void (request('aptos', 'network') as Promise<NetworkData>).then((n) => {
          for (const l of this.#networkListeners.slice()) l(n);
        }, () => undefined);
      }
    });
  }

  #connect = (): Promise<Response<unknown>> =>
    respond('connect', {}, (r: { account: AccountData }) => {
      this.#setAccount(r.account);
      return accountInfo(r.account);
    });

  #disconnect = async (): Promise<void> => {
    await request('aptos', 'disconnect');
    this.#setAccount(null);
  };

  #getAccount = async (): Promise<unknown> => {
    const a = (await request('aptos', 'account')) as AccountData;
    this.#setAccount(a);
    return accountInfo(a);
  };

  #signMessage = (input: unknown): Promise<Response<unknown>> =>
    respond('signMessage', input, (r: Record<string, unknown> & { signature: string }) => ({ ...r, signature: signature(r.signature) }));

  #signIn = (input: unknown): Promise<Response<unknown>> =>
    respond('signIn', { input }, (r: { account: AccountData; input: unknown; signature: string; type: string }) => {
      this.#setAccount(r.account);
      return { account: accountInfo(r.account), input: r.input, signature: signature(r.signature), type: r.type };
    });

  /** v1.0: a ts-sdk AnyRawTransaction (its BCS crosses the bridge); v1.1: a payload to build. */
  #signTransaction = (tx: unknown, asFeePayer?: boolean): Promise<Response<unknown>> => {
    const t = tx as { rawTransaction?: { bcsToBytes?: () => Uint8Array }; feePayerAddress?: unknown; secondarySignerAddresses?: unknown[]; payload?: unknown; gasUnitPrice?: unknown; maxGasAmount?: unknown };
    if (t?.rawTransaction && typeof t.rawTransaction.bcsToBytes === 'function') {
      const params = {
        transaction: toHex(t.rawTransaction.bcsToBytes()),
        ...(t.feePayerAddress !== undefined ? { feePayer: String(t.feePayerAddress) } : {}),
        ...(t.secondarySignerAddresses !== undefined ? { secondarySigners: t.secondarySignerAddresses.map(String) } : {}),
        asFeePayer: asFeePayer === true,
      };
      return respond('signTransaction', params, (r: { authenticator: string }) => authenticator(r.authenticator));
    }
    return respond('signTransaction', { payload: payloadOf(t?.payload), gasUnitPrice: t?.gasUnitPrice, maxGasAmount: t?.maxGasAmount }, (r: { authenticator: string; rawTransaction: string }) => {
      const raw = fromHex(r.rawTransaction);
      // A SimpleTransaction's BCS is the raw transaction then Option<fee payer> (none).
      return { authenticator: authenticator(r.authenticator), rawTransaction: bcsValue(Uint8Array.from([...raw, 0]), r.rawTransaction, { rawTransaction: bcsValue(raw, r.rawTransaction, {}) }) };
    });
  };

  #signAndSubmit = (input: unknown): Promise<Response<unknown>> => {
    const i = input as { payload?: unknown; gasUnitPrice?: unknown; maxGasAmount?: unknown };
    return respond('signAndSubmitTransaction', { payload: payloadOf(i?.payload), gasUnitPrice: i?.gasUnitPrice, maxGasAmount: i?.maxGasAmount }, (r: { hash: string }) => ({ hash: r.hash }));
  };
}
