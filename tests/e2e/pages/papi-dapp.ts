/**
 * A dApp on polkadot-api (the client) with @polkadot-api/pjs-signer: it finds the wallet through
 * `window.injectedWeb3` (connectInjectedExtension), turns the injected signer into a
 * PolkadotSigner, and submits a balances.transfer_keep_alive through the unsafe (descriptor-less)
 * API on the chopsticks node.
 */
import { createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { connectInjectedExtension } from '@polkadot-api/pjs-signer';

type Result = { result?: unknown; error?: { message: string } };
async function wrap(fn: () => Promise<unknown>): Promise<Result> {
  try {
    return { result: await fn() };
  } catch (e) {
    return { error: { message: String((e as Error).message ?? e) } };
  }
}

(window as unknown as { dapp: unknown }).dapp = {
  transfer: (ws: string, to: string, amount: string) =>
    wrap(async () => {
      const ext = await connectInjectedExtension('multichain-wallet', 'papi test dApp');
      const account = ext.getAccounts()[0];
      if (!account) throw new Error('no account');
      const client = createClient(getWsProvider(ws));
      const api = client.getUnsafeApi();
      const tx = api.tx.Balances!.transfer_keep_alive!({ dest: { type: 'Id', value: to }, value: BigInt(amount) });
      const r = await tx.signAndSubmit(account.polkadotSigner);
      client.destroy();
      return { ok: r.ok, block: r.block.hash };
    }),
};
