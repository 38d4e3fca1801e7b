/**
 * Balances of the selected EVM account on the active network: the native currency and every
 * watched token in ONE batched RPC request. The shared popup pipeline caches them
 * (src/background/families/popup.ts); public data only.
 */
import { decodeFunctionResult, encodeFunctionData, erc20Abi, formatUnits, getAddress, type Address, type Hex } from 'viem';
import { readTokenMetadata } from '../core/erc20';
import type { FamilyBalances, FamilyContext } from '../../types';
import type { AssetBalance } from '../../../protocol/ui';
import { WalletError } from '../../../background/errors';
import { activeNetwork, evmState, networkById, rpcFor, watchToken } from './state';
import { toWalletError } from './uiErrors';
import type { EvmNetwork } from '../core/networks';
import { wellKnownTokens } from '../../../core/tokens/wellKnown';

/** The EVM network of a context ('evm:<chain id>'). */
export async function networkOf(ctx: FamilyContext): Promise<EvmNetwork> {
  const chainId = Number(ctx.network.ref.slice(ctx.network.ref.indexOf(':') + 1));
  const network = await networkById(chainId);
  if (!network) throw new WalletError('UNKNOWN_CHAIN', 'The network was removed');
  return network;
}

export async function evmBalances(ctx: FamilyContext): Promise<FamilyBalances> {
  const [network, state] = await Promise.all([networkOf(ctx), evmState()]);
  const owner = ctx.address as Address;
  const watched = state.tokens[String(network.chainId)] ?? [];
  // The chain's well-known tokens (USDT, USDC…) are read too and shown when held, without adding them.
  const listed = wellKnownTokens(`evm:${network.chainId}`).filter((w) => !watched.some((t) => t.address.toLowerCase() === w.address.toLowerCase()));
  const tokens = [...watched, ...listed.map((w) => ({ address: w.address as Address, symbol: w.symbol, decimals: w.decimals }))];
  const balanceOf = encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [owner] });
  let settled;
  try {
    settled = await rpcFor(network).batch([
      { method: 'eth_getBalance', params: [owner, 'latest'] },
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
    if (i >= watched.length && !balance) return;
    assets.push({ token: t.address, symbol: t.symbol, decimals: t.decimals, balance: balance?.toString() ?? null, formatted: balance === null ? null : formatUnits(balance, t.decimals) });
  });
  return { assets, details: {} };
}

/** Watches an ERC-20 on the active network after reading its symbol and decimals from the chain. */
export async function addToken(address: unknown): Promise<void> {
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
}
