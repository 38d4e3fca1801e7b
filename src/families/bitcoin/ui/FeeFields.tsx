/**
 * Bitcoin send fields: the fee rate, as a level from the Esplora API's estimates (slow / normal /
 * fast) or a custom sat/vB. Values go to the background as the send's `extra` (`fee`, `feeRate`),
 * which checks them (a custom rate must be a positive number: err_INVALID_FEE).
 */
import type { ReactNode } from 'react';
import { useI18n } from '../../../ui/i18n/context';
import type { MessageKey } from '../../../ui/i18n';

type Props = { value: Readonly<Record<string, string | boolean>>; onChange(v: Record<string, string | boolean>): void };
const LEVELS = ['slow', 'normal', 'fast', 'custom'] as const;

export default function BitcoinFeeFields({ value, onChange }: Props): ReactNode {
  const { t } = useI18n();
  const fee = typeof value.fee === 'string' && (LEVELS as readonly string[]).includes(value.fee) ? value.fee : 'normal';
  return (
    <fieldset className="stack">
      <legend>{t('feeRate')}</legend>
      <div className="row" role="radiogroup">
        {LEVELS.map((f) => (
          <label key={f} className="radio">
            <input type="radio" name="fee" value={f} data-testid={`fee-${f}`} checked={fee === f} onChange={() => onChange({ ...value, fee: f })} />
            {t(`fee_${f}` as MessageKey)}
          </label>
        ))}
      </div>
      {fee === 'custom' && (
        <label>
          {t('customFeeRate')}
          <input inputMode="decimal" data-testid="fee-custom-rate" value={typeof value.feeRate === 'string' ? value.feeRate : ''} onChange={(e) => onChange({ ...value, feeRate: e.target.value })} />
        </label>
      )}
    </fieldset>
  );
}
