/**
 * What the Polkadot provider's enable() resolves to, as @polkadot/extension-inject defines it:
 * { accounts, metadata, signer } after the user connects the site (provider.ts puts `enable` in
 * `window.injectedWeb3` at document_start; its account subscription starts on the first subscribe). The origin the wallet authorises is the browser's (the bridge's port
 * sender), never `originName`. Tiny and SDK-free: requests go through the bridge; the background
 * decodes, shows and signs. A refused signature rejects with Error('Cancelled'), as the polkadot.js
 * extension does (what @polkadot/api and @polkadot-api/pjs-signer pass on to the dApp).
 */
import { onEvent, ProviderRpcError, request } from '../../../inpage/bridge';

interface InjectedAccount {
  address: string;
  genesisHash?: string | null;
  name?: string;
  type?: string;
}

export const call = (method: string, params?: unknown): Promise<unknown> =>
  request('polkadot', method, params).catch((e: unknown) => {
    if (e instanceof ProviderRpcError && e.code === 4001) throw new Error('Cancelled');
    throw e;
  });

let nextId = 0;
const subscribers = new Set<(accounts: InjectedAccount[]) => void>();
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  onEvent('polkadot', (event, data) => {
    if (event !== 'accountsChanged') return;
    // The event names addresses only; subscribers get InjectedAccount objects, so ask again (a
    // revoked site gets the empty list at once).
    if (!Array.isArray(data) || data.length === 0) {
      for (const cb of subscribers) cb([]);
      return;
    }
    accounts.get().then(
      (list) => {
        for (const cb of subscribers) cb(list);
      },
      () => undefined,
    );
  });
}

export const accounts = {
  get: (): Promise<InjectedAccount[]> => call('accounts') as Promise<InjectedAccount[]>,
  subscribe(cb: (accounts: InjectedAccount[]) => void): () => void {
    listen();
    subscribers.add(cb);
    accounts.get().then(
      (a) => subscribers.has(cb) && cb(a),
      () => undefined,
    );
    return () => void subscribers.delete(cb);
  },
};

export const signer = {
  async signPayload(payload: unknown): Promise<{ id: number; signature: string; signedTransaction?: string }> {
    const r = (await call('signPayload', payload)) as { signature: string; signedTransaction?: string };
    return { id: ++nextId, ...r };
  },
  async signRaw(raw: unknown): Promise<{ id: number; signature: string }> {
    const r = (await call('signRaw', raw)) as { signature: string };
    return { id: ++nextId, ...r };
  },
};

export const metadata = {
  get: (): Promise<unknown[]> => call('metadataGet') as Promise<unknown[]>,
  provide: (def: unknown): Promise<boolean> => call('metadataProvide', def) as Promise<boolean>,
};
