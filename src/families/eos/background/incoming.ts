/**
 * EOS incoming history for the popup's account on the active network (the incoming
 * hook in src/families/registry.ts): the account's newest actions from the node's history API,
 * keeping transfers of EOS and of the tokens the user added (src/families/eos/core/incoming.ts).
 */
import type { ActivityItem } from '../../../background/activity';
import { familyContext } from '../../../background/families/modules';
import type { Selection } from '../../types';
import { getActionsBody, incomingFromActions } from '../core/incoming';
import { resolveActor } from './account';
import { apiOf, networkId, tokensOf } from './util';

const LIMIT = 50;
const NATIVE = { contract: 'eosio.token', symbol: 'EOS' };

export async function incoming(_sel: Selection): Promise<ActivityItem[]> {
  const ctx = await familyContext('eos');
  if (!ctx.address) return [];
  const api = apiOf(ctx);
  await api.info();
  const { account } = await resolveActor(ctx, api);
  const known = (await tokensOf(ctx)).map((t) => ({ contract: t.contract, symbol: t.symbol }));
  const found = incomingFromActions(await api.actions(getActionsBody(account, LIMIT)), account, known, NATIVE);
  const chainId = networkId(ctx);
  return found.reverse().map((t): ActivityItem => ({
    hash: t.hash,
    family: 'eos',
    chainId,
    from: t.from ?? '',
    to: t.to,
    value: t.value.toString(),
    symbol: t.symbol ?? 'EOS',
    decimals: t.decimals ?? 4,
    origin: null,
    explorer: ctx.network.explorerTx?.(t.hash) ?? null,
    status: t.status,
    time: t.time ?? Date.now(),
    direction: 'in',
    token: t.token,
  }));
}
