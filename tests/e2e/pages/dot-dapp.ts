/**
 * Polkadot test dApp built the way real ones are: @polkadot/extension-dapp (web3Enable,
 * web3Accounts, web3FromSource) finds the wallet's injectedWeb3 entry, and @polkadot/api
 * (WsProvider on the chopsticks node) builds, has the wallet sign, and submits a
 * balances.transferKeepAlive; signRaw goes through the injected signer unchanged. Helpers are
 * exposed on window.dapp for page.evaluate.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { web3Accounts, web3Enable, web3FromSource } from '@polkadot/extension-dapp';

type Result = { result?: unknown; error?: { message: string } };
let api: ApiPromise | null = null;

async function wrap(fn: () => Promise<unknown>): Promise<Result> {
  try {
    return { result: await fn() };
  } catch (e) {
    return { error: { message: String((e as Error).message ?? e) } };
  }
}

const SOURCE = 'multichain-wallet';

(window as unknown as { dapp: unknown }).dapp = {
  keys: () => Object.keys((window as unknown as { injectedWeb3?: object }).injectedWeb3 ?? {}),
  enable: () => wrap(async () => (await web3Enable('Polkadot test dApp')).map((e) => ({ name: e.name, version: e.version }))),
  accounts: () => wrap(async () => (await web3Accounts()).map((a) => ({ address: a.address, source: a.meta.source, type: a.type }))),
  connect: (ws: string) =>
    wrap(async () => {
      api = await ApiPromise.create({ provider: new WsProvider(ws), noInitWarn: true });
      return api.genesisHash.toHex();
    }),
  transfer: (from: string, to: string, amount: string) =>
    wrap(async () => {
      const injector = await web3FromSource(SOURCE);
      const tx = api!.tx.balances!.transferKeepAlive!(to, amount);
      return new Promise((resolve, reject) => {
        tx.signAndSend(from, { signer: injector.signer }, ({ status, dispatchError, txHash }) => {
          if (dispatchError) reject(new Error(`dispatch error ${dispatchError.toString()}`));
          else if (status.isInBlock || status.isFinalized) resolve({ hash: txHash.toHex(), status: status.type });
        }).catch(reject);
      });
    }),
  signRaw: (address: string, data: string) =>
    wrap(async () => {
      const injector = await web3FromSource(SOURCE);
      return injector.signer.signRaw!({ address, data, type: 'bytes' });
    }),
  signPayloadRaw: (payload: unknown) =>
    wrap(async () => {
      const injector = await web3FromSource(SOURCE);
      return injector.signer.signPayload!(payload as never);
    }),
  free: (address: string) =>
    wrap(async () => {
      const info = (await api!.query.system!.account!(address)) as unknown as { data: { free: { toString(): string } } };
      return info.data.free.toString();
    }),
};
