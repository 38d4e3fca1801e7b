/** Activity: every transaction sent from the wallet, newest first, with status, time, amount and network. */
import { useEffect, useState, type ReactNode } from 'react';
import type { ActivityView } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { shortAddress, shortAmount } from '../format';

export default function Activity(): ReactNode {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<ActivityView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = (): void => {
      call('listActivity', {}).then(
        (a) => live && setItems(a),
        (err: unknown) => live && setError(errorText(err, t)),
      );
    };
    load();
    // Pending items change status in the background; refresh while the screen is open.
    const timer = setInterval(load, 2000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [t]);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!items) return <p aria-busy="true">{t('loading')}</p>;
  return (
    <section className="stack" aria-labelledby="activity-title">
      <h2 id="activity-title" className="h2">
        {t('tab_activity')}
      </h2>
      {items.length === 0 && <p data-testid="activity-empty">{t('activityEmpty')}</p>}
      <ul className="list" data-testid="activity">
        {items.map((i) => (
          <li key={i.hash} data-testid="activity-item" data-status={i.status}>
            <div className="row">
              <strong className="grow" data-testid="activity-amount">
                −{shortAmount(i.amount)} {i.symbol}
              </strong>
              <span className={`badge badge-${i.status}`} data-testid="activity-status">
                {t(`status_${i.status}` as MessageKey)}
              </span>
            </div>
            <div className="hint">
              {t('to')} {i.to ? shortAddress(i.to) : '—'} · <span data-testid="activity-network">{i.networkName}</span>
            </div>
            <div className="hint row">
              <time className="grow" dateTime={new Date(i.time).toISOString()}>
                {new Date(i.time).toLocaleString(locale)}
              </time>
              {i.origin && <span>{i.origin}</span>}
              {i.explorer && (
                <a href={i.explorer} target="_blank" rel="noreferrer noopener">
                  {t('viewOnExplorer')}
                </a>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
