/**
 * EIP-1193 provider for EVM dApps (announced by provider.ts). It only forwards requests; every
 * decision is the background's. Built on the page's first touch (provider.ts; src/inpage/lazy.ts).
 */
import { request, onEvent, ProviderRpcError } from '../../../inpage/bridge';
import { Emitter } from '../../../inpage/emitter';

interface RequestArguments {
  method: string;
  params?: unknown[] | Record<string, unknown>;
}

export class EvmProvider extends Emitter {
  readonly isMultichainWallet = true;
  // Private fields stay writable after Object.freeze; the page sees read-only getters.
  #chainId: string | null = null;
  #selectedAddress: string | null = null;
  #connected = false;
  // MetaMask compatibility (issue 19): sites that only enable "MetaMask-compatible" providers
  // check this flag. On by default; the background's provider state says if the user turned it
  // off. The EIP-6963 info still names this wallet.
  #isMetaMask = true;

  get isMetaMask(): boolean {
    return this.#isMetaMask;
  }

  get chainId(): string | null {
    return this.#chainId;
  }
  get selectedAddress(): string | null {
    return this.#selectedAddress;
  }

  #stateAsked = false;

  constructor() {
    super();
    onEvent('evm', (event, data) => this.#onEvent(event, data));
  }

  /**
   * Asks for chainId/accounts (and emits `connect`) on the page's first request or listener, not
   * at load: asking opens the relay's port and wakes the wallet, which a page that never uses a
   * wallet should not pay for.
   */
  #askState(): void {
    if (this.#stateAsked) return;
    this.#stateAsked = true;
    void request('evm', 'wallet_getProviderState').then(
      (s) => {
        const state = s as { chainId: string; accounts: string[]; isMetaMask?: boolean };
        this.#isMetaMask = state.isMetaMask !== false;
        this.#chainId = state.chainId;
        this.#selectedAddress = state.accounts[0] ?? null;
        this.#connected = true;
        this.emit('connect', { chainId: state.chainId });
      },
      () => undefined,
    );
  }

  override on(event: string, fn: (...args: unknown[]) => void): this {
    this.#askState();
    return super.on(event, fn);
  }

  isConnected(): boolean {
    return this.#connected;
  }

  async request(args: RequestArguments): Promise<unknown> {
    if (!args || typeof args !== 'object' || Array.isArray(args)) throw new ProviderRpcError({ code: -32600, message: 'Expected a single, non-array, object argument' });
    const { method, params } = args;
    if (typeof method !== 'string' || method.length === 0) throw new ProviderRpcError({ code: -32600, message: "'args.method' must be a non-empty string" });
    if (params !== undefined && (typeof params !== 'object' || params === null)) throw new ProviderRpcError({ code: -32600, message: "'args.params' must be an object or array if provided" });
    this.#askState();
    const result = await request('evm', method, params);
    if (method === 'eth_requestAccounts' || method === 'eth_accounts') this.#selectedAddress = (result as string[])[0] ?? null;
    return result;
  }

  /** Legacy: MetaMask's enable(). */
  enable(): Promise<unknown> {
    return this.request({ method: 'eth_requestAccounts' });
  }

  /** Legacy web3.js callback style. */
  sendAsync(payload: { id?: number; jsonrpc?: string; method: string; params?: unknown[] }, cb: (err: unknown, res?: unknown) => void): void {
    this.request({ method: payload.method, ...(payload.params ? { params: payload.params } : {}) }).then(
      (result) => cb(null, { id: payload.id, jsonrpc: '2.0', result }),
      (err: unknown) => cb(err),
    );
  }

  #onEvent(event: string, data: unknown): void {
    if (event === 'chainChanged') this.#chainId = data as string;
    if (event === 'accountsChanged') this.#selectedAddress = (data as string[])[0] ?? null;
    if (event === 'connect') this.#connected = true;
    if (event === 'disconnect') this.#connected = false;
    this.emit(event, data);
  }
}
