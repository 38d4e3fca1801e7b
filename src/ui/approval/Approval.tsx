/**
 * The approval window: shows the requesting origin (from the browser), what is asked, the
 * decoded details and the risk warnings, and sends the user's decision to the background.
 * Requests queue: the window works through them in order and closes when none is left.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ApprovalRecord } from '../../protocol/approvals';
import { call, onWalletEvent } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';

function DetailValue({ value }: { value: unknown }): ReactNode {
  if (value === null || value === undefined) return <span>—</span>;
  if (typeof value === 'object') return <pre className="detail-json">{JSON.stringify(value, null, 2)}</pre>;
  return <span className="detail-text">{String(value)}</span>;
}

export function ApprovalScreen(): ReactNode {
  const { t } = useI18n();
  const [queue, setQueue] = useState<ApprovalRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const list = await call('listApprovals', {});
    setQueue(list);
    if (list.length === 0) window.close();
  }, []);

  useEffect(() => {
    void load();
    return onWalletEvent(() => void load());
  }, [load]);

  const current = queue?.[0];
  const decide = async (approved: boolean): Promise<void> => {
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      await call('resolveApproval', { id: current.id, decision: { approved } });
      await load();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  if (!queue) return <p aria-busy="true">{t('loading')}</p>;
  if (!current) return <p>{t('approvalNone')}</p>;
  const insecure = current.origin.startsWith('http:');
  return (
    <section className="stack approval" data-testid="approval" aria-labelledby="approval-title">
      <h1 id="approval-title">{t(`approval_${current.kind}` as MessageKey)}</h1>
      <div className="origin" data-testid="approval-origin">
        <span className="hint">{t('approvalFrom')}</span>
        <strong className={insecure ? 'error' : ''}>{current.origin}</strong>
      </div>
      {queue.length > 1 && <p className="hint">{t('approvalQueue', { n: queue.length - 1 })}</p>}
      {current.warnings.length > 0 && (
        <ul className="warnings" data-testid="approval-warnings">
          {current.warnings.map((w, i) => (
            <li key={i} className={w.severity === 'danger' ? 'error' : 'warning'} data-code={w.code}>
              {t(`risk_${w.code}` as MessageKey, w.params)}
            </li>
          ))}
        </ul>
      )}
      <dl className="details" data-testid="approval-details">
        {Object.entries(current.display).map(([k, v]) => (
          <div key={k} className="detail">
            <dt>{k}</dt>
            <dd>
              <DetailValue value={v} />
            </dd>
          </div>
        ))}
      </dl>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row sticky-actions">
        <button className="secondary grow" data-testid="reject" disabled={busy} onClick={() => void decide(false)}>
          {t('reject')}
        </button>
        <button className="grow" data-testid="approve" disabled={busy} onClick={() => void decide(true)}>
          {t('approve')}
        </button>
      </div>
    </section>
  );
}
