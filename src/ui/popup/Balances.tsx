/**
 * Balances of the selected EVM account on the active network: the cached values paint at once,
 * then one batched RPC request refreshes them. A failure says what happened (node unreachable,
 * rate limited…) and offers Retry; cached values stay visible, marked as such.
 */
import { useEffect, type ReactNode } from 'react';
import type { Headline } from './Headline';
import { call } from '../api';
import { useI18n } from '../i18n/context';
import { useCachedBalances } from './useCachedBalances';
import { AddToken } from './AddToken';
import { AssetValue } from '../prices/Fiat';
import { AssetLogo } from '../logos/AssetLogo';

const METHODS = { cached: 'getCachedBalances', refresh: 'refreshBalances' } as const;

/** onHeadline hands the native asset up to Home's headline. */
export function Balances({ networkName, onHeadline }: { networkName: string; onHeadline?: (a: Headline | null) => void }): ReactNode {
  const { t } = useI18n();
  const { view, setView, loading, error, refresh } = useCachedBalances(METHODS);
  useEffect(() => onHeadline?.(view?.assets[0] ? { formatted: view.assets[0].formatted, symbol: view.assets[0].symbol, chain: `evm:${view.chainId}`, assets: view.assets } : null), [view, onHeadline]);





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
        <ul className="assets">
          {view.assets.map((a) => (
            <li key={a.token ?? 'native'} className="row" data-testid={`balance-${a.symbol}`}>
              <span className="grow symbol">
                <AssetLogo chain={`evm:${view.chainId}`} token={a.token} symbol={a.symbol} />
                {a.symbol}
              </span>
              <AssetValue chain={`evm:${view.chainId}`} asset={a} unavailable={t('unavailable')} />
            </li>
          ))}
        </ul>
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
      <AddToken placeholder="0x…" add={async (address) => setView(await call('addToken', { address }))} />
    </section>
  );
}
