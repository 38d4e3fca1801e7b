/**
 * Send (EVM native and watched ERC-20): recipient checked as it is typed (checksum errors
 * explained) or picked from the address book, amount or Max, then the background prepares the
 * transaction and checks funds BEFORE anything is signed. The review screen shows the fee
 * (editable), the risk warnings and the total; confirming signs in the background; the status
 * follows the activity until confirmed or failed.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AddressBookEntry, BalancesView, ChainsView, SendFees, SendPreview } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import { Fiat } from '../prices/Fiat';
import { AmountField, AssetPicker, RecipientField, useRecipientCheck, ReviewButtons, ReviewSummary, SendStatus, WarningList } from './sendParts';
import { gweiToWei, shortAmount, weiToGwei } from '../format';
import { usePaymentLink } from './usePaymentLink';
import { PaymentLinkInfo, ScanQr } from './ScanQr';

type Step = { kind: 'form' } | { kind: 'review'; preview: SendPreview } | { kind: 'status'; hash: string; explorer: string | null };

export default function Send({ onDone, onChains }: { onDone: () => void; onChains?: (c: ChainsView) => void }): ReactNode {
  const { t } = useI18n();
  const [balances, setBalances] = useState<BalancesView | null>(null);
  const [book, setBook] = useState<AddressBookEntry[]>([]);
  const [asset, setAsset] = useState('');
  const [to, setTo] = useState('');
  const toCheck = useRecipientCheck(to, 'evm');
  const [amount, setAmount] = useState('');
  const [max, setMax] = useState(false);
  const [fees, setFees] = useState<{ gas: string; maxFee: string; priority: string; gasPrice: string }>({ gas: '', maxFee: '', priority: '', gasPrice: '' });
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const link = usePaymentLink({ assets: balances?.assets ?? null, form: { setTo, setAsset, setAmount, setMax }, ...(onChains ? { onChains } : {}) });

  useEffect(() => {
    call('getCachedBalances', {}).then((b) => b && setBalances((x) => x ?? b), () => undefined);
    call('refreshBalances', {}).then(setBalances, () => undefined);
    call('listAddressBook', {}).then((b) => setBook(b.entries.filter((e) => e.family === 'evm')), () => undefined);
  }, []);

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

  if (step.kind === 'status') return <SendStatus hash={step.hash} explorer={step.explorer} onDone={onDone} />;

  if (step.kind === 'review') {
    const p = step.preview;
    return (
      <section className="stack" aria-labelledby="send-title" data-testid="review">
        <h2 id="send-title" className="h2">
          {t('reviewTitle')}
        </h2>
        <ReviewSummary networkName={p.networkName} from={p.from} to={p.to} amount={p.amount} symbol={p.symbol} feeLabel="maxNetworkFee" fee={`${shortAmount(p.maxNetworkFee, 8)} ${p.nativeSymbol}`} feeFiat={<Fiat chain={`evm:${p.chainId}`} asset={{ token: null, symbol: p.nativeSymbol, formatted: p.maxNetworkFee }} testid="review-fee-fiat" />} />
        <WarningList warnings={p.warnings} />
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
        <ReviewButtons busy={busy} onBack={() => { setError(null); setStep({ kind: 'form' }); }} onConfirm={() => void confirm(p)} />
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
      <AssetPicker assets={balances?.assets ?? []} asset={asset} onAsset={setAsset} />
      <RecipientField to={to} onTo={link.onRecipient} problem={toCheck} book={book} placeholder="0x…" />
      <ScanQr onText={link.onRecipient} />
      <PaymentLinkInfo info={link.info} error={link.error} />
      <AmountField amount={amount} onAmount={setAmount} max={max} onMax={setMax} />
      {errorBox}
      <button type="submit" data-testid="send-review" disabled={busy || !to.trim() || (!max && !amount.trim())}>
        {busy ? t('preparing') : t('review')}
      </button>
    </form>
  );
}
