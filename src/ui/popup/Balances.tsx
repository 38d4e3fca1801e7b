/**
 * Balances of the selected EVM account on the active network: the cached values paint at once,
 * then one batched RPC request refreshes them. A failure says what happened (node unreachable,
 * rate limited…) and offers Retry; cached values stay visible, marked as such.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import { useCachedBalances } from './useCachedBalances';
import { shortAmount } from '../format';

const METHODS = { cached: 'getCachedBalances', refresh: 'refreshBalances' } as const;

export function Balances({ networkName }: { networkName: string }): ReactNode {
  const { t } = useI18n();
  const { view, setView, loading, error, refresh } = useCachedBalances(METHODS);
  const [adding, setAdding] = useState(false);
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | null>(null);




  const addToken = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setTokenError(null);
    try {
      setView(await call('addToken', { address: token.trim() }));
      setToken('');
      setAdding(false);
    } catch (err) {
      setTokenError(errorText(err, t));
    }
  };

  return (
    <section className="panel stack" aria-labelledby="balances-title" data-testid="balances" aria-busy={loading}>
      <div className="row">
        <h2 id="balances-title" className="grow h2">
          {t('balancesOn', { network: networkName })}
        </h2>
        <span className="hint" data-testid="balances-status" aria-live="polite">
          {loading ? t('refreshing') : view && !error ? t('upToDate') : ''}
        </span>
      </div>
      {view && (
        <ul className="assets">
          {view.assets.map((a) => (
            <li key={a.token ?? 'native'} className="row" data-testid={`balance-${a.symbol}`}>
              <span className="grow symbol">{a.symbol}</span>
              <span className="amount" data-testid="amount" title={a.formatted ?? ''}>
                {a.formatted === null ? t('unavailable') : shortAmount(a.formatted)}
              </span>
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
      {adding ? (
        <form className="stack" onSubmit={(e) => void addToken(e)}>
          <label>
            {t('tokenAddress')}
            <input data-testid="token-address" value={token} onChange={(e) => setToken(e.target.value)} spellCheck={false} autoComplete="off" placeholder="0x…" />
          </label>
          {tokenError && (
            <p role="alert" className="error" data-testid="token-error">
              {tokenError}
            </p>
          )}
          <div className="row">
            <button type="submit" className="small" data-testid="add-token-submit" disabled={!token.trim()}>
              {t('addToken')}
            </button>
            <button type="button" className="small secondary" onClick={() => setAdding(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button className="small secondary" data-testid="add-token" onClick={() => setAdding(true)}>
          {t('addToken')}
        </button>
      )}
    </section>
  );
}
