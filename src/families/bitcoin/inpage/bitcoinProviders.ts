/**
 * Bitcoin providers for dApps: a UniSat-compatible `window.unisat` (set only when no other
 * wallet holds it) and a sats-connect / WBIP004 provider at `window.MultichainWallet.BitcoinProvider`,
 * announced in `window.btc_providers`. Both only forward to the background; every decision and
 * every byte of signing happens there. Both are built on the page's
 * first read of either (provider.ts announces them at document_start; lazy.ts).
 */
import { request, onEvent, ProviderRpcError } from '../../../inpage/bridge';
import { Emitter } from '../../../inpage/emitter';

class UnisatProvider extends Emitter {
  readonly isMultichainWallet = true;

  #call(method: string, ...args: unknown[]): Promise<unknown> {
    return request('bitcoin', method, args);
  }
  requestAccounts = (): Promise<unknown> => this.#call('requestAccounts');
  getAccounts = (): Promise<unknown> => this.#call('getAccounts');
  disconnect = (): Promise<unknown> => this.#call('disconnect');
  getNetwork = (): Promise<unknown> => this.#call('getNetwork');
  switchNetwork = (network: string): Promise<unknown> => this.#call('switchNetwork', network);
  getChain = (): Promise<unknown> => this.#call('getChain');
  switchChain = (chain: string): Promise<unknown> => this.#call('switchChain', chain);
  getPublicKey = (): Promise<unknown> => this.#call('getPublicKey');
  getBalance = (): Promise<unknown> => this.#call('getBalance');
  getBalanceV2 = (): Promise<unknown> => this.#call('getBalanceV2');
  signMessage = (message: string, type?: string): Promise<unknown> => this.#call('signMessage', message, type ?? 'ecdsa');
  signPsbt = (psbtHex: string, options?: unknown): Promise<unknown> => this.#call('signPsbt', psbtHex, options ?? {});
  signPsbts = (psbtHexs: string[], options?: unknown[]): Promise<unknown> => this.#call('signPsbts', psbtHexs, options ?? []);
  pushPsbt = (psbtHex: string): Promise<unknown> => this.#call('pushPsbt', psbtHex);
  pushTx = (options: { rawtx: string }): Promise<unknown> => this.#call('pushTx', options);
  sendBitcoin = (toAddress: string, satoshis: number, options?: { feeRate?: number }): Promise<unknown> => this.#call('sendBitcoin', toAddress, satoshis, options ?? {});
  getInscriptions = (cursor?: number, size?: number): Promise<unknown> => this.#call('getInscriptions', cursor ?? 0, size ?? 20);
}

type WbipListener = (e: unknown) => void;

/** JSON-RPC 2.0 error codes sats-connect understands, from our EIP-1193-style ones. */
function rpcCode(code: number): number {
  if (code === 4001) return -32000;
  if (code === 4100) return -32002;
  if (code === 4200) return -32601;
  return code;
}

class WbipProvider {
  #listeners = new Map<string, WbipListener[]>();
  #counter = 0;

  request = async (method: string, params?: unknown): Promise<unknown> => {
    const id = `mcw-${++this.#counter}`;
    if (typeof method !== 'string' || method.length === 0 || method.length > 90) return { jsonrpc: '2.0', id, error: { code: -32600, message: 'Invalid request' } };
    try {
      return { jsonrpc: '2.0', id, result: await request('bitcoin', `wbip:${method}`, params ?? null) };
    } catch (err) {
      const e = err instanceof ProviderRpcError ? err : new ProviderRpcError({ code: -32603, message: 'Internal error' });
      return { jsonrpc: '2.0', id, error: { code: rpcCode(e.code), message: e.message, ...(e.data !== undefined ? { data: e.data } : {}) } };
    }
  };

  addListener = (info: { eventName: string; cb: WbipListener }): (() => void) => {
    const { eventName, cb } = info ?? {};
    if (typeof cb !== 'function') return () => undefined;
    this.#listeners.set(eventName, [...(this.#listeners.get(eventName) ?? []), cb]);
    return () => this.#listeners.set(eventName, (this.#listeners.get(eventName) ?? []).filter((l) => l !== cb));
  };

  emit(eventName: string, e: unknown): void {
    for (const cb of this.#listeners.get(eventName) ?? []) {
      try {
        cb(e);
      } catch (err) {
        setTimeout(() => {
          throw err;
        });
      }
    }
  }
}

const WBIP_NET: Record<string, string> = { livenet: 'Mainnet', testnet: 'Testnet', regtest: 'Regtest' };

/** Both providers and their event hookup, built on the page's first touch of either (lazy.ts). */
export function buildProviders(): { unisat: UnisatProvider; wbip: WbipProvider } {
  const unisat = new UnisatProvider();
  const wbip = new WbipProvider();
  onEvent('bitcoin', (event, data) => {
    unisat.emit(event, data);
    if (event === 'accountsChanged') {
      const accounts = Array.isArray(data) ? data : [];
      wbip.emit(accounts.length ? 'accountChange' : 'disconnect', accounts.length ? { type: 'accountChange' } : { type: 'disconnect' });
    }
    if (event === 'networkChanged') wbip.emit('networkChange', { type: 'networkChange', bitcoin: { name: WBIP_NET[String(data)] ?? 'Mainnet' }, stacks: { name: 'mainnet' } });
  });
  Object.freeze(unisat);
  Object.freeze(wbip);
  return { unisat, wbip };
}
