/**
 * The Solana Pay fields of a transfer request pasted into Send, as the popup passes them in the
 * send request's `extra` (reference keys comma-separated, memo, label, message). Checked here again
 * (the popup is not trusted to have parsed the link): each reference a 32-byte key, at most
 * MAX_REFERENCES, no duplicates; memo, label and message plain display text. An unknown field is
 * refused rather than ignored, so nothing the user saw is silently dropped.
 */
import { MAX_REFERENCES } from '../core/paymentUri';
import { validateSolanaAddress } from '../core/address';
import { checkDisplayText } from '../../../core/payments/query';
import { WalletError } from '../../../background/errors';

export interface SolanaPayFields {
  references: string[];
  memo?: string;
  label?: string;
  message?: string;
}

const KEYS = ['references', 'memo', 'label', 'message'] as const;

function text(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new WalletError('INVALID_PAY_FIELD', `The ${field} must be text`, undefined, { field });
  try {
    return checkDisplayText(v, field);
  } catch (err) {
    throw new WalletError('INVALID_PAY_FIELD', err instanceof Error ? err.message : `The ${field} is not valid`, undefined, { field });
  }
}

export function readSolanaPayFields(extra: Readonly<Record<string, string | boolean>> | undefined): SolanaPayFields {
  const out: SolanaPayFields = { references: [] };
  if (extra === undefined) return out;
  if (typeof extra !== 'object' || extra === null) throw new WalletError('INVALID_PAY_FIELD', 'The send fields are not valid');
  for (const k of Object.keys(extra)) {
    if (!(KEYS as readonly string[]).includes(k)) throw new WalletError('INVALID_PAY_FIELD', `Unknown Solana send field "${k.slice(0, 32)}"`, undefined, { field: k.slice(0, 32) });
  }
  if (extra.references !== undefined && extra.references !== '') {
    const refs = text(extra.references, 'references').split(',');
    if (refs.length > MAX_REFERENCES) throw new WalletError('INVALID_PAY_FIELD', `At most ${MAX_REFERENCES} references are accepted`, undefined, { field: 'references' });
    for (const r of refs) if (!validateSolanaAddress(r).ok) throw new WalletError('INVALID_PAY_FIELD', `The reference "${r.slice(0, 64)}" is not a Solana address`, undefined, { field: 'references' });
    if (new Set(refs).size !== refs.length) throw new WalletError('INVALID_PAY_FIELD', 'The same reference appears twice', undefined, { field: 'references' });
    out.references = refs;
  }
  for (const k of ['memo', 'label', 'message'] as const) {
    const v = extra[k];
    if (v !== undefined && v !== '') out[k] = text(v, k);
  }
  if (out.memo !== undefined && new TextEncoder().encode(out.memo).length > 566) throw new WalletError('INVALID_PAY_FIELD', 'The memo is too long for one transaction (566 bytes)', undefined, { field: 'memo' });
  return out;
}

/** The review screen's lines for them (label and message first: who asks and what for). */
export function solanaPayDetails(f: SolanaPayFields): Record<string, string> {
  return {
    ...(f.label !== undefined ? { payLabel: f.label } : {}),
    ...(f.message !== undefined ? { payMessage: f.message } : {}),
    ...(f.memo !== undefined ? { memo: f.memo } : {}),
    ...(f.references.length ? { reference: f.references.join('\n') } : {}),
  };
}

/** The transfer builders' options for them. */
export function solanaPayOptions(f: SolanaPayFields): { references: string[]; memo?: string } {
  return { references: f.references, ...(f.memo !== undefined ? { memo: f.memo } : {}) };
}
