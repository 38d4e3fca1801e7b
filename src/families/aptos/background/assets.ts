/**
 * Which assets an Aptos account holds: APT (coin::balance, which also counts the paired fungible
 * store), the fungible assets the wallet knows for the network (USDt / USDC on mainnet, USDC on
 * testnet) plus those the user watches, and every legacy CoinStore<T> in the account's resources.
 * Metadata (symbol, decimals, name) is read from the chain: the asset's Metadata object, or the
 * coin's CoinInfo<T> at its module's address.
 */
import type { FamilyContext } from '../../types';
import type { AssetBalance } from '../../../protocol/ui';
import type { AptosClient } from '../core/client.ts';
import { APT_COIN_TYPE } from '../core/decode.ts';
import { APT_DECIMALS, APT_SYMBOL, type AptosNetworkId } from '../core/networks.ts';
import { longAddress, parseTypeTag } from '../core/typeTag.ts';
import { formatUnits } from '../core/units.ts';

/** Fungible assets shown without being added (their issuers' published metadata addresses). */
const KNOWN_ASSETS: Partial<Record<AptosNetworkId, readonly string[]>> = {
  mainnet: [
    '0x357b0b74bc833e95a115ad22604854d6b0fca151cecd94111770e5d6ffc9dc2b', // USDt
    '0xbae207659db88bea0cbead6da0ed00aac12edcdda169e591cd41c94180b46f3b', // USDC
  ],
  testnet: ['0x69091fbab5f7d635ee7ac5098cf0c1efbe31d68fec0f2cd565e8d168daf52832'], // USDC
};
const MAX_WATCHED = 50;

export interface HeldAsset extends AssetBalance {
  kind: 'apt' | 'fa' | 'coin';
  raw: bigint;
}

const watchKey = (networkId: string): string => `assets:${networkId}`;

export async function watchedAssets(ctx: FamilyContext, networkId: string): Promise<string[]> {
  const v = await ctx.storage.get<unknown>(watchKey(networkId));
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, MAX_WATCHED) : [];
}

const u64 = (v: unknown): bigint => {
  if (typeof v !== 'string' || !/^\d{1,20}$/.test(v)) throw new Error('bad u64');
  return BigInt(v);
};

function asset(kind: HeldAsset['kind'], token: string | null, symbol: string, decimals: number, raw: bigint, name?: string): HeldAsset {
  return { kind, token, symbol, decimals, raw, balance: raw.toString(), formatted: formatUnits(raw, decimals), ...(name ? { name } : {}) };
}

export async function aptBalance(client: AptosClient, address: string): Promise<bigint> {
  const [v] = await client.view('0x1::coin::balance', [APT_COIN_TYPE], [address]);
  return u64(v);
}

async function fungibleAsset(client: AptosClient, owner: string, metadata: string): Promise<HeldAsset | null> {
  const res = await client.resource(metadata, '0x1::fungible_asset::Metadata');
  const m = res?.data as { symbol?: unknown; decimals?: unknown; name?: unknown } | undefined;
  if (!m || typeof m.symbol !== 'string' || typeof m.decimals !== 'number' || m.decimals < 0 || m.decimals > 32) return null;
  const [v] = await client.view('0x1::primary_fungible_store::balance', ['0x1::fungible_asset::Metadata'], [owner, metadata]);
  return asset('fa', metadata, m.symbol.slice(0, 16), m.decimals, u64(v), typeof m.name === 'string' ? m.name.slice(0, 64) : undefined);
}

async function legacyCoins(client: AptosClient, owner: string): Promise<HeldAsset[]> {
  const resources = await client.resources(owner);
  const out: HeldAsset[] = [];
  for (const r of resources) {
    const m = /^0x1::coin::CoinStore<(.+)>$/.exec(r.type);
    if (!m || m[1] === APT_COIN_TYPE) continue;
    const type = m[1]!;
    let coinAddress: string;
    try {
      const t = parseTypeTag(type);
      if (t.kind !== 'struct') continue;
      coinAddress = t.address;
    } catch {
      continue;
    }
    const info = (await client.resource(coinAddress, `0x1::coin::CoinInfo<${type}>`))?.data as { symbol?: unknown; decimals?: unknown; name?: unknown } | undefined;
    const value = (r.data as { coin?: { value?: unknown } })?.coin?.value;
    if (!info || typeof info.symbol !== 'string' || typeof info.decimals !== 'number') continue;
    out.push(asset('coin', type, info.symbol.slice(0, 16), info.decimals, u64(value), typeof info.name === 'string' ? info.name.slice(0, 64) : undefined));
  }
  return out;
}

/** Every asset of the account; an asset that cannot be read is left out rather than failing all. */
export async function heldAssets(ctx: FamilyContext, client: AptosClient, networkId: AptosNetworkId): Promise<{ assets: HeldAsset[]; exists: boolean }> {
  const [apt, account] = await Promise.all([aptBalance(client, ctx.address), client.account(ctx.address)]);
  const assets: HeldAsset[] = [asset('apt', null, APT_SYMBOL, APT_DECIMALS, apt)];
  const metas = [...new Set([...(KNOWN_ASSETS[networkId] ?? []), ...(await watchedAssets(ctx, networkId))].map((a) => longAddress(a)))];
  const fas = await Promise.all(metas.map((m) => fungibleAsset(client, ctx.address, m).catch(() => null)));
  for (const a of fas) if (a) assets.push(a);
  if (account) assets.push(...(await legacyCoins(client, ctx.address).catch(() => [])));
  return { assets, exists: account !== null };
}
