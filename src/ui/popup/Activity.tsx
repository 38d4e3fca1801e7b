/**
 * Activity: every transaction sent from the wallet and every transfer that arrived (read from the
 * active chain's API while the screen is open), newest first, with status, time, amount and
 * network. A family may add buttons under the wallet's own entries (its UI part ActivityActions;
 * Bitcoin: speed up a pending send by replace-by-fee, the old entry then marked replaced).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ActivityView } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { shortAddress, shortAmount } from '../format';
import { RiskOverrides } from './RiskOverrides';
import { useIncoming } from './useIncoming';
import { useFamilyUi } from './useFamilyUi';
import { useDisplayNames } from '../i18n/defaultNames';

/** A family's buttons under one of the wallet's own entries (its UI part ActivityActions), loaded with the family's UI. */
function FamilyActions({ item }: { item: ActivityView }): ReactNode {
  const ui = useFamilyUi(item.family);
  return ui?.ActivityActions ? <ui.ActivityActions item={item} /> : null;
}

export default function Activity(): ReactNode {
  const { t, locale } = useI18n();
  const { networkName } = useDisplayNames();
  const [items, setItems] = useState<ActivityView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [reload, setReload] = useState(0);
  const incomingError = useIncoming(useCallback(() => setReload((n) => n + 1), []));

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
  }, [t, reload]);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!items) return <p aria-busy="true">{t('loading')}</p>;
  return (
    <section className="stack" aria-labelledby="activity-title">
      <h2 id="activity-title" className="h2">
        {t('tab_activity')}
      </h2>
      {incomingError && (
        <p className="hint error" data-testid="incoming-error">
          {incomingError}
        </p>
      )}
      {items.length === 0 && <p data-testid="activity-empty">{t('activityEmpty')}</p>}
      <ul className="list" data-testid="activity">
        {items.map((i) => (
          <li key={`${i.direction}:${i.hash}:${i.symbol}`} data-testid="activity-item" data-status={i.status} data-hash={i.hash} data-direction={i.direction}>
            <div className="row">
              <strong className="grow" data-testid="activity-amount">
                {i.direction === 'in' ? '+' : '−'}
                {shortAmount(i.amount)} {i.symbol}
              </strong>
              <span className={`badge badge-${i.status}`} data-testid="activity-status">
                {t(`status_${i.status}` as MessageKey)}
              </span>
            </div>
            <div className="hint">
              {i.direction === 'in' ? (
                <span data-testid="activity-counterparty" title={i.from}>
                  {t('received')} · {t('from')} {i.from ? shortAddress(i.from) : '—'}
                </span>
              ) : (
                <span data-testid="activity-counterparty" title={i.to ?? ''}>
                  {t('to')} {i.to ? shortAddress(i.to) : '—'}
                </span>
              )}{' '}
              · <span data-testid="activity-network">{networkName(i.networkName)}</span>
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
            {i.direction !== 'in' && <FamilyActions item={i} />}
          </li>
        ))}
      </ul>
      <RiskOverrides />
    </section>
  );
}
