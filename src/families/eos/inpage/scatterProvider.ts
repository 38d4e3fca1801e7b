/**
 * The EOS provider for dApps: a Scatter-compatible `window.scatter` (set only when no other wallet
 * holds it) announced by the `scatterLoaded` event. ScatterJS / scatter-ts (what
 * @wharfkit/protocol-scatter, and so WharfKit's Scatter and TokenPocket plugins, use) finds it as
 * an "InjectedWallet" and then calls its methods directly: identity (getIdentity/login,
 * getIdentityFromPermissions/checkLogin, forgetIdentity/logout), eos(network, Api, options) to
 * build the dApp's own eosjs Api with our signature provider, and getArbitrarySignature.
 * Tiny and decision-free: it forwards to the background and turns our error codes into the
 * Scatter error objects dApps test for (`{ type, message, code, isError }`). No SDK here: the Api
 * class is the dApp's. Built on the page's first read of window.scatter (scatter.ts
 * announces it at document_start; lazy.ts).
 */
import { request, ProviderRpcError } from '../../../inpage/bridge';
import { toHex as hex } from '../../../inpage/hex';

type Payload = Record<string, unknown>;
export interface ScatterError {
  type: string;
  message: string;
  code: number;
  isError: true;
}

const REJECTED: Record<string, string> = { identity_rejected: 'User rejected the provision of an Identity', signature_rejected: 'User rejected the signature request' };

/** Scatter's error for our code (4001 = the user said no). */
function scatterError(err: unknown, rejectedType: string): ScatterError {
  const e = err instanceof ProviderRpcError ? err : new ProviderRpcError({ code: -32603, message: 'Internal error' });
  const [type, code] = e.code === 4001 ? [rejectedType, 402] : e.code === 4100 ? ['identity_missing', 403] : e.code === 4200 ? ['not_supported', 405] : e.code === -32602 ? ['malicious', 403] : ['internal_error', 500];
  // Scatter's own words for a refusal (dApps match them); our specific message otherwise.
  const message = e.code === 4001 ? REJECTED[rejectedType] ?? e.message : e.code === 4100 ? 'Please log in (getIdentity) first' : e.message;
  // An Error (stack traces, instanceof checks) carrying Scatter's fields.
  return Object.assign(new Error(message), { type, code, isError: true as const });
}

function call(method: string, payload: Payload, rejectedType = 'signature_rejected'): Promise<unknown> {
  return request('eos', method, payload).catch((err: unknown) => {
    throw scatterError(err, rejectedType);
  });
}

const toHex = (bytes: unknown): string => {
  if (typeof bytes === 'string') return bytes;
  return hex(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes as ArrayLike<number>));
};

/** Only the network fields the background reads (a page's object may carry anything). */
const netOf = (n: unknown): Payload => {
  const o = (n ?? {}) as Payload;
  return { blockchain: o.blockchain, chainId: o.chainId, host: o.host, port: o.port, protocol: o.protocol };
};

interface Identity {
  accounts?: { blockchain: string; publicKey: string }[];
}

export class ScatterProvider {
  identity: Identity | null = null;
  network: Payload | null = null;
  readonly isExtension = true;
  readonly wallet = 'MultichainWallet';

  connect = (): Promise<boolean> => Promise.resolve(true);
  isConnected = (): boolean => true;
  isPaired = (): boolean => true;
  getVersion = (): Promise<unknown> => call('getVersion', {});
  useIdentity = (id: Identity | null): void => {
    this.identity = id;
  };
  getIdentity = async (fields?: unknown): Promise<unknown> => {
    const asked = ((fields as { accounts?: unknown[] } | undefined)?.accounts ?? (this.network ? [this.network] : [])).map(netOf);
    const id = (await call('getOrRequestIdentity', { fields: { accounts: asked } }, 'identity_rejected')) as Identity;
    this.identity = id;
    return id;
  };
  getIdentityFromPermissions = async (): Promise<unknown> => {
    const id = (await call('identityFromPermissions', {})) as Identity | null;
    this.identity = id ?? null;
    return id;
  };
  forgetIdentity = async (): Promise<unknown> => {
    const r = await call('forgetIdentity', {});
    this.identity = null;
    return r;
  };
  // ScatterJS 2 names; they look the methods up at call time so a wrapped getIdentity applies.
  login = (fields?: unknown): Promise<unknown> => this.getIdentity(fields);
  checkLogin = (): Promise<unknown> => this.getIdentityFromPermissions();
  logout = (): Promise<unknown> => this.forgetIdentity();
  suggestNetwork = (network?: unknown): Promise<unknown> => call('requestAddNetwork', { network: netOf(network ?? this.network) });
  hasAccountFor = (network?: unknown): Promise<unknown> => call('hasAccountFor', { network: netOf(network ?? this.network) });
  getArbitrarySignature = (publicKey: string, data: string): Promise<unknown> => call('requestArbitrarySignature', { publicKey, data });
  authenticate = (): Promise<unknown> => call('authenticate', {});
  requestSignature = (payload: Payload): Promise<unknown> => call('requestSignature', payload);
  addToken = (token: Payload, network?: unknown): Promise<unknown> => call('addToken', { token: { contract: token?.contract, symbol: token?.symbol, decimals: token?.decimals }, network: netOf(network ?? this.network) });

  /** The dApp's eosjs Api with a signature provider that asks the wallet (ScatterJS's `scatter.eos`). */
  eos = (network: unknown, Api: new (args: Payload) => unknown, options: Payload = {}): unknown => {
    const net = netOf(network);
    const signatureProvider = {
      getAvailableKeys: async (): Promise<string[]> => {
        const id = (this.identity ?? (await this.getIdentityFromPermissions())) as Identity | null;
        return (id?.accounts ?? []).filter((a) => a.blockchain === 'eos').map((a) => a.publicKey);
      },
      sign: async (args: { chainId?: string; serializedTransaction: unknown; serializedContextFreeData?: unknown }): Promise<{ signatures: string[]; serializedTransaction: unknown }> => {
        const r = (await call('requestSignature', {
          transaction: { serializedTransaction: toHex(args.serializedTransaction), chainId: args.chainId, ...(args.serializedContextFreeData ? { serializedContextFreeData: toHex(args.serializedContextFreeData) } : {}) },
          blockchain: 'eos',
          network: net,
        })) as { signatures: string[] };
        return { signatures: r.signatures, serializedTransaction: args.serializedTransaction };
      },
    };
    return new Api({ ...options, chainId: net.chainId ?? options.chainId, signatureProvider });
  };
}
