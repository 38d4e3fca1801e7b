/**
 * Connected sites: each origin with its chain family, accounts, last use and expiry; revoke one or
 * all; the expiry period; blocked sites (unblock).
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { ConnectedSite, SitesView } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { shortAddress } from '../format';

export default function Sites(): ReactNode {
  const { t, locale } = useI18n();
  const [view, setView] = useState<SitesView | null>(null);
  const sites = view?.sites ?? null;
  const [error, setError] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);

  useEffect(() => {
    call('listSites', {}).then(setView, (err: unknown) => setError(errorText(err, t)));
  }, [t]);

  const revoke = async (origin?: string, family?: ConnectedSite['family']): Promise<void> => {
    setError(null);
    try {
      await call('revokeConnection', origin ? { origin, ...(family ? { family } : {}) } : {});
      setView(await call('listSites', {}));
      setConfirmAll(false);
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  const change = async (fn: () => Promise<SitesView>): Promise<void> => {
    setError(null);
    try {
      setView(await fn());
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  const when = (ms: number): string => new Date(ms).toLocaleString(locale);

  if (!sites || !view) return error ? <p role="alert" className="error">{error}</p> : <p aria-busy="true">{t('loading')}</p>;
  return (
    <section className="stack" aria-labelledby="sites-title">
      <h2 id="sites-title" className="h2">
        {t('tab_sites')}
      </h2>
      {error && <p role="alert" className="error">{error}</p>}
      {sites.length === 0 && <p data-testid="sites-empty">{t('sitesEmpty')}</p>}
      <ul className="list" data-testid="sites">
        {sites.map((s) => (
          <li key={`${s.origin}:${s.family}`} data-testid="site">
            <div className="row">
              <strong className="grow origin-text" data-testid="site-origin">
                {s.origin}
              </strong>
              <button className="small secondary" data-testid="site-revoke" aria-label={`${t('revoke')} ${s.origin}`} onClick={() => void revoke(s.origin, s.family)}>
                {t('revoke')}
              </button>
            </div>
            <div className="hint">
              {t(`family_${s.family}` as MessageKey)} · {s.accounts.map(shortAddress).join(', ')}
            </div>
            <div className="hint">{t('connectedOn', { date: when(s.grantedAt) })}</div>
            <div className="hint" data-testid="site-expiry">
              {t('siteLastUsed', { date: when(s.lastUsed) })} · {s.expiresAt === null ? t('siteNeverExpires') : t('siteExpires', { date: when(s.expiresAt) })}
            </div>
          </li>
        ))}
      </ul>
      {sites.length > 0 &&
        (confirmAll ? (
          <div className="row" role="group" aria-label={t('revokeAll')}>
            <span className="grow">{t('revokeAllConfirm')}</span>
            <button className="small" data-testid="revoke-all-confirm" onClick={() => void revoke()}>
              {t('revokeAll')}
            </button>
            <button className="small secondary" onClick={() => setConfirmAll(false)}>
              {t('cancel')}
            </button>
          </div>
        ) : (
          <button className="secondary" data-testid="revoke-all" onClick={() => setConfirmAll(true)}>
            {t('revokeAll')}
          </button>
        ))}
      <label>
        {t('siteGrantDays')}
        <select data-testid="site-grant-days" value={view.grantDays} onChange={(e) => void change(() => call('setSiteGrantDays', { days: Number(e.target.value) }))}>
          {[1, 7, 30, 90, 365].map((n) => (
            <option key={n} value={n}>
              {t('siteGrantDaysN', { n })}
            </option>
          ))}
          <option value={0}>{t('siteGrantNever')}</option>
        </select>
      </label>
      {view.blocked.length > 0 && (
        <>
          <h3 className="h2">{t('blockedSites')}</h3>
          <ul className="list" data-testid="blocked-sites">
            {view.blocked.map((b) => (
              <li key={b.origin} className="row">
                <strong className="grow origin-text">{b.origin}</strong>
                <button className="small secondary" data-testid="site-unblock" onClick={() => void change(() => call('setSiteBlocked', { origin: b.origin, blocked: false }))}>
                  {t('unblock')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
