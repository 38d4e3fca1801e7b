/**
 * The popup's view of EVM networks: list, switch, add a custom RPC, edit any network's RPC and
 * explorer (built-ins too: public RPCs are blocked in some places) and reset a built-in to its
 * defaults. Every new RPC must answer eth_chainId with the network's own id before it is stored.
 */
import { checkRpcChainId, findNetwork, type EvmNetwork } from '../core/networks';
import type { NetworkView } from '../../../protocol/ui';
import { WalletError } from '../../../background/errors';
import { addCustomNetwork, allNetworks, evmState, forgetEvmState, saveEvmState, setActiveChain } from './state';
import { editFor } from '../core/networkEdit';
import { localArea } from '../../../background/storageCache';

export interface NetworkList {
  networks: NetworkView[];
  activeChainId: number;
}

function view(n: EvmNetwork, edited: boolean): NetworkView {
  return { chainId: n.chainId, name: n.name, symbol: n.nativeCurrency.symbol, rpcUrl: n.rpcUrls[0] ?? '', explorer: n.blockExplorerUrl ?? null, testnet: n.testnet, custom: n.custom, edited };
}

export async function listNetworks(): Promise<NetworkList> {
  const [networks, s] = await Promise.all([allNetworks(), evmState()]);
  return { networks: networks.map((n) => view(n, !n.custom && s.edits?.[String(n.chainId)] !== undefined)), activeChainId: s.activeChainId };
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
  await requireChainId(rpcUrl, chainId as number, 'CHAIN_ID_MISMATCH');
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
  await localArea.set({ evm: next });
  forgetEvmState();
  return listNetworks();
}

/** Throws unless the RPC answers eth_chainId with `chainId` (nothing is stored before this passes). */
async function requireChainId(rpcUrl: string, chainId: number, mismatchCode: string): Promise<void> {
  const check = await checkRpcChainId(rpcUrl, chainId);
  if (check.ok) return;
  if (check.reportedChainId !== undefined) throw new WalletError(mismatchCode, 'The RPC serves another chain', undefined, { declared: chainId, reported: check.reportedChainId });
  throw new WalletError('RPC_CHECK_FAILED', 'Could not read the chain id from that RPC');
}

/**
 * Sets a network's RPC URL and explorer ('' or absent explorer: none). A built-in network keeps its
 * defaults beside the edit (reset restores them); a custom one is changed in place. Checked first:
 * a URL that is not http(s) or serves another chain id changes nothing.
 */
export async function editNetwork(p: { chainId: unknown; rpcUrl: unknown; explorer?: unknown }): Promise<NetworkList> {
  const chainId = p.chainId;
  const s = await evmState();
  const known = Number.isSafeInteger(chainId) ? findNetwork(chainId as number, s.customNetworks) : undefined;
  if (!known) throw new WalletError('UNKNOWN_CHAIN', 'Unknown network');
  const rpcUrl = httpUrl(p.rpcUrl, 'RPC URL')!;
  const explorer = httpUrl(p.explorer, 'Explorer URL', true) ?? null;
  await requireChainId(rpcUrl, known.chainId, 'RPC_WRONG_CHAIN');
  const fresh = await evmState();
  if (known.custom) {
    const edited: EvmNetwork = { ...known, rpcUrls: [rpcUrl] };
    if (explorer) edited.blockExplorerUrl = explorer;
    else delete edited.blockExplorerUrl;
    await saveEvmState({ ...fresh, customNetworks: fresh.customNetworks.map((n) => (n.chainId === known.chainId ? edited : n)) });
  } else {
    // Stored only where it differs from the default, so a later default change still reaches the user.
    const edit = editFor(known, rpcUrl, explorer);
    const edits = { ...fresh.edits };
    if (edit) edits[String(known.chainId)] = edit;
    else delete edits[String(known.chainId)];
    await saveEvmState({ ...fresh, edits });
  }
  return listNetworks();
}

/** Drops the user's RPC and explorer of a built-in network: its defaults apply again. */
export async function resetNetwork(chainId: unknown): Promise<NetworkList> {
  const s = await evmState();
  const known = Number.isSafeInteger(chainId) ? findNetwork(chainId as number, s.customNetworks) : undefined;
  if (!known) throw new WalletError('UNKNOWN_CHAIN', 'Unknown network');
  if (known.custom) throw new WalletError('NOT_BUILTIN', 'Only a built-in network has defaults to restore');
  const edits = { ...s.edits };
  delete edits[String(known.chainId)];
  await saveEvmState({ ...s, edits });
  return listNetworks();
}
