/**
 * Balances of the selected EVM account on the active network: the cached values paint at once,
 * then one batched RPC request refreshes them. A failure says what happened (node unreachable,
 * rate limited…) and offers Retry; cached values stay visible, marked as such.
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { BalancesView } from '../../protocol/ui';
import { call } from '../api';
import { callOnce } from '../prefetch';
import { markPainted } from '../perf';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import { shortAmount } from '../format';

export function Balances({ networkName }: { networkName: string }): ReactNode {
  const { t } = useI18n();
  const [view, setView] = useState<BalancesView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setView(await call('refreshBalances', {}));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setLoading(false);
    }
  }, [t]);

  useEffect(() => {
    let live = true;
    callOnce('getCachedBalances', {})
      .then((cached) => live && cached && setView((v) => v ?? cached))
      .catch(() => undefined)
      .finally(() => live && void refresh());
    return () => {
      live = false;
    };
  }, [refresh]);

  useEffect(() => {
    if (view) markPainted('mcw:balances');
  }, [view]);

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
