/**
 * Incoming transfers found by the families' `incoming(sel)` hooks, kept in storage.local under
 * their own key (public data only: hashes, addresses, amounts), so they survive restarts and a
 * refresh never races the sent list's writes (activity.ts). An entry is identified by family,
 * network, transaction and token; a transaction the wallet sent itself is never listed twice.
 */
import { listActivity, type ActivityItem } from '../activity';
import { createSerial } from '../serial';
import { localArea } from '../storageCache';

const KEY = 'incomingActivity';
const CURSOR_KEY = 'incomingCursor';
const MAX_ITEMS = 500;
const MAX_CURSORS = 200;

/** Writes are serialised: two refreshes (popup and poller) must not drop each other's entries. */
const serial = createSerial();

const idOf = (i: Pick<ActivityItem, 'family' | 'chainId' | 'hash' | 'token'>): string => `${i.family}:${String(i.chainId)}:${i.hash.toLowerCase()}:${i.token ?? ''}`;
const txOf = (i: Pick<ActivityItem, 'family' | 'chainId' | 'hash'>): string => `${i.family}:${String(i.chainId)}:${i.hash.toLowerCase()}`;

export async function listIncoming(): Promise<ActivityItem[]> {
  return ((await localArea.get(KEY))[KEY] as ActivityItem[] | undefined) ?? [];
}

/**
 * Adds new entries and updates the status (and time, once known) of known ones. Returns the
 * entries that were not known before (for the "payment arrived" notification).
 */
export function mergeIncoming(found: readonly ActivityItem[]): Promise<ActivityItem[]> {
  return serial(async () => {
    const [stored, sent] = await Promise.all([listIncoming(), listActivity()]);
    const sentTx = new Set(sent.map(txOf));
    const byId = new Map(stored.map((i) => [idOf(i), i]));
    const added: ActivityItem[] = [];
    for (const f of found) {
      if (sentTx.has(txOf(f))) continue;
      const item: ActivityItem = { ...f, direction: 'in' };
      const known = byId.get(idOf(item));
      if (known) byId.set(idOf(item), { ...known, status: item.status, ...(known.status === 'pending' && item.status !== 'pending' ? { time: item.time } : {}) });
      else {
        byId.set(idOf(item), item);
        added.push(item);
      }
    }
    if (added.length > 0 || found.length > 0) {
      const list = [...byId.values()].sort((a, b) => b.time - a.time).slice(0, MAX_ITEMS);
      await localArea.set({ [KEY]: list });
    }
    return added;
  });
}

/** Sent and incoming items together, newest first; an incoming copy of a sent transaction is dropped. */
export async function allActivity(): Promise<ActivityItem[]> {
  const [sent, incoming] = await Promise.all([listActivity(), listIncoming()]);
  const sentTx = new Set(sent.map(txOf));
  return [...sent, ...incoming.filter((i) => !sentTx.has(txOf(i)))].sort((a, b) => b.time - a.time);
}

/** Where a family's bounded scan stopped last time (e.g. the last EVM block read), per chain and address. */
export async function incomingCursor(key: string): Promise<string | null> {
  const all = ((await localArea.get(CURSOR_KEY))[CURSOR_KEY] as Record<string, string> | undefined) ?? {};
  return all[key] ?? null;
}

export function setIncomingCursor(key: string, value: string): Promise<void> {
  return serial(async () => {
    const all = ((await localArea.get(CURSOR_KEY))[CURSOR_KEY] as Record<string, string> | undefined) ?? {};
    delete all[key];
    const kept = Object.entries(all).slice(-(MAX_CURSORS - 1));
    await localArea.set({ [CURSOR_KEY]: { ...Object.fromEntries(kept), [key]: value } });
  });
}
