/**
 * Balances of the selected EVM account on the active network: the native currency and every
 * watched token in ONE batched RPC request, cached in storage.local per (chain, address) so the
 * popup paints the last known values at once and refreshes after. Public data only.
 */
import { browser } from 'wxt/browser';
import { decodeFunctionResult, encodeFunctionData, erc20Abi, formatUnits, getAddress, type Address, type Hex } from 'viem';
import { readTokenMetadata } from '../core/erc20';
import type { AssetBalance, BalancesView } from '../../../protocol/ui';
import { WalletError } from '../../../background/errors';
import { activeNetwork, evmState, rpcFor, selectedEvmAccount, watchToken } from './state';
import { toWalletError } from './uiErrors';

const CACHE_KEY = 'balanceCache';
const MAX_CACHE_ENTRIES = 200;

type Cache = Record<string, BalancesView>;

const cacheKey = (chainId: number, address: string): string => `${chainId}:${address.toLowerCase()}`;

async function readCache(): Promise<Cache> {
  return ((await browser.storage.local.get(CACHE_KEY))[CACHE_KEY] as Cache | undefined) ?? {};
}

export async function cachedBalances(): Promise<BalancesView | null> {
  const [network, account] = await Promise.all([activeNetwork(), selectedEvmAccount()]);
  return (await readCache())[cacheKey(network.chainId, account.address)] ?? null;
}

export async function refreshBalances(): Promise<BalancesView> {
  const [network, account, state] = await Promise.all([activeNetwork(), selectedEvmAccount(), evmState()]);
  const tokens = state.tokens[String(network.chainId)] ?? [];
  const balanceOf = encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [account.address] });
  let settled;
  try {
    settled = await rpcFor(network).batch([
      { method: 'eth_getBalance', params: [account.address, 'latest'] },
      ...tokens.map((t) => ({ method: 'eth_call', params: [{ to: t.address, data: balanceOf }, 'latest'] })),
    ]);
  } catch (err) {
    throw toWalletError(err);
  }
  const native = settled[0];
  if (!native?.ok) throw toWalletError(native?.error ?? new WalletError('RPC_BAD_RESPONSE', 'No balance answer'));
  const nativeBalance = BigInt(native.result as string);
  const { symbol, decimals } = network.nativeCurrency;
  const assets: AssetBalance[] = [{ token: null, symbol, decimals, balance: nativeBalance.toString(), formatted: formatUnits(nativeBalance, decimals) }];
  tokens.forEach((t, i) => {
    const s = settled[i + 1];
    let balance: bigint | null = null;
    if (s?.ok) {
      try {
        balance = decodeFunctionResult({ abi: erc20Abi, functionName: 'balanceOf', data: s.result as Hex });
      } catch {
        balance = null;
      }
    }
    assets.push({ token: t.address, symbol: t.symbol, decimals: t.decimals, balance: balance?.toString() ?? null, formatted: balance === null ? null : formatUnits(balance, t.decimals) });
  });
  const view: BalancesView = { chainId: network.chainId, networkName: network.name, address: account.address, assets, updatedAt: Date.now() };
  const cache = await readCache();
  const key = cacheKey(network.chainId, account.address);
  delete cache[key];
  const entries = Object.entries(cache).slice(-(MAX_CACHE_ENTRIES - 1));
  await browser.storage.local.set({ [CACHE_KEY]: { ...Object.fromEntries(entries), [key]: view } });
  return view;
}

/** Watches an ERC-20 on the active network after reading its symbol and decimals from the chain. */
export async function addToken(address: unknown): Promise<BalancesView> {
  if (typeof address !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(address.trim())) throw new WalletError('INVALID_ADDRESS', 'Not an address');
  let token: Address;
  try {
    token = getAddress(address.trim());
  } catch {
    throw new WalletError('ADDRESS_CHECKSUM', 'Bad checksum');
  }
  const network = await activeNetwork();
  let meta;
  try {
    meta = await readTokenMetadata(rpcFor(network), token);
  } catch (err) {
    throw toWalletError(err);
  }
  if (meta.decimals === undefined || !meta.symbol) throw new WalletError('NOT_A_TOKEN', 'That contract does not answer symbol() and decimals()');
  await watchToken(network.chainId, { address: token, symbol: meta.symbol, decimals: meta.decimals });
  return refreshBalances();
}
