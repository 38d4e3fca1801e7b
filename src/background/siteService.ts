/**
 * The extension pages' calls about sites: connections with their expiry, blocking, the expiry
 * period, "reject all from this site" and the log of overridden danger warnings.
 */
import type { DappFamily } from '../protocol/dapp';
import type { ConnectedSite, SitesView, UiRequests } from '../protocol/ui';
import { rejectSite } from './approvals';
import { emitToOrigin } from './dapp/router';
import { WalletError } from './errors';
import { allPermissions, expiresAt, grantExpiryDays, pruneExpired, revoke } from './permissions';
import { listRiskOverrides } from './riskOverrides';
import { blockedSites, clearCooldown, setBlocked } from './siteLimits';
import { DEFAULT_SETTINGS, getLocal, setLocal } from './storage';

type SiteHandlers = { [M in 'listSites' | 'setSiteGrantDays' | 'setSiteBlocked' | 'rejectSiteApprovals' | 'listRiskOverrides']: (p: UiRequests[M]['params']) => Promise<UiRequests[M]['result']> };

export const GRANT_DAY_CHOICES: readonly number[] = [1, 7, 30, 90, 365, 0];

export async function connectedSites(): Promise<ConnectedSite[]> {
  const days = await grantExpiryDays();
  return Object.entries(await allPermissions()).flatMap(([origin, fams]) =>
    Object.entries(fams).flatMap(([family, g]) =>
      g ? [{ origin, family: family as DappFamily, accounts: g.accounts, grantedAt: g.grantedAt, lastUsed: g.lastUsed ?? g.grantedAt, expiresAt: expiresAt(g, days) }] : [],
    ),
  );
}

async function sitesView(): Promise<SitesView> {
  return { sites: await connectedSites(), blocked: await blockedSites(), grantDays: await grantExpiryDays() };
}

function origin(v: unknown): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > 300) throw new WalletError('INVALID_INPUT', 'A site origin is required');
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new WalletError('INVALID_INPUT', 'Not a site origin');
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin !== v) throw new WalletError('INVALID_INPUT', 'Not a site origin');
  return v;
}

export const siteHandlers: SiteHandlers = {
  listSites: () => sitesView(),
  async setSiteGrantDays({ days }) {
    if (!GRANT_DAY_CHOICES.includes(days)) throw new WalletError('INVALID_INPUT', `The period must be one of ${GRANT_DAY_CHOICES.join(', ')} days (0 = never)`);
    await pruneExpired();
    await setLocal({ settings: { ...DEFAULT_SETTINGS, ...(await getLocal('settings')), siteGrantDays: days } });
    return sitesView();
  },
  async setSiteBlocked({ origin: o, blocked }) {
    const site = origin(o);
    if (typeof blocked !== 'boolean') throw new WalletError('INVALID_INPUT', 'blocked must be true or false');
    await setBlocked(site, blocked);
    if (blocked) {
      await rejectSite(site);
      const had = (await connectedSites()).filter((s) => s.origin === site);
      await revoke(site);
      for (const s of had) emitToOrigin(site, s.family, 'accountsChanged', []);
    } else await clearCooldown(site);
    return sitesView();
  },
  async rejectSiteApprovals({ origin: o }) {
    return { rejected: await rejectSite(origin(o)) };
  },
  listRiskOverrides: () => listRiskOverrides(),
};
