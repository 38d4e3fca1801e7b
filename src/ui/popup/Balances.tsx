/**
 * Balances of the selected account on the active network, for every family: the cached values
 * paint at once, then the node is asked again (EVM: one batched request for the native coin and
 * every watched token). A failure says what happened (node unreachable, rate limited…) and offers
 * Retry; cached values stay visible, marked as such. The family's extras (Bitcoin confirmed /
 * unconfirmed and the fresh receive address, TRON bandwidth and energy, EOS resources) are listed
 * under the assets; a family's own controls (EVM: add an ERC-20) come from its UI parts.
 */
import { useEffect, type ReactNode } from 'react';
import type { Headline } from './Headline';
import type { PopupFamily } from '../../protocol/ui';
import { useI18n } from '../i18n/context';
import { useCachedBalances } from './useCachedBalances';
import { useFamilyUi } from './useFamilyUi';
import { AssetValue } from '../prices/Fiat';
import { AssetLogo } from '../logos/AssetLogo';
import { DetailList } from './DetailList';

const METHODS = { cached: 'getCachedChainBalances', refresh: 'refreshChainBalances' } as const;

/** onHeadline hands the native asset up to Home's headline. */
export function Balances({ family, onHeadline }: { family: PopupFamily; onHeadline?: (a: Headline | null) => void }): ReactNode {
  const { t } = useI18n();
  const { view, setView, loading, error, refresh } = useCachedBalances(METHODS);
  const familyUi = useFamilyUi(family);
  useEffect(() => onHeadline?.(view?.assets[0] ? { formatted: view.assets[0].formatted, symbol: view.assets[0].symbol, chain: view.chain, assets: view.assets } : null), [view, onHeadline]);

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
                  <AssetLogo chain={view.chain} token={a.token} symbol={a.symbol} icon={a.icon} />
                  {a.symbol}
                  {/* Names come from whoever made the token: the mint stays beside them. */}
                  {a.name && a.token && (
                    <span className="hint token-name" data-testid="token-name">
                      {a.name} · {a.token.slice(0, 4)}…{a.token.slice(-4)}
                    </span>
                  )}
                </span>
                <AssetValue chain={view.chain} asset={a} unavailable={t('unavailable')} />
              </li>
            ))}
          </ul>
          <DetailList details={view.details} testid="balance-details" />
        </>
      )}
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
      {familyUi?.BalancesExtras && <familyUi.BalancesExtras view={view} onView={setView} />}
    </section>
  );
}
