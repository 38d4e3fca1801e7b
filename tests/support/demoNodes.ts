/**
 * The Solana, TRON and Bitcoin nodes of `npm start` (tests/support/start.mjs bundles this file with
 * esbuild and runs it in-process): the LiteSVM JSON-RPC server, the TRON HTTP API server and the
 * fake Esplora (regtest) the end-to-end tests use, each on a free loopback port behind the CORS
 * front the extension needs (public APIs send those headers; these test servers do not), with the
 * first account of the public test phrase funded so the demo wallet shows balances on every family.
 */
import { deriveAccount } from '../../src/core/derive/deriveAccount';
import { DEMO_MNEMONIC } from '../../src/demo/config';
import { bitcoin, fundingTx, REGTEST } from '../core/bitcoin/helpers';
import { FakeEsplora } from '../core/bitcoin/esploraServer';
import { corsProxy } from '../e2e/support/corsProxy';
import { startLiteSvmRpc } from './litesvmRpc';
import { startTronNode } from './tronNode';

export interface DemoNodes {
  solana: { url: string; address: string; lamports: bigint };
  tron: { url: string; address: string; sun: bigint };
  bitcoin: { url: string; address: string; sats: number };
  stop(): Promise<void>;
}

export const DEMO_LAMPORTS = 100n * 1_000_000_000n; // 100 SOL
export const DEMO_SUN = 10_000n * 1_000_000n; // 10,000 TRX
export const DEMO_SATS = 100_000_000; // 1 BTC

export async function startDemoNodes(): Promise<DemoNodes> {
  const account = (family: 'solana' | 'tron' | 'bitcoin', network?: string): string => deriveAccount({ mnemonic: DEMO_MNEMONIC, family, index: 0, ...(network ? { network } : {}) }).address;
  const [solAddress, tronAddress, btcAddress] = [account('solana'), account('tron'), account('bitcoin', 'regtest')];

  const svm = await startLiteSvmRpc();
  svm.airdrop(solAddress, DEMO_LAMPORTS);
  const tron = await startTronNode();
  tron.setBalance(tronAddress, DEMO_SUN);
  const esplora = new FakeEsplora();
  await esplora.start();
  esplora.addTx(fundingTx([{ script: bitcoin.address.toOutputScript(btcAddress, REGTEST), value: DEMO_SATS }]).hex, true);

  const [solProxy, tronProxy, btcProxy] = await Promise.all([corsProxy(svm.url), corsProxy(tron.url), corsProxy(esplora.baseUrl)]);
  return {
    solana: { url: solProxy.url, address: solAddress, lamports: svm.balance(solAddress) },
    tron: { url: tronProxy.url, address: tronAddress, sun: tron.balance(tronAddress) },
    bitcoin: { url: btcProxy.url, address: btcAddress, sats: DEMO_SATS },
    stop: async () => {
      await Promise.allSettled([solProxy.close(), tronProxy.close(), btcProxy.close(), svm.stop(), tron.stop(), esplora.stop()]);
    },
  };
}
