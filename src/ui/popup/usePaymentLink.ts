/**
 * A payment link pasted (or scanned) into the Send recipient field fills the form: the chain the
 * link names (switching to it), the recipient, the asset and the amount, each left visible and
 * editable. The parser loads only when the text starts with a payment scheme. A chain switch
 * remounts the Send form; the link waits here for the new form to take it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssetBalance, ChainsView } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import type { PaymentDraft, TransactionRequestDraft } from './paymentLinkRead';
import { PAYMENT_SCHEMES } from './paymentStandards';
import type { FamilyUi } from '../../families/types';
import { isFamily } from '../../families/ids';
import { loadFamilyUi } from './useFamilyUi';

/** The UI parts of the family a ChainOption id ('solana:devnet') belongs to. */
function familyUiOf(chain: string): Promise<FamilyUi | null> {
  const family = chain.slice(0, chain.indexOf(':'));
  return isFamily(family) ? loadFamilyUi(family) : Promise.resolve(null);
}

/** Text that starts with one of the payment schemes the families' entries declare (ethereum:, bitcoin:…). */
const LINK_RE = new RegExp(`^\\s*(${Object.keys(PAYMENT_SCHEMES).join('|')}):`, 'i');

/** A link read on another chain's form, taken by the form mounted after the switch. */
let pending: PaymentDraft | null = null;

/**
 * A link handed over in this page's URL (`popup.html?pay=…#/send`: one clicked on a web page,
 * src/background/payLinks.ts, or Firefox's `bitcoin:` protocol handler): read like a pasted one, once.
 */
let handed: string | null = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('pay') : null;

export interface PaymentFill {
  to: string;
  /** '' for the native coin. */
  asset?: string;
  amount?: string;
}

/** A transaction request (Solana Pay's) waiting for the user to open it (then the approval window). */
export interface TransactionRequestView extends TransactionRequestDraft {
  busy: boolean;
  /** Set once the approved transaction was sent. */
  sent?: { signature: string; explorer: string | null; message?: string };
  open: () => void;
}

/** What the link asked for, shown under the recipient (references and memo are not editable). */
export interface PaymentLinkInfoView {
  label?: string;
  message?: string;
  memo?: string;
  references?: readonly string[];
  request?: TransactionRequestView;
}

export interface PaymentLinkState {
  onRecipient: (text: string) => void;
  info: PaymentLinkInfoView | null;
  error: string | null;
}

/** The Send form's fields a link fills (React state setters, so stable across renders). */
export interface PaymentForm {
  setTo: (v: string) => void;
  setAsset: (v: string) => void;
  setAmount: (v: string) => void;
  setMax: (v: boolean) => void;
  /** The family send fields (what a link asks of the transaction itself travels there: FamilyUi.paymentFields). */
  setExtra?: (v: Record<string, string | boolean>) => void;
}

export function usePaymentLink(p: { assets: readonly AssetBalance[] | null; form: PaymentForm; onChains?: (c: ChainsView) => void }): PaymentLinkState {
  const { t } = useI18n();
  const { setTo, setAsset, setAmount, setMax, setExtra } = p.form;
  /** True while the send fields hold a link's fields (FamilyUi.paymentFields; cleared when the recipient is retyped). */
  const payFields = useRef(false);
  const fill = useCallback(
    (f: PaymentFill) => {
      setTo(f.to);
      if (f.asset !== undefined) setAsset(f.asset);
      if (f.amount !== undefined) {
        setMax(false);
        setAmount(f.amount);
      }
    },
    [setTo, setAsset, setAmount, setMax],
  );
  const [draft, setDraft] = useState<PaymentDraft | null>(null);
  const [info, setInfo] = useState<PaymentLinkState['info']>(null);
  const [error, setError] = useState<string | null>(null);
  const { assets, onChains } = p;

  // Applied once the assets are known: a token amount needs the token's decimals.
  useEffect(() => {
    if (!assets || (!draft && !pending)) return;
    let live = true;
    void (async () => {
      // Cleared only once applied: clearing first re-renders and cancels this run (a same-chain link was lost).
      const { draftAmount } = await import('./paymentLinkRead');
      if (!live) return;
      if (draft) {
        const ui = await familyUiOf(draft.chain);
        if (!live) return;
        apply(draft, draftAmount, ui);
        setDraft(null);
        return;
      }
      // A link read before the chain switch: taken by the form of the chain it names, once its assets are on screen.
      const chains = await call('listChains', {});
      if (!live || !pending || pending.chain !== chains.active) return;
      const ui = await familyUiOf(pending.chain);
      if (!live || !pending || pending.chain !== chains.active) return;
      const d = pending;
      pending = null;
      apply(d, draftAmount, ui);
    })();
    return () => {
      live = false;
    };
  }, [draft, assets, fill, t]);

  function apply(draft: PaymentDraft, draftAmount: (d: PaymentDraft, decimals: number | undefined) => string | undefined, ui: FamilyUi | null): void {
    if (!assets) return;
    const shown: PaymentLinkInfoView = {
      ...(draft.label ? { label: draft.label } : {}),
      ...(draft.message ? { message: draft.message } : {}),
      ...(draft.memo ? { memo: draft.memo } : {}),
      ...(draft.references?.length ? { references: draft.references } : {}),
    };
    setInfo(Object.keys(shown).length ? shown : null);
    // What the link asks of the transaction itself travels with the send request, as the family's send fields.
    if (ui?.paymentFields && setExtra) {
      const extra = ui.paymentFields(draft);
      setExtra(extra);
      payFields.current = Object.keys(extra).length > 0;
    }
    if (draft.token) {
      const a = assets.find((x) => x.token !== null && x.token.toLowerCase() === draft.token!.toLowerCase());
      if (!a) {
        fill({ to: draft.to });
        setError(t('payLinkTokenNotWatched', { token: draft.token }));
        return;
      }
      const amount = draftAmount(draft, a.decimals);
      fill({ to: draft.to, asset: a.token!, ...(amount !== undefined ? { amount } : {}) });
      return;
    }
    const native = assets.find((x) => x.token === null);
    const amount = draftAmount(draft, native?.decimals);
    fill({ to: draft.to, asset: '', ...(amount !== undefined ? { amount } : {}) });
  }

  const onRecipient = useCallback(
    (text: string) => {
      setTo(text);
      if (!LINK_RE.test(text)) {
        // A retyped recipient is no longer the link's request: its references, memo and request go.
        if (payFields.current) {
          payFields.current = false;
          setExtra?.({});
          setInfo(null);
        } else setInfo((i) => (i?.request ? null : i));
        return;
      }
      setError(null);
      void (async () => {
        try {
          const { readPaymentLink, PaymentLinkError } = await import('./paymentLinkRead');
          let read: PaymentDraft | TransactionRequestDraft;
          try {
            read = await readPaymentLink(text);
          } catch (err) {
            if (!(err instanceof PaymentLinkError)) throw err;
            const key = { CHOOSE_NETWORK: 'payLinkChooseNetwork', UNKNOWN_NETWORK: 'payLinkUnknownNetwork', INVALID: 'payLinkInvalid' } as const;
            setError(t(key[err.code], err.params));
            return;
          }
          if ('kind' in read) {
            showRequest(read);
            return;
          }
          const d = read;
          const chains = await call('listChains', {});
          if (d.chain !== chains.active) {
            pending = d;
            const next = await call('setActiveChain', { id: d.chain });
            onChains?.(next);
          } else setDraft(d);
        } catch (err) {
          setError(errorText(err, t));
        }
      })();
    },
    [setTo, setExtra, onChains, t],
  );

  // Taken once this form shows its assets: by then the popup's own first chain list has arrived,
  // so it cannot undo the chain switch the link asks for.
  useEffect(() => {
    if (handed === null || !assets) return;
    const uri = handed;
    handed = null;
    history.replaceState(null, '', `${location.pathname}${location.hash}`);
    onRecipient(uri);
  }, [onRecipient, assets]);

  /** A transaction request: shown with who asks; opening it goes to the approval window. */
  function showRequest(r: TransactionRequestDraft): void {
    const view = (busy: boolean, sent?: TransactionRequestView['sent']): PaymentLinkInfoView => ({
      ...(r.label ? { label: r.label } : {}),
      ...(r.message ? { message: r.message } : {}),
      request: { ...r, busy, ...(sent ? { sent } : {}), open },
    });
    const open = (): void => {
      setError(null);
      setInfo(view(true));
      loadFamilyUi(r.family)
        .then((ui) => {
          // readPaymentLink made sure the family has the hook (else the link was refused as invalid).
          if (!ui?.openPaymentRequest) throw new Error('This network cannot open transaction requests');
          return ui.openPaymentRequest(r.link);
        })
        .then(
          (res) => setInfo(view(false, { signature: res.signature, explorer: res.explorer, ...(res.message ? { message: res.message } : {}) })),
          (err: unknown) => {
            setInfo(view(false));
            setError(errorText(err, t));
          },
        );
    };
    setInfo(view(false));
  }
  return { onRecipient, info, error };
}
