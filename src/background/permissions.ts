/**
 * Per-site permissions: which accounts of which family an origin may see. Keyed by the
 * browser-derived origin. Listed and revocable from the UI.
 */
import type { DappFamily } from '../protocol/dapp';
import { browser } from 'wxt/browser';

export interface SiteGrant {
  accounts: string[];
  grantedAt: number;
}
export type SitePermissions = Record<string, Partial<Record<DappFamily, SiteGrant>>>;

async function load(): Promise<SitePermissions> {
  const got = await browser.storage.local.get('permissions');
  return (got.permissions as SitePermissions | undefined) ?? {};
}

async function save(p: SitePermissions): Promise<void> {
  await browser.storage.local.set({ permissions: p });
}

export async function allPermissions(): Promise<SitePermissions> {
  return load();
}

export async function grantOf(origin: string, family: DappFamily): Promise<SiteGrant | undefined> {
  return (await load())[origin]?.[family];
}

export async function grant(origin: string, family: DappFamily, accounts: string[]): Promise<void> {
  const p = await load();
  p[origin] = { ...p[origin], [family]: { accounts, grantedAt: Date.now() } };
  await save(p);
}

/** Revokes one family's grant for an origin, or every family when none is named. */
export async function revoke(origin: string, family?: DappFamily): Promise<void> {
  const p = await load();
  const site = p[origin];
  if (!site) return;
  if (family) delete site[family];
  if (!family || Object.keys(site).length === 0) delete p[origin];
  await save(p);
}

export async function revokeAll(): Promise<void> {
  await save({});
}
