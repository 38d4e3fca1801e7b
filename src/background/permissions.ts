/**
 * Per-site permissions: which accounts of which family an origin may see. Keyed by the
 * browser-derived origin. Listed and revocable from the UI.
 *
 * Grants expire: each carries the time it was last used, and one unused for longer than the
 * user's period (settings.siteGrantDays, default 30, 0 = never) is gone: the site must ask again.
 * Using a grant renews it (written at most once a minute, so busy sites do not hammer storage).
 */
import type { DappFamily } from '../protocol/dapp';
import { createSerial } from './serial';
import { getLocal } from './storage';
import { forgetRecentAnswers } from './dapp/executions';
import { localArea } from './storageCache';

export interface SiteGrant {
  accounts: string[];
  grantedAt: number;
  /** Last time the site used it (absent on grants from before expiry existed: grantedAt counts). */
  lastUsed?: number;
}
export type SitePermissions = Record<string, Partial<Record<DappFamily, SiteGrant>>>;

export const DEFAULT_GRANT_DAYS = 30;
const DAY_MS = 86_400_000;
const RENEW_EVERY_MS = 60_000;
/** One writer for the permissions record (grants, revocations, renewals, expiry pruning). */
const writeLock = createSerial();

/** The user's expiry period in days (0 = never). */
export async function grantExpiryDays(): Promise<number> {
  const d = (await getLocal('settings'))?.siteGrantDays;
  return typeof d === 'number' && Number.isInteger(d) && d >= 0 ? d : DEFAULT_GRANT_DAYS;
}

/** When the grant lapses (null: never). */
export function expiresAt(g: SiteGrant, days: number): number | null {
  return days === 0 ? null : (g.lastUsed ?? g.grantedAt) + days * DAY_MS;
}

async function loadRaw(): Promise<SitePermissions> {
  const got = await localArea.get('permissions');
  return (got.permissions as SitePermissions | undefined) ?? {};
}

async function save(p: SitePermissions): Promise<void> {
  await localArea.set({ permissions: p });
}

/**
 * The live grants: expired ones are left out (and leave storage with the next write, which always
 * saves this pruned view, under the write lock).
 */
async function load(now = Date.now()): Promise<SitePermissions> {
  const p = await loadRaw();
  const days = await grantExpiryDays();
  if (days === 0) return p;
  for (const [origin, site] of Object.entries(p)) {
    for (const [family, g] of Object.entries(site)) {
      const end = g ? expiresAt(g, days) : 0;
      if (end !== null && end <= now) delete site[family as DappFamily];
    }
    if (Object.keys(site).length === 0) delete p[origin];
  }
  return p;
}

export async function allPermissions(): Promise<SitePermissions> {
  return load();
}

/**
 * The origin's live grant for the family, without renewing it: for the wallet's own decisions
 * (may this event or error detail go to the site?), which are not the site using its connection.
 */
export async function liveGrant(origin: string, family: DappFamily): Promise<SiteGrant | undefined> {
  return (await load())[origin]?.[family];
}

/** The origin's live grant for the family; a request from the site using it renews it. */
export async function grantOf(origin: string, family: DappFamily): Promise<SiteGrant | undefined> {
  const now = Date.now();
  const p = await load(now);
  const g = p[origin]?.[family];
  if (g && now - (g.lastUsed ?? g.grantedAt) > RENEW_EVERY_MS) {
    g.lastUsed = now;
    await writeLock(async () => {
      const fresh = await loadRaw();
      const live = fresh[origin]?.[family];
      if (live && live.grantedAt === g.grantedAt) {
        live.lastUsed = now;
        await save(fresh);
      }
    });
  }
  return g;
}

export function grant(origin: string, family: DappFamily, accounts: string[]): Promise<void> {
  return writeLock(async () => {
    const p = await load();
    const now = Date.now();
    p[origin] = { ...p[origin], [family]: { accounts, grantedAt: now, lastUsed: now } };
    await save(p);
  });
}

/** Revokes one family's grant for an origin, or every family when none is named. */
export function revoke(origin: string, family?: DappFamily): Promise<void> {
  return writeLock(async () => {
    const p = await load();
    const site = p[origin];
    if (!site) return;
    if (family) delete site[family];
    if (!family || Object.keys(site).length === 0) delete p[origin];
    await save(p);
    forgetRecentAnswers(origin);
  });
}

export function revokeAll(): Promise<void> {
  return writeLock(async () => {
    await save({});
    forgetRecentAnswers();
  });
}

/** Removes lapsed grants from storage (before the period changes, so "never" cannot revive them). */
export function pruneExpired(): Promise<void> {
  return writeLock(async () => save(await load()));
}
