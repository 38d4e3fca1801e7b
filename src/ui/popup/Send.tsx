/**
 * Send, the one screen of every family: recipient checked as it is typed (checksums explained,
 * wrong network explained) or picked from the address book or a scanned payment link, asset
 * (native coin, watched ERC-20 / TRC-20, held SPL…), amount or Max. A family's own fields (memo,
 * keep-alive, Bitcoin's fee rate) and review controls (EVM: edit gas and fees) come from its UI parts (src/families/<f>/ui). The
 * background builds, prices and checks the transfer BEFORE anything is signed; the review screen
 * shows the fee and its parts and the risk warnings; the status then follows the activity until
 * confirmed or failed.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AddressBookEntry, ChainBalancesView, ChainSendPreview, ChainsView, PopupFamily } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import { Fiat } from '../prices/Fiat';
import { AmountField, AssetPicker, RecipientField, useRecipientCheck, ReviewButtons, ReviewSummary, SendStatus, WarningList } from './sendParts';
import { isMessageKey } from '../i18n';
import { DetailList } from './DetailList';
import { useFamilyUi } from './useFamilyUi';
import { usePaymentLink } from './usePaymentLink';
import { PaymentLinkInfo, ScanQr } from './ScanQr';

type Step = { kind: 'form' } | { kind: 'review'; preview: ChainSendPreview } | { kind: 'status'; hash: string; explorer: string | null };
const PLACEHOLDER: Partial<Record<PopupFamily, string>> = { tron: 'T…' };

export default function Send({ family, network, onDone, onChains }: { family: PopupFamily; network: string; onDone: () => void; onChains?: (c: ChainsView) => void }): ReactNode {
  const { t } = useI18n();
  const [balances, setBalances] = useState<ChainBalancesView | null>(null);
  const [book, setBook] = useState<AddressBookEntry[]>([]);
  const [asset, setAsset] = useState('');
  const [to, setTo] = useState('');
  const toCheck = useRecipientCheck(to, family);
  const [amount, setAmount] = useState('');
  const [max, setMax] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const familyUi = useFamilyUi(family);
  const [extra, setExtra] = useState<Record<string, string | boolean>>({});
  const link = usePaymentLink({ assets: balances?.assets ?? null, form: { setTo, setAsset, setAmount, setMax, setExtra }, ...(onChains ? { onChains } : {}) });

  useEffect(() => {
    call('getCachedChainBalances', {}).then((b) => b && setBalances((x) => x ?? b), () => undefined);
    call('refreshChainBalances', {}).then(setBalances, () => undefined);
    call('listAddressBook', {}).then((b) => setBook(b.entries.filter((e) => e.family === family)), () => undefined);
  }, [family]);

  /** `edits`: values from the review screen's family part (EVM gas and fees), merged into `extra`. */
  const prepare = async (edits?: Record<string, string>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const all = { ...extra, ...edits };
      const preview = await call('prepareChainSend', {
        to: to.trim(),
        amount: max ? 'max' : amount.trim(),
        ...(asset ? { token: asset } : {}),
        ...(Object.keys(all).length ? { extra: all } : {}),
      });
      setStep({ kind: 'review', preview });
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (preview: ChainSendPreview): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('confirmChainSend', { id: preview.id });
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
        <ReviewSummary networkName={p.networkName} from={p.from} to={p.to} amount={p.amount} symbol={p.symbol} feeLabel={p.feeLabel && isMessageKey(p.feeLabel) ? p.feeLabel : 'networkFee'} fee={`${p.fee} ${p.feeSymbol}`} feeFiat={<Fiat chain={`${family}:${network}`} asset={{ token: null, symbol: p.feeSymbol, formatted: p.fee }} testid="review-fee-fiat" />} />
        <DetailList details={p.details} testid="review-details" />
        <WarningList warnings={p.warnings} />
        {familyUi?.ReviewFields && <familyUi.ReviewFields preview={p} busy={busy} onApply={(edits) => void prepare(edits)} />}
        {errorBox}
        <ReviewButtons busy={busy} onBack={() => { setError(null); setStep({ kind: 'form' }); }} onConfirm={() => void confirm(p)} />
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
      <AssetPicker assets={balances?.assets ?? []} asset={asset} onAsset={setAsset} />
      <RecipientField to={to} onTo={link.onRecipient} problem={toCheck} book={book} placeholder={familyUi?.addressPlaceholder ?? PLACEHOLDER[family] ?? ''} />
      <ScanQr onText={link.onRecipient} />
      <PaymentLinkInfo info={link.info} error={link.error} />
      <AmountField amount={amount} onAmount={setAmount} max={max} onMax={setMax} />
      {familyUi?.SendFields && <familyUi.SendFields value={extra} onChange={setExtra} />}
      {errorBox}
      <button type="submit" data-testid="send-review" disabled={busy || !to.trim() || (!max && !amount.trim())}>
        {busy ? t('preparing') : t('review')}
      </button>
    </form>
  );
}
