/**
 * Reads the incoming transfers of the popup's selected account on one family's active network
 * (by default the active chain, the one Home shows) through that family's `incoming(sel)` hook,
 * and merges them into the stored history. One family's API per refresh, never every network's;
 * the background poller (poller.ts) asks the families the account uses, one after another.
 */
import { moduleEntry } from '../../families/registry';
import type { ActivityItem } from '../activity';
import { WalletError } from '../errors';
import { keyring } from '../keyring';
import { walletChains } from '../lazyModules';
import { selectedAccount } from '../selectedAccount';
import { mergeIncoming } from './store';
import { notifyActivity } from '../notify';
import type { Family } from '../../families/ids';

const NOTIFY_WINDOW_MS = 15 * 60_000;

export interface IncomingRefresh {
  /** Entries not seen before. */
  added: ActivityItem[];
  /** False when the active family has no incoming history yet. */
  supported: boolean;
}

export async function refreshIncoming(only?: Family): Promise<IncomingRefresh> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  const family = only ?? (await (await walletChains()).activeFamily());
  const load = moduleEntry(family)?.incoming;
  if (!load) return { added: [], supported: false };
  const sel = await selectedAccount();
  const found = await (await load()).incoming(sel);
  // The selection may have changed while the API answered: those entries belong to another account.
  const now = await selectedAccount();
  if (now.walletId !== sel.walletId || now.index !== sel.index) return { added: [], supported: true };
  const added = await mergeIncoming(found);
  // Only payments that just arrived (a first look at an old account must not ring for its whole
  // history), and never a token the user does not watch (scam-token airdrops).
  const recent = Date.now() - NOTIFY_WINDOW_MS;
  for (const item of added) if (item.time >= recent && !item.quiet) void notifyActivity(item, 'received');
  return { added, supported: true };
}
