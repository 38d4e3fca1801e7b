/**
 * Balances of the selected account on a Bitcoin, Solana or TRON network: the cached values paint
 * at once, then the node is asked again. Errors say what happened and offer Retry; the family's
 * extras (Bitcoin confirmed/unconfirmed and the fresh receive address, TRON bandwidth and energy)
 * are listed under the assets.
 */
import { useEffect, type ReactNode } from 'react';
import type { Headline } from './Headline';
import { useI18n } from '../i18n/context';
import { useCachedBalances } from './useCachedBalances';
import { BalancesExtras } from './BalancesExtras';
import { isMessageKey } from '../i18n';
import { Amount } from '../components/Amount';

export function DetailList({ details, testid }: { details: Record<string, string>; testid: string }): ReactNode {
  const { t } = useI18n();
  const entries = Object.entries(details);
  if (!entries.length) return null;
  return (
    <dl className="details" data-testid={testid}>
      {entries.map(([k, v]) => {
        const key = `detail_${k}`;
        return (
          <div className="detail" key={k} data-testid={`${testid}-${k}`}>
            <dt>{isMessageKey(key) ? t(key) : k}</dt>
            <dd className={/address|mint/i.test(k) ? 'address' : ''}>{v}</dd>
          </div>
        );
      })}
    </dl>
  );
}

const METHODS = { cached: 'getCachedChainBalances', refresh: 'refreshChainBalances' } as const;

/** onHeadline hands the native asset up to Home's headline. */
export function ChainBalances({ networkName, onHeadline }: { networkName: string; onHeadline?: (a: Headline | null) => void }): ReactNode {
  const { t } = useI18n();
  const { view, setView, loading, error, refresh } = useCachedBalances(METHODS);
  useEffect(() => onHeadline?.(view?.assets[0] ? { formatted: view.assets[0].formatted, symbol: view.assets[0].symbol } : null), [view, onHeadline]);

  return (
    <section className="panel stack" aria-labelledby="balances-title" data-testid="balances" aria-busy={loading}>
      <div className="row">
        <h2 id="balances-title" className="grow h2">
          {t('tab_assets')}
        </h2>
        <span className="hint" data-testid="balances-status" aria-live="polite">
          {loading ? t('refreshing') : view && !error ? t('upToDate') : ''}
        </span>
      </div>
      {view && (
        <>
          <code className="address" data-testid="balances-address">
            {view.address}
          </code>
          <ul className="assets">
            {view.assets.map((a) => (
              <li key={a.token ?? 'native'} className="row" data-testid={`balance-${a.symbol}`}>
                <span className="grow symbol" title={a.token ?? ''}>
                  {a.icon && <img className="token-icon" src={a.icon} alt="" width={20} height={20} data-testid="token-icon" />}
                  {a.symbol}
                  {/* Names come from whoever made the token: the mint stays beside them. */}
                  {a.name && a.token && (
                    <span className="hint token-name" data-testid="token-name">
                      {a.name} · {a.token.slice(0, 4)}…{a.token.slice(-4)}
                    </span>
                  )}
                </span>
                <Amount value={a.formatted} unavailable={t('unavailable')} />
              </li>
            ))}
          </ul>
          <DetailList details={view.details} testid="balance-details" />
        </>
      )}
      {view && <BalancesExtras view={view} onView={setView} />}
      {!view && !error && <p className="hint">{t('loading')}</p>}
      {error && (
        <div role="alert" className="stack" data-testid="balances-error">
          <p className="error">{error}</p>
          {view && <p className="hint">{t('showingCached', { time: new Date(view.updatedAt).toLocaleTimeString() })}</p>}
          <button className="small" data-testid="balances-retry" onClick={() => void refresh()} disabled={loading}>
            {t('retry')}
          </button>
        </div>
      )}
    </section>
  );
}
