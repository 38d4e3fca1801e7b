/**
 * Bitcoin incoming history for the popup's account on the active network, from Esplora's address
 * history (GET /address/:a/txs) of every address of the account that has transactions (found by
 * the same gap-limit scan as the balance; an imported key is its one address). A transaction
 * spending any of the account's addresses is its own send, so change is never shown as a payment.
 */
import type { ActivityItem } from '../../../background/activity';
import { bitcoinState, esploraFor } from './state';
import { bitcoinWallet } from './wallet';
import { mapLimit } from '../core/concurrency';
import { incomingFromEsplora } from '../core/incoming';
import { scanAccount } from '../core/scan';
import { bitcoinExplorerTx } from '../core/descriptor';
import type { Selection } from '../../types';

/** Addresses whose history is read per refresh (the most recently derived used ones first). */
const MAX_ADDRESSES = 40;


export async function incoming(_sel: Selection): Promise<ActivityItem[]> {
  const s = await bitcoinState();
  const client = esploraFor(s);
  const w = await bitcoinWallet(s.network);
  let used: string[];
  let mine: Set<string>;
  if (w.kind === 'single') {
    used = [w.address.address];
    mine = new Set(used);
  } else {
    const scan = await scanAccount(w.account, client, { fetchLegacyPrevTx: false });
    used = scan.used.map((u) => u.address.address).reverse().slice(0, MAX_ADDRESSES);
    mine = new Set(scan.scanned.map((a) => a.address));
  }
  const lists = await mapLimit(used, 4, (a) => client.getAddressTxs(a));
  return incomingFromEsplora(lists.flat(), mine).map((t): ActivityItem => ({
    hash: t.hash,
    family: 'bitcoin',
    chainId: s.network,
    from: t.from ?? '',
    to: t.to,
    value: t.value.toString(),
    symbol: 'BTC',
    decimals: 8,
    origin: null,
    explorer: bitcoinExplorerTx(s.network, t.hash),
    status: t.status,
    time: t.time ?? Date.now(),
    direction: 'in',
    token: null,
  }));
}
