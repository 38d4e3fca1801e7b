/**
 * Demo build only (see src/demo/config.ts): points the wallet's local networks at the nodes
 * `npm start` started and, on first install, selects them, so the first screen after importing the
 * public test phrase shows funded balances instead of a mainnet RPC error.
 */
import { LOCAL_DEVNET_CHAIN_ID, findNetwork } from '../families/evm/core/networks';
import type { DemoConfig } from '../demo/config';
import { addCustomNetwork, setActiveChain } from '../families/evm/background/state';
import { setBitcoinNetwork, setEsploraUrl } from '../families/bitcoin/background/state';
import { setSolanaCluster, setSolanaRpcUrl } from '../families/solana/background/state';
import { setTronFullNode, setTronNetwork } from '../families/tron/background/state';
import { onWake } from './wakeEvents';

/** The endpoints may change between runs (a busy port makes npm start pick another): set them on every start. */
async function pointAtLocalNodes(demo: DemoConfig): Promise<void> {
  const devnet = findNetwork(LOCAL_DEVNET_CHAIN_ID)!;
  if (devnet.rpcUrls[0] !== demo.evmRpc) await addCustomNetwork({ ...devnet, rpcUrls: [demo.evmRpc] });
  if (demo.solanaRpc) await setSolanaRpcUrl('localnet', demo.solanaRpc);
  if (demo.tronNode) await setTronFullNode('custom', demo.tronNode);
  if (demo.esplora) await setEsploraUrl('regtest', demo.esplora);
}

async function selectLocalNetworks(demo: DemoConfig): Promise<void> {
  await setActiveChain(LOCAL_DEVNET_CHAIN_ID);
  if (demo.solanaRpc) await setSolanaCluster('localnet');
  if (demo.tronNode) await setTronNetwork('custom');
  if (demo.esplora) await setBitcoinNetwork('regtest');
}

export function installDemo(demo: DemoConfig): Promise<void> {
  const ready = pointAtLocalNodes(demo).catch((err: unknown) => console.warn('demo: could not set the local nodes', err));
  onWake('installed', ({ reason }) => {
    if (reason === 'install') void ready.then(() => selectLocalNetworks(demo)).catch((err: unknown) => console.warn('demo: could not select the local networks', err));
  });
  return ready;
}
