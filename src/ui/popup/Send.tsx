/**
 * Send (EVM native and watched ERC-20): recipient checked as it is typed (checksum errors
 * explained) or picked from the address book, amount or Max, then the background prepares the
 * transaction and checks funds BEFORE anything is signed. The review screen shows the fee
 * (editable), the risk warnings and the total; confirming signs in the background; the status
 * follows the activity until confirmed or failed.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ActivityView, AddressBookEntry, BalancesView, SendFees, SendPreview } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import { isMessageKey, type MessageKey } from '../i18n';
import { gweiToWei, shortAmount, weiToGwei } from '../format';

type Step = { kind: 'form' } | { kind: 'review'; preview: SendPreview } | { kind: 'status'; hash: string; explorer: string | null };

export default function Send({ onDone }: { onDone: () => void }): ReactNode {
  const { t } = useI18n();
  const [balances, setBalances] = useState<BalancesView | null>(null);
  const [book, setBook] = useState<AddressBookEntry[]>([]);
  const [asset, setAsset] = useState('');
  const [to, setTo] = useState('');
  const [toCheck, setToCheck] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [max, setMax] = useState(false);
  const [fees, setFees] = useState<{ gas: string; maxFee: string; priority: string; gasPrice: string }>({ gas: '', maxFee: '', priority: '', gasPrice: '' });
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ActivityView['status']>('pending');

  useEffect(() => {
    call('getCachedBalances', {}).then((b) => b && setBalances((x) => x ?? b), () => undefined);
    call('refreshBalances', {}).then(setBalances, () => undefined);
    call('listAddressBook', {}).then((b) => setBook(b.entries.filter((e) => e.family === 'evm')), () => undefined);
  }, []);

  // Live recipient check (format and EIP-55 checksum), in the background.
  useEffect(() => {
    const v = to.trim();
    if (!v) {
      setToCheck(null);
      return;
    }
    const timer = setTimeout(() => {
      call('checkAddress', { family: 'evm', address: v }).then(
        (r) => setToCheck(r.ok ? null : t(r.reason === 'checksum' ? 'err_ADDRESS_CHECKSUM' : 'err_INVALID_ADDRESS')),
        () => setToCheck(t('err_INVALID_ADDRESS')),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [to, t]);

  // Status until confirmed or failed.
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

  const feeEdits = (): SendFees | undefined => {
    const f: SendFees = {};
    if (fees.gas.trim()) f.gas = fees.gas.trim();
    const mf = fees.maxFee.trim() ? gweiToWei(fees.maxFee) : undefined;
    const pf = fees.priority.trim() ? gweiToWei(fees.priority) : undefined;
    const gp = fees.gasPrice.trim() ? gweiToWei(fees.gasPrice) : undefined;
    if (mf) f.maxFeePerGas = mf;
    if (pf) f.maxPriorityFeePerGas = pf;
    if (gp) f.gasPrice = gp;
    return Object.keys(f).length ? f : undefined;
  };

  const prepare = async (withFees: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const fe = withFees ? feeEdits() : undefined;
      const preview = await call('prepareSend', { to: to.trim(), amount: max ? 'max' : amount.trim(), ...(asset ? { token: asset } : {}), ...(fe ? { fees: fe } : {}) });
      setFees({ gas: preview.gas, maxFee: weiToGwei(preview.maxFeePerGas), priority: weiToGwei(preview.maxPriorityFeePerGas), gasPrice: weiToGwei(preview.gasPrice) });
      setStep({ kind: 'review', preview });
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (preview: SendPreview): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('confirmSend', { id: preview.id });
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
            <dt>{t('maxNetworkFee')}</dt>
            <dd data-testid="review-fee">
              {shortAmount(p.maxNetworkFee, 8)} {p.nativeSymbol}
            </dd>
          </div>
        </dl>
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
        <details className="panel">
          <summary data-testid="edit-fee">{t('editFees')}</summary>
          <form className="stack" onSubmit={(e) => { e.preventDefault(); void prepare(true); }}>
            <label>
              {t('gasLimit')}
              <input inputMode="numeric" data-testid="fee-gas" value={fees.gas} onChange={(e) => setFees({ ...fees, gas: e.target.value })} />
            </label>
            {p.feeType === 'eip1559' ? (
              <>
                <label>
                  {t('maxFeeGwei')}
                  <input inputMode="decimal" data-testid="fee-max" value={fees.maxFee} onChange={(e) => setFees({ ...fees, maxFee: e.target.value })} />
                </label>
                <label>
                  {t('priorityFeeGwei')}
                  <input inputMode="decimal" data-testid="fee-priority" value={fees.priority} onChange={(e) => setFees({ ...fees, priority: e.target.value })} />
                </label>
              </>
            ) : (
              <label>
                {t('gasPriceGwei')}
                <input inputMode="decimal" data-testid="fee-gasprice" value={fees.gasPrice} onChange={(e) => setFees({ ...fees, gasPrice: e.target.value })} />
              </label>
            )}
            <button type="submit" className="small" data-testid="fee-apply" disabled={busy}>
              {t('applyFee')}
            </button>
          </form>
        </details>
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
    void prepare(false);
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
        <input data-testid="send-to" value={to} onChange={(e) => setTo(e.target.value)} spellCheck={false} autoComplete="off" placeholder="0x…" aria-invalid={toCheck ? true : undefined} aria-describedby="send-to-check" />
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
      {errorBox}
      <button type="submit" data-testid="send-review" disabled={busy || !to.trim() || (!max && !amount.trim())}>
        {busy ? t('preparing') : t('review')}
      </button>
    </form>
  );
}
