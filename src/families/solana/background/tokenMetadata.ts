/**
 * Names, symbols and icons of SPL tokens for the popup (balances, Send) and the approval window,
 * read from the chain (src/families/solana/core/tokenMetadata.ts) and cached in storage.local per
 * cluster and mint: one getMultipleAccounts for the mints not cached yet, icons fetched once
 * (tokenIcon.ts) and kept as data: URIs. A token with no metadata is remembered as such for an
 * hour; found metadata is read again after a day. A failing node or icon host never fails the
 * caller: the shortened mint shows instead.
 */
import type { SolanaRpc } from '../core/rpc';
import { readTokenMetadata } from '../core/tokenMetadata';
import { fetchTokenIcon } from '../core/tokenIcon';
import { localArea } from '../../../background/storageCache';

export interface TokenDisplay {
  name: string;
  symbol: string;
  /** data: URI of the token's image. */
  icon?: string;
}

interface CacheEntry {
  at: number;
  display?: TokenDisplay;
  /** The metadata URI the icon comes from. */
  uri?: string;
  /** The icon fetch finished (with or without an icon); unfinished ones are tried again. */
  iconDone?: boolean;
}

const KEY = 'solanaTokenMeta';
const MAX_ENTRIES = 300;
/** All cached icons together (data: URI characters): about 1 MiB of the 10 MiB storage.local quota. */
const MAX_ICON_TOTAL_CHARS = 1024 * 1024;
const FOUND_TTL_MS = 24 * 3600_000;
const NONE_TTL_MS = 3600_000;
/** Icons fetched per call at most (a wallet full of airdropped spam must not stall the popup). */
const MAX_ICON_FETCHES = 8;
/** Balances wait this long at most for icons; slower ones are fetched again next time. */
const ICON_BUDGET_MS = 4000;

type Cache = Record<string, CacheEntry>;

async function readCache(): Promise<Cache> {
  return ((await localArea.get(KEY))[KEY] as Cache | undefined) ?? {};
}

const fresh = (e: CacheEntry | undefined, now: number): boolean => !!e && now - e.at < (e.display ? FOUND_TTL_MS : NONE_TTL_MS);

/** What is cached for these mints, without asking the node (for instant paints). */
export async function cachedTokenDisplays(cluster: string, mints: readonly string[]): Promise<Map<string, TokenDisplay>> {
  const cache = await readCache();
  const out = new Map<string, TokenDisplay>();
  for (const m of mints) {
    const d = cache[`${cluster}:${m}`]?.display;
    if (d) out.set(m, d);
  }
  return out;
}

/** Reads metadata for mints not freshly cached; keeps a known icon while the URI is unchanged. */
async function refreshMetadata(cache: Cache, cluster: string, rpc: SolanaRpc, missing: readonly string[], now: number): Promise<void> {
  const found = await readTokenMetadata(rpc, missing);
  for (const mint of missing) {
    const md = found.get(mint);
    const old = cache[`${cluster}:${mint}`];
    const sameUri = !!md && old?.uri === md.uri;
    const icon = sameUri ? old?.display?.icon : undefined;
    cache[`${cluster}:${mint}`] = md
      ? { at: now, display: { name: md.name, symbol: md.symbol, ...(icon ? { icon } : {}) }, ...(md.uri ? { uri: md.uri } : {}), iconDone: sameUri ? !!old?.iconDone : !md.uri }
      : { at: now };
  }
}

/** Fetches missing icons in parallel within ICON_BUDGET_MS; returns whether any finished. */
async function fetchIcons(cache: Cache, keys: readonly string[]): Promise<boolean> {
  const todo = keys.filter((k) => cache[k]?.display && cache[k]?.uri && !cache[k]?.iconDone).slice(0, MAX_ICON_FETCHES);
  if (!todo.length) return false;
  const done = new Map<string, string | undefined>();
  const all = Promise.all(todo.map((k) => fetchTokenIcon(cache[k]!.uri!, (u, init) => fetch(u, init)).catch(() => undefined).then((icon) => void done.set(k, icon))));
  await Promise.race([all, new Promise((r) => setTimeout(r, ICON_BUDGET_MS))]);
  for (const [k, icon] of done) {
    const e = cache[k]!;
    e.iconDone = true;
    if (icon && e.display) e.display = { ...e.display, icon };
  }
  return done.size > 0;
}

/** Display data for each mint that has metadata; reads the chain for mints not freshly cached. */
export async function tokenDisplays(cluster: string, rpc: SolanaRpc, mints: readonly string[]): Promise<Map<string, TokenDisplay>> {
  const now = Date.now();
  const cache = await readCache();
  const unique = [...new Set(mints)];
  const missing = unique.filter((m) => !fresh(cache[`${cluster}:${m}`], now));
  let changed = false;
  if (missing.length) {
    try {
      await refreshMetadata(cache, cluster, rpc, missing, now);
      changed = true;
    } catch {
      // The node did not answer: show what is cached (possibly stale) and try again next time.
    }
  }
  if (await fetchIcons(cache, unique.map((m) => `${cluster}:${m}`))) changed = true;
  if (changed) {
    const entries = Object.entries(cache).sort((a, b) => a[1].at - b[1].at).slice(-MAX_ENTRIES);
    // storage.local's quota is shared with the vault: icons beyond a total budget are dropped, oldest
    // first (the token still shows its symbol and name).
    let iconBytes = 0;
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]![1];
      const icon = e.display?.icon;
      if (!icon) continue;
      iconBytes += icon.length;
      if (iconBytes > MAX_ICON_TOTAL_CHARS) e.display = { name: e.display!.name, symbol: e.display!.symbol };
    }
    await localArea.set({ [KEY]: Object.fromEntries(entries) });
  }
  return cachedTokenDisplays(cluster, mints);
}
