/**
 * The TRON state the family's background works with: the active network and the node URL of each
 * network (both in the shared family store, src/background/families/modules.ts, which also reads
 * an older install's 'tron' key until the user chooses anew), and, under storage.local 'tron'
 * (public data only, as before), the TRC-20 tokens shown per network (USDT preset on mainnet) and,
 * for the custom node, the chain id derived from its genesis block.
 * Also the dApp-facing account: the selected wallet (storage 'selection') at the selected account
 * index, m/44'/195'/0'/0/index (an imported TRON key has a single account). Keys are derived on
 * demand from the unlocked keyring and wiped after use; only the base58 address is cached.
 *
 * Chain id of the custom network: TronLink/tronwallet-adapter chain ids are "0x" + the last 8 hex
 * digits of the genesis block id, so when the custom node is selected or its URL changes the
 * wallet asks it for block 0 and stores the derived id in `customChainId` (keyed by the URL it
 * came from). Until that succeeds `tronChainIdOf` answers '0x0' (unknown) for custom.
 */
import { createTronApi, type TronApi } from '../core/api';
import { chainIdFromGenesisBlockId, TRON_CHAIN_IDS, trc20Presets } from '../core/networks';
import { isTronNetworkId, TRON_NETWORK_IDS, type TronNetworkId } from '../core/descriptor';
import { tronAddressOfSecret } from '../core/transaction';
import { keyring } from '../../../background/keyring';
import { WalletError } from '../../../background/errors';
import { AccountCache } from '../../../background/accountCache';
import { selectedAccount, type SelectedAccount } from '../../../background/selectedAccount';
import { emitToOrigin } from '../../../background/dapp/router';
import { activeNetwork, endpointsOf, networkIdOf, selectNetwork, setEndpoint } from '../../../background/families/modules';
import { localArea } from '../../../background/storageCache';

export { TRON_NETWORK_IDS, type TronNetworkId };

export interface TronToken {
  address: string;
  symbol: string;
  decimals: number;
}

export interface TronState {
  network: TronNetworkId;
  fullNode: Record<TronNetworkId, string>;
  tokens: Record<TronNetworkId, TronToken[]>;
  /** Chain id derived from the custom node's genesis block, with the URL it was read from. */
  customChainId?: { url: string; chainId: string };
}

/** Chain id reported for the custom network while its genesis block is unknown. */
export const UNKNOWN_TRON_CHAIN_ID = '0x0';

const KEY = 'tron';

const presetTokens = (): TronState['tokens'] => ({
  mainnet: trc20Presets('mainnet').map((t) => ({ address: t.contract, symbol: t.symbol, decimals: t.decimals })),
  nile: [],
  shasta: [],
  custom: [],
});

async function stored(): Promise<Record<string, unknown>> {
  const v = (await localArea.get(KEY))[KEY] as unknown;
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

export async function tronState(): Promise<TronState> {
  const [net, fullNode, got] = await Promise.all([activeNetwork('tron'), endpointsOf('tron'), stored()]);
  const id = networkIdOf(net.ref);
  const s: TronState = { network: isTronNetworkId(id) ? id : 'mainnet', fullNode: fullNode as Record<TronNetworkId, string>, tokens: presetTokens() };
  const tokens = got.tokens as Partial<Record<TronNetworkId, Array<Partial<TronToken>>>> | undefined;
  for (const n of TRON_NETWORK_IDS) {
    const list = tokens?.[n];
    if (Array.isArray(list)) s.tokens[n] = list.filter((t) => t && typeof t.address === 'string' && typeof t.symbol === 'string' && Number.isInteger(t.decimals)).map((t) => ({ address: t.address!, symbol: t.symbol!, decimals: t.decimals! }));
  }
  const c = got.customChainId as { url?: unknown; chainId?: unknown } | undefined;
  if (c && typeof c.url === 'string' && typeof c.chainId === 'string' && c.url === s.fullNode.custom) s.customChainId = { url: c.url, chainId: c.chainId };
  return s;
}

/** Writes what lives under 'tron' (tokens, custom chain id); the network and node URLs live in the shared store. */
async function save(s: TronState): Promise<TronState> {
  const { customChainId: _old, ...rest } = await stored();
  await localArea.set({ [KEY]: { ...rest, tokens: s.tokens, ...(s.customChainId ? { customChainId: s.customChainId } : {}) } });
  return s;
}

/**
 * Public node info for dApps (TronLink's setNode event shape). Only the node's origin: a path or
 * query often carries the user's API key, and pages reach the node through the wallet anyway.
 */
export function tronNodeInfo(s: TronState): { fullNode: string; solidityNode: string; eventServer: string; chainId: string; network: TronNetworkId } {
  let url = s.fullNode[s.network];
  try {
    url = new URL(url).origin;
  } catch {
    // stored URLs are validated; keep as is
  }
  return { fullNode: url, solidityNode: url, eventServer: url, chainId: tronChainIdOf(s), network: s.network };
}

function announce(s: TronState): void {
  emitToOrigin(null, 'tron', 'chainChanged', { chainId: tronChainIdOf(s) });
  emitToOrigin(null, 'tron', 'setNode', tronNodeInfo(s));
}

/** Tells every page's provider the active network and node (after the popup selected a network). */
export async function announceTronNetwork(): Promise<void> {
  announce(await resolvedTronState());
}

/** Asks the custom node for its genesis block (best effort, short timeout) and stores the chain id. */
async function refreshCustomChainId(s: TronState): Promise<TronState> {
  const url = s.fullNode.custom;
  if (s.customChainId?.url === url) return s;
  delete s.customChainId;
  try {
    const api = createTronApi({ url, timeoutMs: 5_000 });
    const genesis = await api.getBlockByNum(0n);
    if (genesis) s.customChainId = { url, chainId: chainIdFromGenesisBlockId(genesis.blockID) };
  } catch {
    // unknown until the node answers: tronChainIdOf reports UNKNOWN_TRON_CHAIN_ID
  }
  return s;
}

export async function setTronNetwork(network: TronNetworkId): Promise<TronState> {
  if (!isTronNetworkId(network)) throw new WalletError('UNKNOWN_NETWORK', 'Unknown TRON network');
  const before = await tronState();
  await selectNetwork('tron', `tron:${network}`);
  let s = { ...before, network };
  if (network === 'custom') s = await save(await refreshCustomChainId(s));
  if (before.network !== network) announce(s);
  return s;
}

/** Sets a network's node URL (checked as in Settings); the custom node's chain id follows it. */
export async function setTronFullNode(network: TronNetworkId, url: string): Promise<TronState> {
  if (!isTronNetworkId(network)) throw new WalletError('UNKNOWN_NETWORK', 'Unknown TRON network');
  const before = await tronState();
  await setEndpoint('tron', network, url);
  let s = await tronState();
  if (network === 'custom' && s.network === 'custom') s = await save(await refreshCustomChainId(s));
  if (before.fullNode[network] !== s.fullNode[network] && s.network === network) announce(s);
  return s;
}

/** Adds a TRC-20 to the network's watched tokens (at most 50; the same contract once). */
export async function watchTronToken(network: TronNetworkId, token: TronToken): Promise<TronState> {
  const s = await tronState();
  const list = s.tokens[network].filter((t) => t.address !== token.address);
  if (list.length >= 50) throw new WalletError('TOO_MANY_ENTRIES', 'Too many tokens on this network');
  s.tokens[network] = [...list, token];
  await save(s);
  return s;
}

export async function resolvedTronState(): Promise<TronState> {
  const s = await tronState();
  if (s.network !== 'custom' || s.customChainId) return s;
  const refreshed = await refreshCustomChainId(s);
  if (refreshed.customChainId) await save(refreshed);
  return refreshed;
}

export function tronApiFor(s: TronState): TronApi {
  return createTronApi({ url: s.fullNode[s.network] });
}

/** TRON_CHAIN_IDS for the built-in networks; custom: the genesis-derived id, else '0x0'. */
export function tronChainIdOf(s: TronState): string {
  if (s.network !== 'custom') return TRON_CHAIN_IDS[s.network];
  return s.customChainId && s.customChainId.url === s.fullNode.custom ? s.customChainId.chainId : UNKNOWN_TRON_CHAIN_ID;
}

/** The selected account as a TRON account: an imported key's one account, if it is a TRON key. */
async function selectedTronAccount(): Promise<SelectedAccount> {
  const sel = await selectedAccount();
  const w = keyring.wallet(sel.walletId);
  if (w.kind === 'privateKey') {
    if (w.family !== 'tron') throw new WalletError('WRONG_FAMILY', 'The selected wallet has no TRON key');
    return { walletId: sel.walletId, index: 0 };
  }
  return sel;
}

const addressCache = new AccountCache<string>();

/** The selected account's base58 address (public only; cached per wallet and index while the worker lives). */
export async function currentTronAddress(): Promise<string> {
  const { walletId, index } = await selectedTronAccount();
  return addressCache.get([walletId, index], () => {
    const kp = keyring.keypair(walletId, 'tron', index);
    kp.secretKey.fill(0);
    return kp.address;
  });
}

/** Runs `fn` with the selected account's key; the key bytes are zeroed afterwards, whatever happens. */
/**
 * `expected`: the address the user saw in the approval; if the selected account changed while the
 * window was open, nothing is signed (the site must ask again).
 */
export async function withTronSigner<T>(fn: (s: { address: string; secretKey: Uint8Array }) => T | Promise<T>, expected?: string): Promise<T> {
  const { walletId, index } = await selectedTronAccount();
  const kp = keyring.keypair(walletId, 'tron', index);
  const secretKey = kp.secretKey.slice();
  kp.secretKey.fill(0);
  try {
    const address = tronAddressOfSecret(secretKey);
    if (expected !== undefined && address !== expected) throw new WalletError('ACCOUNT_CHANGED', 'The selected account changed after the request was shown; nothing was signed');
    return await fn({ address, secretKey });
  } finally {
    secretKey.fill(0);
  }
}
