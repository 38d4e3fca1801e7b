/**
 * The approval's fields in plain words: the main ones (what, to whom, how much, on which network)
 * first, then every other field (typed-data trees and messages keep their line breaks), the fee on
 * its own line, and only gas figures, nonce and raw calldata folded under "Details". Every label goes through fieldLabel (translated, or
 * humanised for a key no one mapped yet).
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { Fiat } from '../prices/Fiat';
import { approvalFeeAsset } from './feeFiat';
import { FEE_FIELDS, FOLDED_FIELDS, PRIMARY_FIELDS, fieldLabel, fieldValue } from './labels';

function DetailValue({ name, value }: { name: string; value: unknown }): ReactNode {
  const { t } = useI18n();
  if (value === null || value === undefined) return <span>—</span>;
  if (typeof value === 'object') return <pre className="detail-json">{JSON.stringify(value, null, 2)}</pre>;
  // pre-wrap (CSS) keeps a message's own line breaks.
  return <span className="detail-text">{fieldValue(name, String(value), t)}</span>;
}

function Fields({ entries }: { entries: [string, unknown][] }): ReactNode {
  const { t } = useI18n();
  return (
    <dl className="details">
      {entries.map(([k, v]) => (
        <div key={k} className="detail" data-field={k}>
          <dt>{fieldLabel(k, t)}</dt>
          <dd>
            <DetailValue name={k} value={v} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** family: the request's, for the fee's fiat value (src/ui/approval/feeFiat.ts). */
function FeeFiat({ display, fee }: { display: Record<string, unknown>; fee: unknown }): ReactNode {
  const priced = approvalFeeAsset(display, fee);
  return priced ? <Fiat chain={priced.chain} asset={priced.asset} testid="approval-fee-fiat" /> : null;
}

export function ApprovalDetails({ display, family = '' }: { display: Record<string, unknown>; family?: string }): ReactNode {
  const { t } = useI18n();
  const entries = Object.entries(display);
  const isFee = (k: string): boolean => (FEE_FIELDS as readonly string[]).includes(k);
  const isFolded = (k: string): boolean => (FOLDED_FIELDS as readonly string[]).includes(k);
  const first = PRIMARY_FIELDS.flatMap((k) => entries.filter(([key]) => key === k));
  const others = entries.filter(([k]) => !(PRIMARY_FIELDS as readonly string[]).includes(k) && !isFee(k) && !isFolded(k));
  const primary = [...first, ...others];
  const fee = entries.filter(([k]) => isFee(k));
  const rest = entries.filter(([k]) => isFolded(k));
  return (
    <div className="stack" data-testid="approval-details">
      {primary.length > 0 && <Fields entries={primary} />}
      {fee.map(([k, v]) => (
        <div key={k} className="fee-line" data-testid="approval-fee">
          <span className="hint">{fieldLabel(k, t)}</span>
          <span className="asset-value">
            <strong>{String(v)}</strong>
            <FeeFiat display={display} fee={v} />
          </span>
        </div>
      ))}
      {rest.length > 0 && (
        <details className="panel">
          <summary data-testid="approval-more">{t('details')}</summary>
          <div className="section-body">
            <Fields entries={rest} />
          </div>
        </details>
      )}
    </div>
  );
}
