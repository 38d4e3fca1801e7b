/**
 * Home's EOS view: the account the key acts as, its EOS (eosio.token) and the tokens the user added
 * (contract + symbol), and its CPU / NET / RAM usage and limits as get_account reports them.
 */
import type { AssetBalance } from '../../../protocol/ui';
import type { FamilyBalances, FamilyContext } from '../../types';
import { parseAsset, formatUnits } from '../core/asset';
import { EosError } from '../core/errors';
import { resourcesOf } from '../core/resources';
import { resolveActor } from './account';
import { apiOf, tokensOf } from './util';
import type { EosApi } from './api';

const fmt = (n: number): string => (Number.isFinite(n) ? n.toLocaleString('en-US') : '∞');

async function assetOf(api: EosApi, account: string, contract: string, symbol: string, precision: number): Promise<AssetBalance> {
  const token = contract === 'eosio.token' && symbol === 'EOS' ? null : `${contract}:${symbol}`;
  try {
    const text = await api.balance(contract, account, symbol);
    const a = text ? parseAsset(text) : { units: 0n, symbol: { code: symbol, precision } };
    return { token, symbol, decimals: a.symbol.precision, balance: a.units.toString(), formatted: formatUnits(a.units, a.symbol.precision), ...(token ? { name: contract } : {}) };
  } catch {
    return { token, symbol, decimals: precision, balance: null, formatted: null, ...(token ? { name: contract } : {}) };
  }
}

export async function eosBalances(ctx: FamilyContext): Promise<FamilyBalances> {
  const api = apiOf(ctx);
  await api.info();
  let actor;
  try {
    actor = await resolveActor(ctx, api);
  } catch (e) {
    if (e instanceof EosError && e.reason === 'invalid-account') {
      return { assets: [{ token: null, symbol: 'EOS', decimals: 4, balance: null, formatted: null }], details: { eosAccount: e.message } };
    }
    throw e;
  }
  const [account, eos, ...tokens] = await Promise.all([
    api.account(actor.account),
    assetOf(api, actor.account, 'eosio.token', 'EOS', 4),
    ...(await tokensOf(ctx)).map((t) => assetOf(api, actor.account, t.contract, t.symbol, t.precision ?? 4)),
  ]);
  const r = resourcesOf(account as Record<string, unknown>);
  const others = [...new Set(actor.controlled.map((c) => c.account))].filter((a) => a !== actor.account);
  return {
    assets: [eos as AssetBalance, ...(tokens as AssetBalance[])],
    details: {
      eosAccount: `${actor.account}@${actor.permission}`,
      ...(others.length ? { eosOtherAccounts: others.join(', ') } : {}),
      eosCpu: `${fmt(r.cpu.used)} / ${fmt(r.cpu.max)} µs (${fmt(r.cpu.available)} available)`,
      eosNet: `${fmt(r.net.used)} / ${fmt(r.net.max)} bytes (${fmt(r.net.available)} available)`,
      eosRam: `${fmt(r.ram.used)} / ${fmt(r.ram.quota)} bytes`,
    },
  };
}
