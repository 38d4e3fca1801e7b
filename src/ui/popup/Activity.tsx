/**
 * Activity: every transaction sent from the wallet and every transfer that arrived (read from the
 * active chain's API while the screen is open), newest first, with status, time, amount and
 * network. A pending Bitcoin transfer can be sped up (replace-by-fee): the user enters a higher
 * fee rate, reviews the new fee, and confirms; the old entry is then marked replaced.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ActivityView, ChainSendPreview } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { shortAddress, shortAmount } from '../format';
import { ReviewSummary } from './sendParts';
import { DetailList } from './DetailList';
import { RiskOverrides } from './RiskOverrides';
import { useIncoming } from './useIncoming';

function SpeedUp({ hash }: { hash: string }): ReactNode {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [rate, setRate] = useState('');
  const [preview, setPreview] = useState<ChainSendPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const run = async (fn: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  if (done) return <p className="hint" data-testid="speedup-done">{t('spedUp')}</p>;
  if (!open)
    return (
      <button className="small secondary" data-testid="speedup" onClick={() => setOpen(true)}>
        {t('speedUp')}
      </button>
    );
  return (
    <div className="stack panel" data-testid="speedup-panel">
      {preview ? (
        <>
          <ReviewSummary networkName={preview.networkName} from={preview.from} to={preview.to} amount={preview.amount} symbol={preview.symbol} feeLabel="networkFee" fee={`${preview.fee} ${preview.feeSymbol}`} />
          <div data-testid="speedup-fee">
            <DetailList details={preview.details} testid="speedup-details" />
          </div>
          <button className="small" data-testid="speedup-confirm" disabled={busy} onClick={() => void run(async () => setDone((await call('confirmChainSend', { id: preview.id })).hash))}>
            {t('confirmSend')}
          </button>
        </>
      ) : (
        <form className="row" onSubmit={(e) => { e.preventDefault(); void run(async () => setPreview(await call('prepareSpeedUp', { hash, feeRate: Number(rate) }))); }}>
          <label className="grow">
            {t('customFeeRate')}
            <input inputMode="decimal" data-testid="speedup-rate" value={rate} onChange={(e) => setRate(e.target.value)} />
          </label>
          <button type="submit" className="small" data-testid="speedup-review" disabled={busy || !rate.trim()}>
            {t('review')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error" data-testid="speedup-error">
          {error}
        </p>
      )}
    </div>
  );
}

export default function Activity(): ReactNode {
  const { t, locale } = useI18n();
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
              · <span data-testid="activity-network">{i.networkName}</span>
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
            {i.family === 'bitcoin' && i.status === 'pending' && i.direction !== 'in' && <SpeedUp hash={i.hash} />}
          </li>
        ))}
      </ul>
      <RiskOverrides />
    </section>
  );
}
