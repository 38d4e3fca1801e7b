/**
 * Aptos incoming history for the popup's account on the active network (the incoming
 * hook in src/families/registry.ts): the newest APT deposit events from the node, each joined with
 * its transaction (src/families/aptos/core/incoming.ts says what is and is not seen).
 */
import type { ActivityItem } from '../../../background/activity';
import { familyContext, networkIdOf } from '../../../background/families/modules';
import type { Selection } from '../../types';
import { APT_COIN_STORE, DEPOSIT_FIELD, depositsFromEvents, depositWindow, incomingFromTransaction } from '../core/incoming.ts';
import { APT_DECIMALS, APT_SYMBOL } from '../core/networks.ts';
import { nodeFor } from './node.ts';

const LIMIT = 25;

export async function incoming(_sel: Selection): Promise<ActivityItem[]> {
  const ctx = await familyContext('aptos');
  if (!ctx.address) return [];
  const { client } = await nodeFor(ctx);
  const window = depositWindow(await client.resource(ctx.address, APT_COIN_STORE), LIMIT);
  if (!window || window.count === 0) return [];
  const deposits = depositsFromEvents((await client.events(ctx.address, APT_COIN_STORE, DEPOSIT_FIELD, window.start, window.count)) ?? []);
  const txs = await Promise.all(deposits.map((d) => client.transactionByVersion(d.version)));
  const chainId = networkIdOf(ctx.network.ref);
  const items: ActivityItem[] = [];
  deposits.forEach((d, i) => {
    const t = incomingFromTransaction(txs[i], d, ctx.address);
    if (!t) return;
    items.push({
      hash: t.hash,
      family: 'aptos',
      chainId,
      from: t.from ?? '',
      to: t.to,
      value: t.value.toString(),
      symbol: APT_SYMBOL,
      decimals: APT_DECIMALS,
      origin: null,
      explorer: ctx.network.explorerTx?.(t.hash) ?? null,
      status: t.status,
      time: t.time ?? Date.now(),
      direction: 'in',
      token: null,
    });
  });
  return items.reverse();
}
