/**
 * Test dApp: @aptos-labs/wallet-adapter-core (unchanged, telemetry off) finds the wallet through the
 * Wallet Standard and drives it; @aptos-labs/ts-sdk builds a raw transaction for the v1.0
 * signTransaction path and submits what the wallet signed. Results go back to the test as JSON.
 */
import { WalletCore } from '@aptos-labs/wallet-adapter-core';
import { Aptos, AptosConfig, Network } from '@aptos-labs/ts-sdk';

type Result = { result?: unknown; error?: { code?: number; message: string } };

const core = new WalletCore([], { network: Network.LOCAL }, true);
const NAME = 'Multichain Wallet';

async function wrap(fn: () => Promise<unknown>): Promise<Result> {
  try {
    return { result: await fn() };
  } catch (e) {
    // The adapter throws its errors' messages as strings.
    if (typeof e === 'string') return { error: { message: e } };
    const err = e as { code?: number; message: string };
    return { error: { ...(typeof err.code === 'number' ? { code: err.code } : {}), message: String(err.message) } };
  }
}

const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x instanceof Uint8Array ? Array.from(x) : x)));
const feature = (name: string): Record<string, (...a: unknown[]) => Promise<unknown>> => ((core.wallet ?? core.wallets.find((w) => w.name === NAME))!.features as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[name]!;

const api = {
  wallets: () => core.wallets.map((w) => ({ name: w.name, features: Object.keys(w.features).sort(), chains: [...w.chains], readyState: (w as { readyState?: string }).readyState })),
  connect: () =>
    wrap(async () => {
      await core.connect(NAME);
      return { address: core.account!.address.toString(), publicKey: core.account!.publicKey.toString(), network: core.network, connected: core.isConnected() };
    }),
  disconnect: () => wrap(() => core.disconnect()),
  signMessage: (input: unknown) =>
    wrap(async () => {
      const r = await core.signMessage(input as never);
      return { ...r, signature: r.signature.toString() };
    }),
  signAndSubmit: (data: unknown) => wrap(async () => core.signAndSubmitTransaction({ data } as never)),
  /** The wallet's own feature, as a dApp without the adapter would call it (the raw UserResponse). */
  raw: (name: string, method: string, ...args: unknown[]) => wrap(async () => json(await feature(name)[method]!(...args))),
  /** v1.0: ts-sdk builds the raw transaction, the wallet signs it, ts-sdk submits sender + authenticator. */
  signBuiltAndSubmit: (nodeUrl: string, data: { function: string; functionArguments: unknown[] }) =>
    wrap(async () => {
      const aptos = new Aptos(new AptosConfig({ network: Network.CUSTOM, fullnode: nodeUrl }));
      const transaction = await aptos.transaction.build.simple({ sender: core.account!.address.toString(), data: data as never });
      const { authenticator } = await core.signTransaction({ transactionOrPayload: transaction });
      const pending = await aptos.transaction.submit.simple({ transaction, senderAuthenticator: authenticator });
      return { hash: pending.hash };
    }),
};

(window as unknown as { dapp: typeof api }).dapp = api;
