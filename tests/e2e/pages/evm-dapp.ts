/**
 * EVM test dApp: discovers wallets with mipd (EIP-6963, what wagmi uses), and exposes a few
 * helpers the test drives with page.evaluate. Every call goes through the announced provider.
 */
import { createStore } from 'mipd';
import { createWalletClient, custom, type EIP1193Provider } from 'viem';

const store = createStore();

function wallet(): EIP1193Provider {
  const found = store.getProviders().find((p) => p.info.rdns === 'dev.multichainwallet');
  if (!found) throw new Error('wallet not announced');
  return found.provider as EIP1193Provider;
}

async function call(method: string, params?: unknown): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
  try {
    return { result: await wallet().request({ method, params } as never) };
  } catch (e) {
    const err = e as { code: number; message: string };
    return { error: { code: err.code, message: err.message } };
  }
}

const events: Array<{ event: string; data: unknown }> = [];

const api = {
  providers: () => store.getProviders().map((p) => ({ name: p.info.name, rdns: p.info.rdns, uuid: p.info.uuid, iconIsDataUri: p.info.icon.startsWith('data:image/') })),
  call,
  listen: () => {
    for (const ev of ['connect', 'disconnect', 'chainChanged', 'accountsChanged']) wallet().on(ev as 'connect', (data: unknown) => events.push({ event: ev, data }));
  },
  events: () => events,
  /** The provider announced through EIP-6963 is the object behind window.ethereum. */
  sameAsWindowEthereum: () => wallet() === (window as unknown as { ethereum?: unknown }).ethereum,
  /** viem's wallet client over the injected provider: a real client library sends the transaction. */
  viemSend: async (to: string, valueWei: string) => {
    try {
      const client = createWalletClient({ transport: custom(wallet()) });
      const [account] = await client.requestAddresses();
      const hash = await client.sendTransaction({ account: account!, to: to as `0x${string}`, value: BigInt(valueWei), chain: null });
      return { result: hash };
    } catch (e) {
      const err = e as { code?: number; message: string; cause?: { code?: number } };
      return { error: { code: err.code ?? err.cause?.code ?? -1, message: err.message } };
    }
  },
  /** Posts raw requests on the bridge channel and resolves with the first `count` answers carrying `id`. */
  rawCollect: (payloads: unknown[], id: string, count: number) =>
    new Promise<unknown[]>((resolve) => {
      const got: unknown[] = [];
      window.addEventListener('message', (e: MessageEvent) => {
        const d = e.data as { channel?: string; type?: string; id?: string } | undefined;
        if (e.source !== window || d?.channel !== 'mcw:content' || d.type !== 'response' || d.id !== id) return;
        got.push(d);
        if (got.length === count) resolve(got);
      });
      for (const p of payloads) window.postMessage(p, location.origin);
    }),
  /** Raw postMessage garbage straight onto the bridge channel, bypassing the provider. */
  spoof: (payloads: unknown[]) => {
    for (const p of payloads) window.postMessage(p, '*');
  },
};

(window as unknown as { dapp: typeof api }).dapp = api;
