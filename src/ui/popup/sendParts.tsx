/** Pieces shared by the EVM Send and the Bitcoin/Solana/TRON Send: risk warnings and the status screen. */
import { useEffect, useState, type ReactNode } from 'react';
import type { ActivityView, AddressBookEntry, AssetBalance } from '../../protocol/ui';
import type { Family } from '../../core/types';
import { shortAmount } from '../format';
import { call } from '../api';
import { useI18n } from '../i18n/context';
import { isMessageKey, type MessageKey } from '../i18n';

export interface Warning {
  code: string;
  severity: 'info' | 'warning' | 'danger';
  params: Record<string, string | number | boolean>;
}

export function WarningList({ warnings }: { warnings: readonly Warning[] }): ReactNode {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings" data-testid="review-warnings" aria-label={t('warnings')}>
      {warnings.map((w, i) => {
        const key = `risk_${w.code}`;
        return (
          <li key={i} className={w.severity === 'info' ? 'hint' : 'warning'} data-testid={`warning-${w.code}`}>
            {isMessageKey(key) ? t(key, w.params as Record<string, string | number>) : w.code}
          </li>
        );
      })}
    </ul>
  );
}

/** After broadcast: the status from the activity list until confirmed or failed, the hash and the explorer link. */
export function SendStatus({ hash, explorer, onDone }: { hash: string; explorer: string | null; onDone: () => void }): ReactNode {
  const { t } = useI18n();
  const [status, setStatus] = useState<ActivityView['status']>('pending');

  useEffect(() => {
    if (status !== 'pending') return;
    const timer = setInterval(() => {
      call('listActivity', {}).then((items) => {
        const item = items.find((i) => i.hash === hash);
        if (item && item.status !== 'pending') setStatus(item.status);
      }, () => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [hash, status]);

  return (
    <section className="stack" aria-labelledby="send-title" data-testid="send-status-screen">
      <h2 id="send-title" className="h2">
        {t('sendStatus')}
      </h2>
      <p data-testid="send-status" aria-live="polite" className={status === 'failed' ? 'error' : ''}>
        {t(`status_${status}` as MessageKey)}
      </p>
      <code className="address" data-testid="send-hash">
        {hash}
      </code>
      {explorer && (
        <a className="button secondary" href={explorer} target="_blank" rel="noreferrer noopener" data-testid="send-explorer">
          {t('viewOnExplorer')}
        </a>
      )}
      <button data-testid="send-done" onClick={onDone}>
        {t('tab_activity')}
      </button>
    </section>
  );
}

/** feeFiat: the fee's value in the user's currency (a <Fiat>), shown beneath the fee when a price is known. */
export function ReviewSummary(p: { networkName: string; from: string; to: string; amount: string; symbol: string; feeLabel: MessageKey; fee: string; feeFiat?: ReactNode }): ReactNode {
  const { t } = useI18n();
  const row = (label: MessageKey, value: ReactNode, testid?: string, address = false, extra?: ReactNode): ReactNode => (
    <div className="detail">
      <dt>{t(label)}</dt>
      <dd className={address ? 'address' : undefined} data-testid={testid}>
        {value}
      </dd>
      {extra && <dd>{extra}</dd>}
    </div>
  );
  return (
    <dl className="details">
      {row('network', p.networkName)}
      {row('from', p.from, undefined, true)}
      {row('to', p.to, 'review-to', true)}
      {row('amount', `${p.amount} ${p.symbol}`, 'review-amount')}
      {row(p.feeLabel, p.fee, 'review-fee', false, p.feeFiat)}
    </dl>
  );
}

export function ReviewButtons({ busy, onBack, onConfirm }: { busy: boolean; onBack: () => void; onConfirm: () => void }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="row">
      <button className="secondary grow" data-testid="send-back" onClick={onBack}>
        {t('back')}
      </button>
      <button className="grow" data-testid="send-confirm" disabled={busy} onClick={onConfirm}>
        {busy ? t('sending') : t('confirmSend')}
      </button>
    </div>
  );
}

export function AssetPicker({ assets, asset, onAsset }: { assets: readonly AssetBalance[]; asset: string; onAsset: (a: string) => void }): ReactNode {
  const { t } = useI18n();
  const selected = assets.find((a) => (a.token ?? '') === asset) ?? assets[0];
  return (
    <>
      <label>
        {t('asset')}
        <select data-testid="send-asset" value={asset} onChange={(e) => onAsset(e.target.value)}>
          {assets.map((a) => (
            <option key={a.token ?? ''} value={a.token ?? ''}>
              {a.name ? `${a.symbol} (${a.name})` : a.symbol}
            </option>
          ))}
        </select>
      </label>
      {selected && (
        <p className="hint" data-testid="send-balance">
          {t('available')}: {shortAmount(selected.formatted)} {selected.symbol}
        </p>
      )}
    </>
  );
}

export function RecipientField(p: { to: string; onTo: (v: string) => void; problem: string | null; book: readonly AddressBookEntry[]; placeholder: string }): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <label>
        {t('recipient')}
        <input data-testid="send-to" value={p.to} onChange={(e) => p.onTo(e.target.value)} spellCheck="false" autoComplete="off" placeholder={p.placeholder} aria-invalid={p.problem ? true : undefined} aria-describedby="send-to-check" />
      </label>
      <p id="send-to-check" className="error" data-testid="send-to-check" aria-live="polite">
        {p.problem ?? ''}
      </p>
      {p.book.length > 0 && (
        <label>
          {t('addressBook')}
          <select data-testid="send-book" value="" onChange={(e) => e.target.value && p.onTo(e.target.value)}>
            <option value="">{t('pickContact')}</option>
            {p.book.map((b) => (
              <option key={b.address} value={b.address}>
                {b.name} ({b.address.slice(0, 8)}…)
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

export function AmountField({ amount, onAmount, max, onMax }: { amount: string; onAmount: (v: string) => void; max: boolean; onMax: (v: boolean) => void }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="row">
      <label className="grow">
        {t('amount')}
        <input inputMode="decimal" data-testid="send-amount" value={max ? t('maxAmount') : amount} readOnly={max} onChange={(e) => onAmount(e.target.value)} autoComplete="off" />
      </label>
      <button type="button" className="small secondary" data-testid="send-max" aria-pressed={max} onClick={() => onMax(!max)}>
        {t('max')}
      </button>
    </div>
  );
}

/** The recipient checked as it is typed (format, checksum, network), in the background; the problem text or null. */
export function useRecipientCheck(to: string, family: Family, network?: string): string | null {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const v = to.trim();
    if (!v) {
      setProblem(null);
      return;
    }
    const timer = setTimeout(() => {
      call('checkAddress', { family, address: v, ...(network !== undefined ? { network } : {}) }).then(
        (r) => setProblem(r.ok ? null : r.reason === 'network' ? t('err_ADDRESS_NETWORK') : r.reason === 'checksum' ? t('err_ADDRESS_CHECKSUM') : t('err_INVALID_ADDRESS')),
        () => setProblem(t('err_INVALID_ADDRESS')),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [to, family, network, t]);
  return problem;
}
