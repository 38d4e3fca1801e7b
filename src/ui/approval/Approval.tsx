/**
 * The approval window: shows the requesting origin (from the browser), what is asked, the
 * decoded details and the risk warnings, and sends the user's decision to the background.
 * Requests queue: the window works through them in order and closes when none is left.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ApprovalEdits, ApprovalRecord } from '../../protocol/approvals';
import { call, onWalletEvent } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import { isMessageKey, type MessageKey } from '../i18n';
import { ApprovalDetails } from './ApprovalDetails';
import { ApprovalOrigin } from './ApprovalOrigin';
import { summarise } from './summary';
import { bySeverity } from './severity';

/** gwei text → wei decimal string; empty stays unset. */
function gweiToWei(text: string): string | undefined {
  const m = /^(\d+)(?:\.(\d{0,9}))?$/.exec(text.trim());
  if (!m) return undefined;
  return (BigInt(m[1]!) * 10n ** 9n + BigInt((m[2] ?? '').padEnd(9, '0') || '0')).toString();
}

function feeEdits(f: { gas: string; maxFee: string; priority: string }): ApprovalEdits | undefined {
  const e: ApprovalEdits = {};
  if (/^\d+$/.test(f.gas.trim())) e.gas = f.gas.trim();
  const max = gweiToWei(f.maxFee);
  const prio = gweiToWei(f.priority);
  if (max) e.maxFeePerGas = max;
  if (prio) e.maxPriorityFeePerGas = prio;
  return Object.keys(e).length ? e : undefined;
}

export function ApprovalScreen(): ReactNode {
  const { t } = useI18n();
  const [queue, setQueue] = useState<ApprovalRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fees, setFees] = useState({ gas: '', maxFee: '', priority: '' });
  const [acknowledged, setAcknowledged] = useState(false);
  const [confirmBlock, setConfirmBlock] = useState(false);

  const load = useCallback(async () => {
    const list = await call('listApprovals', {});
    setQueue(list);
    // A request that waited for the unlock is queued a moment after it: close only if still empty.
    if (list.length === 0)
      setTimeout(
        () =>
          void call('listApprovals', {}).then(async (l) => {
            if (l.length > 0) return setQueue(l);
            // Tell the background first: a request queued in this instant is not rejected by the close.
            await call('approvalWindowClosing', {}).catch(() => undefined);
            window.close();
          }),
        1500,
      );
  }, []);

  useEffect(() => {
    void load();
    return onWalletEvent(() => void load());
  }, [load]);

  const current = queue?.[0];
  // A danger finding needs a deliberate extra step: Approve stays disabled until the box is ticked.
  const danger = current?.warnings.some((w) => w.severity === 'danger') ?? false;
  const fromSite = current ? (queue ?? []).filter((a) => a.origin === current.origin).length : 0;
  /** Rejects every request of the current site (and blocks it when asked). */
  /** Runs one answer to the current request (busy meanwhile, its error shown), then shows the next one. */
  const answer = async (work: (req: NonNullable<typeof current>) => Promise<void>): Promise<void> => {
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      await work(current);
      setAcknowledged(false);
      await load();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const rejectSite = (block: boolean): Promise<void> =>
    answer(async (req) => {
      if (block) await call('setSiteBlocked', { origin: req.origin, blocked: true });
      else await call('rejectSiteApprovals', { origin: req.origin });
      setConfirmBlock(false);
    });
  const decide = (approved: boolean): Promise<void> =>
    answer(async (req) => {
      const edits = approved && req.kind === 'sendTransaction' ? feeEdits(fees) : undefined;
      await call('resolveApproval', { id: req.id, decision: { approved, ...(edits ? { edits } : {}), ...(approved && danger ? { acknowledgedRisk: acknowledged } : {}) } });
      setFees({ gas: '', maxFee: '', priority: '' });
    });

  if (!queue)
    return (
      <main>
        <p aria-busy="true">{t('loading')}</p>
      </main>
    );
  if (!current)
    return (
      <main>
        <h1>{t('approvalNone')}</h1>
      </main>
    );
  const summary = summarise(current.kind, current.origin, current.display);
  return (
    <main className="stack approval" data-testid="approval" aria-labelledby="approval-title">
      <h1 id="approval-title">{t(`approval_${current.kind}` as MessageKey)}</h1>
      {summary && (
        <p className="approval-summary" data-testid="approval-summary">
          {t(summary.key, summary.vars)}
        </p>
      )}
      <ApprovalOrigin origin={current.origin} />
      {queue.length > 1 && (
        <p className="hint" data-testid="approval-queue">
          {t('approvalQueue', { n: queue.length - 1 })}
        </p>
      )}
      {current.warnings.length > 0 && (
        <ul className="warnings" data-testid="approval-warnings">
          {bySeverity(current.warnings).map((w, i) => (
            <li key={i} className={w.severity === 'danger' ? 'error' : 'warning'} data-code={w.code}>
              {isMessageKey(`risk_${w.code}`) ? t(`risk_${w.code}` as MessageKey, w.params) : w.code}
            </li>
          ))}
        </ul>
      )}
      <ApprovalDetails display={current.display} />
      {current.kind === 'sendTransaction' && (
        <details className="panel">
          <summary>{t('editFees')}</summary>
          <div className="stack">
            <label>
              {t('gasLimit')}
              <input inputMode="numeric" data-testid="edit-gas" value={fees.gas} onChange={(e) => setFees({ ...fees, gas: e.target.value })} />
            </label>
            <label>
              {t('maxFeeGwei')}
              <input inputMode="decimal" data-testid="edit-max-fee" value={fees.maxFee} onChange={(e) => setFees({ ...fees, maxFee: e.target.value })} />
            </label>
            <label>
              {t('priorityFeeGwei')}
              <input inputMode="decimal" data-testid="edit-priority-fee" value={fees.priority} onChange={(e) => setFees({ ...fees, priority: e.target.value })} />
            </label>
          </div>
        </details>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {danger && (
        <label className="row" data-testid="risk-ack-label">
          <input type="checkbox" data-testid="risk-ack" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
          <span className="error">{t('riskAcknowledge')}</span>
        </label>
      )}
      {danger && !acknowledged && <p className="hint">{t('riskAcknowledgeHint')}</p>}
      {confirmBlock ? (
        <div className="row" role="group" aria-label={t('blockSite')}>
          <span className="grow hint">{t('blockSiteConfirm', { origin: current.origin })}</span>
          <button className="small" data-testid="block-site-confirm" disabled={busy} onClick={() => void rejectSite(true)}>
            {t('blockSite')}
          </button>
          <button className="small secondary" onClick={() => setConfirmBlock(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <div className="row">
          {fromSite > 1 && (
            <button className="small secondary" data-testid="reject-site" disabled={busy} onClick={() => void rejectSite(false)}>
              {t('rejectSite')}
            </button>
          )}
          <button className="small secondary" data-testid="block-site" disabled={busy} onClick={() => setConfirmBlock(true)}>
            {t('blockSite')}
          </button>
        </div>
      )}
      <div className="row sticky-actions">
        <button className="secondary grow" data-testid="reject" disabled={busy} onClick={() => void decide(false)}>
          {t('reject')}
        </button>
        <button className="grow" data-testid="approve" disabled={busy || (danger && !acknowledged)} onClick={() => void decide(true)}>
          {t('approve')}
        </button>
      </div>
    </main>
  );
}
