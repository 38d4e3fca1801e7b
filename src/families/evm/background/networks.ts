/** The popup's view of EVM networks: list, switch, add a custom RPC (after an eth_chainId check), remove. */
import { checkRpcChainId, type EvmNetwork } from '../core/networks';
import type { NetworkView } from '../../../protocol/ui';
import { WalletError } from '../../../background/errors';
import { addCustomNetwork, allNetworks, evmState, forgetEvmState, setActiveChain } from './state';
import { browser } from 'wxt/browser';

export interface NetworkList {
  networks: NetworkView[];
  activeChainId: number;
}

function view(n: EvmNetwork): NetworkView {
  return { chainId: n.chainId, name: n.name, symbol: n.nativeCurrency.symbol, rpcUrl: n.rpcUrls[0] ?? '', explorer: n.blockExplorerUrl ?? null, testnet: n.testnet, custom: n.custom };
}

export async function listNetworks(): Promise<NetworkList> {
  const [networks, s] = await Promise.all([allNetworks(), evmState()]);
  return { networks: networks.map(view), activeChainId: s.activeChainId };
}

export async function switchNetwork(chainId: unknown): Promise<NetworkList> {
  if (!Number.isSafeInteger(chainId) || (chainId as number) <= 0) throw new WalletError('INVALID_INPUT', 'A chain id is required');
  await setActiveChain(chainId as number);
  return listNetworks();
}

function httpUrl(v: unknown, field: string, optional = false): string | undefined {
  if (optional && (v === undefined || v === '')) return undefined;
  if (typeof v !== 'string' || v.length > 500) throw new WalletError('INVALID_URL', `${field} is not a URL`);
  let u: URL;
  try {
    u = new URL(v.trim());
  } catch {
    throw new WalletError('INVALID_URL', `${field} is not a URL`);
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname))) {
    throw new WalletError('INSECURE_RPC', 'Use an https:// address (http:// only for this computer)');
  }
  return u.toString().replace(/\/$/, '');
}

export async function addNetwork(p: { name: unknown; chainId: unknown; rpcUrl: unknown; symbol: unknown; explorer?: unknown }): Promise<NetworkList> {
  const chainId = p.chainId;
  if (!Number.isSafeInteger(chainId) || (chainId as number) <= 0 || (chainId as number) > 2 ** 32) throw new WalletError('INVALID_CHAIN_ID', 'The chain id must be a positive whole number');
  const name = typeof p.name === 'string' ? p.name.trim().slice(0, 60) : '';
  const symbol = typeof p.symbol === 'string' ? p.symbol.trim() : '';
  if (!name) throw new WalletError('INVALID_INPUT', 'A name is required');
  if (!/^[A-Za-z0-9.$_-]{1,11}$/.test(symbol)) throw new WalletError('INVALID_SYMBOL', 'The currency symbol must be 1 to 11 letters or digits');
  const rpcUrl = httpUrl(p.rpcUrl, 'RPC URL')!;
  const explorer = httpUrl(p.explorer, 'Explorer URL', true);
  const check = await checkRpcChainId(rpcUrl, chainId as number);
  if (!check.ok) {
    if (check.reportedChainId !== undefined) throw new WalletError('CHAIN_ID_MISMATCH', 'The RPC serves another chain', undefined, { declared: chainId as number, reported: check.reportedChainId });
    throw new WalletError('RPC_CHECK_FAILED', 'Could not read the chain id from that RPC');
  }
  const network: EvmNetwork = {
    chainId: chainId as number,
    chainIdHex: `0x${(chainId as number).toString(16)}`,
    name,
    nativeCurrency: { name: symbol, symbol, decimals: 18 },
    rpcUrls: [rpcUrl],
    ...(explorer ? { blockExplorerUrl: explorer } : {}),
    testnet: false,
    eip1559: true,
    custom: true,
  };
  await addCustomNetwork(network);
  return listNetworks();
}

export async function removeNetwork(chainId: unknown): Promise<NetworkList> {
  const s = await evmState();
  if (!s.customNetworks.some((n) => n.chainId === chainId)) throw new WalletError('UNKNOWN_CHAIN', 'Only a custom network can be removed');
  const next = { ...s, customNetworks: s.customNetworks.filter((n) => n.chainId !== chainId) };
  // Removing the active network falls back to Ethereum.
  if (s.activeChainId === chainId) next.activeChainId = 1;
  await browser.storage.local.set({ evm: next });
  forgetEvmState();
  return listNetworks();
}
