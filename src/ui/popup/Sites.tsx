/** Connected sites: each origin with its chain family, accounts and date; revoke one or all. */
import { useEffect, useState, type ReactNode } from 'react';
import type { ConnectedSite } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { shortAddress } from '../format';

export default function Sites(): ReactNode {
  const { t, locale } = useI18n();
  const [sites, setSites] = useState<ConnectedSite[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);

  useEffect(() => {
    call('listConnections', {}).then(setSites, (err: unknown) => setError(errorText(err, t)));
  }, [t]);

  const revoke = async (origin?: string, family?: ConnectedSite['family']): Promise<void> => {
    setError(null);
    try {
      setSites(await call('revokeConnection', origin ? { origin, ...(family ? { family } : {}) } : {}));
      setConfirmAll(false);
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  if (!sites) return error ? <p role="alert" className="error">{error}</p> : <p aria-busy="true">{t('loading')}</p>;
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
            <div className="hint">{t('connectedOn', { date: new Date(s.grantedAt).toLocaleString(locale) })}</div>
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
    </section>
  );
}
