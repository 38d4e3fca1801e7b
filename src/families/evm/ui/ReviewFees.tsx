/**
 * EVM review: edit the gas limit and the fee per gas (max fee and priority fee in gwei for an
 * EIP-1559 network, the gas price otherwise). Applying prepares the send again with these values;
 * the background checks them and the funds again before anything can be signed.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { ChainSendPreview } from '../../../protocol/ui';
import { useI18n } from '../../../ui/i18n/context';
import { gweiToWei, weiToGwei } from '../../../ui/format';

type Props = { preview: ChainSendPreview; busy: boolean; onApply(extra: Record<string, string>): void };

interface Fees {
  gas: string;
  maxFee: string;
  priority: string;
  gasPrice: string;
}

const feesOf = (d: Record<string, string> | undefined): Fees => ({ gas: d?.gas ?? '', maxFee: weiToGwei(d?.maxFeePerGas), priority: weiToGwei(d?.maxPriorityFeePerGas), gasPrice: weiToGwei(d?.gasPrice) });

/** The edits as the background reads them: gas units and wei per gas; blank fields keep the estimate. */
function edits(f: Fees): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.gas.trim()) out.gas = f.gas.trim();
  const mf = f.maxFee.trim() ? gweiToWei(f.maxFee) : undefined;
  const pf = f.priority.trim() ? gweiToWei(f.priority) : undefined;
  const gp = f.gasPrice.trim() ? gweiToWei(f.gasPrice) : undefined;
  if (mf) out.maxFeePerGas = mf;
  if (pf) out.maxPriorityFeePerGas = pf;
  if (gp) out.gasPrice = gp;
  return out;
}

export default function ReviewFees({ preview, busy, onApply }: Props): ReactNode {
  const { t } = useI18n();
  const [fees, setFees] = useState<Fees>(() => feesOf(preview.reviewData));
  // A new preview (after applying) shows the values it was prepared with.
  useEffect(() => setFees(feesOf(preview.reviewData)), [preview]);
  if (!preview.reviewData?.gas) return null;
  return (
    <details className="panel">
      <summary data-testid="edit-fee">{t('editFees')}</summary>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          onApply(edits(fees));
        }}
      >
        <label>
          {t('gasLimit')}
          <input inputMode="numeric" data-testid="fee-gas" value={fees.gas} onChange={(e) => setFees({ ...fees, gas: e.target.value })} />
        </label>
        {preview.reviewData.feeType === 'eip1559' ? (
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
  );
}
