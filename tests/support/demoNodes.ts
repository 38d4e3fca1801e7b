/**
 * The Solana and TRON nodes of `npm start` (tests/support/start.mjs bundles this file with esbuild
 * and runs it in its own process): the LiteSVM JSON-RPC server and the TRON HTTP API server the
 * end-to-end tests use, each on a free loopback port, with the first account of the public test
 * phrase funded so the demo wallet shows balances on every family.
 */
import { deriveAccount } from '../../src/core/derive/deriveAccount';
import { DEMO_MNEMONIC } from '../../src/demo/config';
import { startLiteSvmRpc } from './litesvmRpc';
import { startTronNode } from './tronNode';

export interface DemoNodes {
  solana: { url: string; address: string; lamports: bigint };
  tron: { url: string; address: string; sun: bigint };
  stop(): Promise<void>;
}

export const DEMO_LAMPORTS = 100n * 1_000_000_000n; // 100 SOL
export const DEMO_SUN = 10_000n * 1_000_000n; // 10,000 TRX

export async function startDemoNodes(): Promise<DemoNodes> {
  const solAddress = deriveAccount({ mnemonic: DEMO_MNEMONIC, family: 'solana', index: 0 }).address;
  const tronAddress = deriveAccount({ mnemonic: DEMO_MNEMONIC, family: 'tron', index: 0 }).address;
  const svm = await startLiteSvmRpc();
  svm.airdrop(solAddress, DEMO_LAMPORTS);
  const tron = await startTronNode();
  tron.setBalance(tronAddress, DEMO_SUN);
  return {
    solana: { url: svm.url, address: solAddress, lamports: svm.balance(solAddress) },
    tron: { url: tron.url, address: tronAddress, sun: tron.balance(tronAddress) },
    stop: async () => {
      await Promise.allSettled([svm.stop(), tron.stop()]);
    },
  };
}
