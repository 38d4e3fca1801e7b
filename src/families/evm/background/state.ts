/**
 * EVM wallet state in the background: the active network, networks added by the user or dApps,
 * watched tokens, RPC clients, the pending-nonce tracker, and which account a site sees.
 */
import { browser } from 'wxt/browser';
import { BUILTIN_EVM_NETWORKS, LOCAL_DEVNET_CHAIN_ID, findNetwork, type EvmNetwork } from '../core/networks';
import { createRpcClient, type RpcClient } from '../core/rpc';
import { createNonceTracker } from '../core/nonce';
import { applyNetworkEdit, type NetworkEdit } from '../core/networkEdit';
import type { Address } from 'viem';
import { keyring } from '../../../background/keyring';
import { evmAddressOf, findEvmOwner } from '../../../background/publicAccounts';
import { getLocal } from '../../../background/storage';
import { WalletError } from '../../../background/errors';
import { emitToOrigin } from '../../../background/dapp/router';
import { allPermissions } from '../../../background/permissions';
import { localArea } from '../../../background/storageCache';

export interface WatchedToken {
  address: Address;
  symbol: string;
  decimals: number;
  image?: string;
}

export interface EvmState {
  activeChainId: number;
  customNetworks: EvmNetwork[];
  /** chainId → tokens the user (or a dApp, with approval) asked to watch. */
  tokens: Record<string, WatchedToken[]>;
  /** chainId → the user's RPC / explorer for a built-in network (custom networks are edited in place). */
  edits?: Record<string, NetworkEdit>;
}

/** The network as the user configured it: a built-in with its stored edit applied. */
export function withEdit(n: EvmNetwork, s: Pick<EvmState, 'edits'>): EvmNetwork {
  return applyNetworkEdit(n, s.edits?.[String(n.chainId)]);
}

const DEFAULT_STATE: EvmState = { activeChainId: 1, customNetworks: [], tokens: {} };

/**
 * The stored state, kept in memory after the first read: every eth_chainId asks for the active
 * network, and a storage read per request was a third of the page → wallet round trip. Any write
 * to `evm` (ours or another extension page's) drops the copy. Callers get their own clone.
 */
let memo: Promise<EvmState> | null = null;
let memoWatch = false;

export async function evmState(): Promise<EvmState> {
  if (!memoWatch) {
    memoWatch = true;
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && 'evm' in changes) memo = null;
    });
  }
  memo ??= localArea.get('evm').then(
    (got) => ({ ...DEFAULT_STATE, ...(got.evm as Partial<EvmState> | undefined) }),
    (err: unknown) => {
      memo = null;
      throw err;
    },
  );
  return structuredClone(await memo);
}

/** Drops the in-memory copy after a direct write of `evm` (storage.onChanged arrives later). */
export function forgetEvmState(): void {
  memo = null;
}

export async function saveEvmState(s: EvmState): Promise<void> {
  memo = null;
  await localArea.set({ evm: s });
  memo = null;
}

export async function allNetworks(): Promise<EvmNetwork[]> {
  const s = await evmState();
  const customIds = new Set(s.customNetworks.map((n) => n.chainId));
  return [...BUILTIN_EVM_NETWORKS.filter((n) => !customIds.has(n.chainId)).map((n) => withEdit(n, s)), ...s.customNetworks];
}

export async function activeNetwork(): Promise<EvmNetwork> {
  const s = await evmState();
  return withEdit(findNetwork(s.activeChainId, s.customNetworks) ?? findNetwork(LOCAL_DEVNET_CHAIN_ID)!, s);
}

export async function networkById(chainId: number): Promise<EvmNetwork | undefined> {
  const s = await evmState();
  const n = findNetwork(chainId, s.customNetworks);
  return n && withEdit(n, s);
}

/** Switches the wallet's EVM network and tells every connected site (EIP-1193 chainChanged). */
export async function setActiveChain(chainId: number): Promise<void> {
  const s = await evmState();
  if (!findNetwork(chainId, s.customNetworks)) throw new WalletError('UNKNOWN_CHAIN', 'Unknown network');
  if (s.activeChainId === chainId) return;
  await saveEvmState({ ...s, activeChainId: chainId });
  emitToOrigin(null, 'evm', 'chainChanged', `0x${chainId.toString(16)}`);
}

/** Adds (or replaces) a custom network; built-ins are replaced only by their own chain id. */
export async function addCustomNetwork(n: EvmNetwork): Promise<void> {
  const s = await evmState();
  await saveEvmState({ ...s, customNetworks: [...s.customNetworks.filter((x) => x.chainId !== n.chainId), { ...n, custom: true }] });
}

export async function watchToken(chainId: number, token: WatchedToken): Promise<void> {
  const s = await evmState();
  const key = String(chainId);
  const list = (s.tokens[key] ?? []).filter((t) => t.address.toLowerCase() !== token.address.toLowerCase());
  await saveEvmState({ ...s, tokens: { ...s.tokens, [key]: [...list, token] } });
}

const clients = new Map<string, RpcClient>();
export function rpcFor(network: EvmNetwork): RpcClient {
  const url = network.rpcUrls[0];
  if (!url) throw new WalletError('NO_RPC', 'This network has no RPC URL');
  let c = clients.get(url);
  if (!c) {
    c = createRpcClient({ url });
    clients.set(url, c);
  }
  return c;
}

export const nonceTracker = createNonceTracker();

interface AccountRef {
  walletId: string;
  index: number;
  address: Address;
}

/** The EVM account selected in the wallet (what a site is offered on connect). */
export async function selectedEvmAccount(): Promise<AccountRef> {
  const [selection, metas] = await Promise.all([getLocal('selection'), getLocal('wallets')]);
  const meta = metas?.find((m) => m.id === selection?.walletId) ?? metas?.[0];
  if (!meta) throw new WalletError('NO_VAULT', 'No wallet');
  if (meta.kind === 'privateKey' && meta.family !== 'evm') throw new WalletError('NO_EVM_ACCOUNT', 'The selected wallet has no EVM account');
  const index = meta.kind === 'privateKey' ? 0 : (selection?.accountIndex ?? 0);
  return { walletId: meta.id, index, address: (await evmAddressOf(meta.id, index)) as Address };
}

/** Finds the wallet account that owns an EVM address (for signing), deriving no other account's key. */
export async function findEvmAccount(address: string): Promise<AccountRef> {
  const owner = await findEvmOwner(address, (await getLocal('wallets')) ?? []);
  return { walletId: owner.walletId, index: owner.index, address: owner.address as Address };
}

/**
 * Runs fn with the account's private key and wipes the key afterwards. The key is derived for
 * this one account and must give back the expected address (the lookup came from a cache).
 */
export async function withEvmKey<T>(ref: AccountRef, fn: (key: Uint8Array) => Promise<T>): Promise<T> {
  await keyring.prepare(ref.walletId);
  const kp = keyring.keypair(ref.walletId, 'evm', ref.index);
  try {
    if (kp.address.toLowerCase() !== ref.address.toLowerCase()) throw new WalletError('UNKNOWN_ACCOUNT', 'That account is not in this wallet');
    return await fn(kp.secretKey);
  } finally {
    kp.secretKey.fill(0);
  }
}

/** Origins that may see EVM accounts, for events. */
export async function evmConnectedOrigins(): Promise<string[]> {
  const p = await allPermissions();
  return Object.keys(p).filter((o) => p[o]?.evm);
}
