/**
 * Send on Bitcoin, Solana or TRON: recipient checked as it is typed (base58/bech32 checksums,
 * wrong network explained), asset (SPL / TRC-20 held or watched), amount or Max, and for Bitcoin
 * the fee rate (slow / normal / fast from the API, or custom sat/vB). The background builds,
 * prices and checks the transfer BEFORE anything is signed; the review screen shows the fee and
 * its parts, and the risk warnings; the status then follows the activity until confirmed/failed.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ActivityView, AddressBookEntry, ChainBalancesView, ChainSendPreview, PopupFamily } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import { isMessageKey, type MessageKey } from '../i18n';
import { shortAmount } from '../format';
import { DetailList } from './ChainBalances';

type Step = { kind: 'form' } | { kind: 'review'; preview: ChainSendPreview } | { kind: 'status'; hash: string; explorer: string | null };
type FeeChoice = 'slow' | 'normal' | 'fast' | 'custom';
const PLACEHOLDER: Record<Exclude<PopupFamily, 'evm'>, string> = { bitcoin: 'bc1…', solana: 'Base58…', tron: 'T…' };

export default function ChainSend({ family, network, onDone }: { family: Exclude<PopupFamily, 'evm'>; network: string; onDone: () => void }): ReactNode {
  const { t } = useI18n();
  const [balances, setBalances] = useState<ChainBalancesView | null>(null);
  const [book, setBook] = useState<AddressBookEntry[]>([]);
  const [asset, setAsset] = useState('');
  const [to, setTo] = useState('');
  const [toCheck, setToCheck] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [max, setMax] = useState(false);
  const [fee, setFee] = useState<FeeChoice>('normal');
  const [customRate, setCustomRate] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ActivityView['status']>('pending');

  useEffect(() => {
    call('getCachedChainBalances', {}).then((b) => b && setBalances((x) => x ?? b), () => undefined);
    call('refreshChainBalances', {}).then(setBalances, () => undefined);
    call('listAddressBook', {}).then((b) => setBook(b.entries.filter((e) => e.family === family)), () => undefined);
  }, [family]);

  useEffect(() => {
    const v = to.trim();
    if (!v) {
      setToCheck(null);
      return;
    }
    const timer = setTimeout(() => {
      call('checkAddress', { family, address: v, ...(family === 'bitcoin' ? { network } : {}) }).then(
        (r) => setToCheck(r.ok ? null : r.reason === 'network' ? t('err_ADDRESS_NETWORK') : r.reason === 'checksum' ? t('err_ADDRESS_CHECKSUM') : t('err_INVALID_ADDRESS')),
        () => setToCheck(t('err_INVALID_ADDRESS')),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [to, family, network, t]);

  useEffect(() => {
    if (step.kind !== 'status' || status !== 'pending') return;
    const timer = setInterval(() => {
      call('listActivity', {}).then((items) => {
        const item = items.find((i) => i.hash === step.hash);
        if (item && item.status !== 'pending') setStatus(item.status);
      }, () => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [step, status]);

  const selected = balances?.assets.find((a) => (a.token ?? '') === asset) ?? balances?.assets[0];

  const prepare = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const rate = fee === 'custom' ? Number(customRate) : undefined;
      if (family === 'bitcoin' && fee === 'custom' && !(rate && rate > 0)) throw new Error('fee');
      const preview = await call('prepareChainSend', {
        to: to.trim(),
        amount: max ? 'max' : amount.trim(),
        ...(asset ? { token: asset } : {}),
        ...(family === 'bitcoin' ? (rate !== undefined ? { feeRate: rate } : { feeLevel: fee as 'slow' | 'normal' | 'fast' }) : {}),
      });
      setStep({ kind: 'review', preview });
    } catch (err) {
      setError(err instanceof Error && err.message === 'fee' ? t('err_INVALID_FEE') : errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (preview: ChainSendPreview): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('confirmChainSend', { id: preview.id });
      setStatus('pending');
      setStep({ kind: 'status', hash: r.hash, explorer: r.explorer });
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const errorBox = error && (
    <p role="alert" className="error" data-testid="send-error">
      {error}
    </p>
  );

  if (step.kind === 'status') {
    return (
      <section className="stack" aria-labelledby="send-title" data-testid="send-status-screen">
        <h2 id="send-title" className="h2">
          {t('sendStatus')}
        </h2>
        <p data-testid="send-status" aria-live="polite" className={status === 'failed' ? 'error' : ''}>
          {t(`status_${status}` as MessageKey)}
        </p>
        <code className="address" data-testid="send-hash">
          {step.hash}
        </code>
        {step.explorer && (
          <a className="button secondary" href={step.explorer} target="_blank" rel="noreferrer noopener" data-testid="send-explorer">
            {t('viewOnExplorer')}
          </a>
        )}
        <button data-testid="send-done" onClick={onDone}>
          {t('tab_activity')}
        </button>
      </section>
    );
  }

  if (step.kind === 'review') {
    const p = step.preview;
    return (
      <section className="stack" aria-labelledby="send-title" data-testid="review">
        <h2 id="send-title" className="h2">
          {t('reviewTitle')}
        </h2>
        <dl className="details">
          <div className="detail">
            <dt>{t('network')}</dt>
            <dd>{p.networkName}</dd>
          </div>
          <div className="detail">
            <dt>{t('from')}</dt>
            <dd className="address">{p.from}</dd>
          </div>
          <div className="detail">
            <dt>{t('to')}</dt>
            <dd className="address" data-testid="review-to">
              {p.to}
            </dd>
          </div>
          <div className="detail">
            <dt>{t('amount')}</dt>
            <dd data-testid="review-amount">
              {p.amount} {p.symbol}
            </dd>
          </div>
          <div className="detail">
            <dt>{t('networkFee')}</dt>
            <dd data-testid="review-fee">
              {p.fee} {p.feeSymbol}
            </dd>
          </div>
        </dl>
        <DetailList details={p.details} testid="review-details" />
        {p.warnings.length > 0 && (
          <ul className="warnings" data-testid="review-warnings" aria-label={t('warnings')}>
            {p.warnings.map((w, i) => {
              const key = `risk_${w.code}`;
              return (
                <li key={i} className={w.severity === 'info' ? 'hint' : 'warning'} data-testid={`warning-${w.code}`}>
                  {isMessageKey(key) ? t(key, w.params as Record<string, string | number>) : w.code}
                </li>
              );
            })}
          </ul>
        )}
        {errorBox}
        <div className="row">
          <button className="secondary grow" data-testid="send-back" onClick={() => { setError(null); setStep({ kind: 'form' }); }}>
            {t('back')}
          </button>
          <button className="grow" data-testid="send-confirm" disabled={busy} onClick={() => void confirm(p)}>
            {busy ? t('sending') : t('confirmSend')}
          </button>
        </div>
      </section>
    );
  }

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void prepare();
  };

  return (
    <form className="stack" aria-labelledby="send-title" data-testid="send-form" onSubmit={submit}>
      <h2 id="send-title" className="h2">
        {t('tab_send')}
      </h2>
      <label>
        {t('asset')}
        <select data-testid="send-asset" value={asset} onChange={(e) => setAsset(e.target.value)}>
          {(balances?.assets ?? []).map((a) => (
            <option key={a.token ?? ''} value={a.token ?? ''}>
              {a.symbol}
            </option>
          ))}
        </select>
      </label>
      {selected && (
        <p className="hint" data-testid="send-balance">
          {t('available')}: {shortAmount(selected.formatted)} {selected.symbol}
        </p>
      )}
      <label>
        {t('recipient')}
        <input data-testid="send-to" value={to} onChange={(e) => setTo(e.target.value)} spellCheck={false} autoComplete="off" placeholder={PLACEHOLDER[family]} aria-invalid={toCheck ? true : undefined} aria-describedby="send-to-check" />
      </label>
      <p id="send-to-check" className="error" data-testid="send-to-check" aria-live="polite">
        {toCheck ?? ''}
      </p>
      {book.length > 0 && (
        <label>
          {t('addressBook')}
          <select data-testid="send-book" value="" onChange={(e) => e.target.value && setTo(e.target.value)}>
            <option value="">{t('pickContact')}</option>
            {book.map((b) => (
              <option key={b.address} value={b.address}>
                {b.name} ({b.address.slice(0, 8)}…)
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="row">
        <label className="grow">
          {t('amount')}
          <input inputMode="decimal" data-testid="send-amount" value={max ? t('maxAmount') : amount} readOnly={max} onChange={(e) => setAmount(e.target.value)} autoComplete="off" />
        </label>
        <button type="button" className="small secondary" data-testid="send-max" aria-pressed={max} onClick={() => setMax(!max)}>
          {t('max')}
        </button>
      </div>
      {family === 'bitcoin' && (
        <fieldset className="stack">
          <legend>{t('feeRate')}</legend>
          <div className="row" role="radiogroup">
            {(['slow', 'normal', 'fast', 'custom'] as const).map((f) => (
              <label key={f} className="radio">
                <input type="radio" name="fee" value={f} data-testid={`fee-${f}`} checked={fee === f} onChange={() => setFee(f)} />
                {t(`fee_${f}` as MessageKey)}
              </label>
            ))}
          </div>
          {fee === 'custom' && (
            <label>
              {t('customFeeRate')}
              <input inputMode="decimal" data-testid="fee-custom-rate" value={customRate} onChange={(e) => setCustomRate(e.target.value)} />
            </label>
          )}
        </fieldset>
      )}
      {errorBox}
      <button type="submit" data-testid="send-review" disabled={busy || !to.trim() || (!max && !amount.trim())}>
        {busy ? t('preparing') : t('review')}
      </button>
    </form>
  );
}
