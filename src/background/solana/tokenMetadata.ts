/**
 * Names, symbols and icons of SPL tokens for the popup (balances, Send) and the approval window,
 * read from the chain (src/core/chains/solana/tokenMetadata.ts) and cached in storage.local per
 * cluster and mint: one getMultipleAccounts for the mints not cached yet, icons fetched once
 * (tokenIcon.ts) and kept as data: URIs. A token with no metadata is remembered as such for an
 * hour; found metadata is read again after a day. A failing node or icon host never fails the
 * caller: the shortened mint shows instead.
 */
import { browser } from 'wxt/browser';
import type { SolanaRpc } from '../../core/chains/solana/rpc';
import { readTokenMetadata } from '../../core/chains/solana/tokenMetadata';
import { fetchTokenIcon } from '../../core/chains/solana/tokenIcon';

export interface TokenDisplay {
  name: string;
  symbol: string;
  /** data: URI of the token's image. */
  icon?: string;
}

interface CacheEntry {
  at: number;
  display?: TokenDisplay;
}

const KEY = 'solanaTokenMeta';
const MAX_ENTRIES = 300;
const FOUND_TTL_MS = 24 * 3600_000;
const NONE_TTL_MS = 3600_000;
/** Icons fetched per call at most (a wallet full of airdropped spam must not stall the popup). */
const MAX_ICON_FETCHES = 8;

type Cache = Record<string, CacheEntry>;

async function readCache(): Promise<Cache> {
  return ((await browser.storage.local.get(KEY))[KEY] as Cache | undefined) ?? {};
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

/** Display data for each mint that has metadata; reads the chain for mints not freshly cached. */
export async function tokenDisplays(cluster: string, rpc: SolanaRpc, mints: readonly string[]): Promise<Map<string, TokenDisplay>> {
  const now = Date.now();
  const cache = await readCache();
  const missing = [...new Set(mints)].filter((m) => !fresh(cache[`${cluster}:${m}`], now));
  if (missing.length) {
    try {
      const found = await readTokenMetadata(rpc, missing);
      let iconBudget = MAX_ICON_FETCHES;
      for (const mint of missing) {
        const md = found.get(mint);
        const previous = cache[`${cluster}:${mint}`]?.display;
        let icon = previous?.icon;
        if (md && md.uri && !icon && iconBudget-- > 0) icon = await fetchTokenIcon(md.uri, (u, init) => fetch(u, init)).catch(() => undefined);
        cache[`${cluster}:${mint}`] = { at: now, ...(md ? { display: { name: md.name, symbol: md.symbol, ...(icon ? { icon } : {}) } } : {}) };
      }
      const entries = Object.entries(cache).sort((a, b) => a[1].at - b[1].at).slice(-MAX_ENTRIES);
      await browser.storage.local.set({ [KEY]: Object.fromEntries(entries) });
    } catch {
      // The node did not answer: show what is cached (possibly stale) and try again next time.
    }
  }
  return cachedTokenDisplays(cluster, mints);
}
