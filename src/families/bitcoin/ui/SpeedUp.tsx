/**
 * Bitcoin's activity action: speed up one of the wallet's pending sends (replace-by-fee). The user
 * enters a higher fee rate, reviews the new fee, and confirms; the old entry is then marked replaced.
 * The background plans it (src/families/bitcoin/background/speedUp.ts) behind prepareSpeedUp.
 */
import { useState, type ReactNode } from 'react';
import type { ActivityView, ChainSendPreview } from '../../../protocol/ui';
import { call } from '../../../ui/api';
import { errorText } from '../../../ui/errors';
import { useI18n } from '../../../ui/i18n/context';
import { ReviewSummary } from '../../../ui/popup/sendParts';
import { DetailList } from '../../../ui/popup/DetailList';

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

/** Shown under a pending send of this wallet only. */
export default function BitcoinActivityActions({ item }: { item: ActivityView }): ReactNode {
  return item.status === 'pending' ? <SpeedUp hash={item.hash} /> : null;
}
