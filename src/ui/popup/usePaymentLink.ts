/**
 * A payment link pasted (or scanned) into the Send recipient field fills the form: the chain the
 * link names (switching to it), the recipient, the asset and the amount, each left visible and
 * editable. The parser loads only when the text starts with a payment scheme. A chain switch
 * remounts the Send form; the link waits here for the new form to take it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AssetBalance, ChainsView } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import type { PaymentDraft } from './paymentLinkRead';
import { PAYMENT_SCHEMES } from '../../core/payments/families';

/** Text that starts with one of the payment schemes the core reads (ethereum:, bitcoin:…). */
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

export interface PaymentLinkState {
  onRecipient: (text: string) => void;
  info: { label?: string; message?: string } | null;
  error: string | null;
}

/** The Send form's fields a link fills (React state setters, so stable across renders). */
export interface PaymentForm {
  setTo: (v: string) => void;
  setAsset: (v: string) => void;
  setAmount: (v: string) => void;
  setMax: (v: boolean) => void;
}

export function usePaymentLink(p: { assets: readonly AssetBalance[] | null; form: PaymentForm; onChains?: (c: ChainsView) => void }): PaymentLinkState {
  const { t } = useI18n();
  const { setTo, setAsset, setAmount, setMax } = p.form;
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
      let d = draft;
      if (!d) {
        // A link read before the chain switch: taken by the form of the chain it names, once its assets are on screen.
        const chains = await call('listChains', {});
        if (!live || !pending || pending.chain !== chains.active) return;
        d = pending;
        pending = null;
      } else setDraft(null);
      const { draftAmount } = await import('./paymentLinkRead');
      if (live) apply(d, draftAmount);
    })();
    return () => {
      live = false;
    };
  }, [draft, assets, fill, t]);

  function apply(draft: PaymentDraft, draftAmount: (d: PaymentDraft, decimals: number | undefined) => string | undefined): void {
    if (!assets) return;
    setInfo(draft.label || draft.message ? { ...(draft.label ? { label: draft.label } : {}), ...(draft.message ? { message: draft.message } : {}) } : null);
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
      if (!LINK_RE.test(text)) return;
      setError(null);
      void (async () => {
        try {
          const { readPaymentLink, PaymentLinkError } = await import('./paymentLinkRead');
          let d: PaymentDraft;
          try {
            d = await readPaymentLink(text);
          } catch (err) {
            if (!(err instanceof PaymentLinkError)) throw err;
            const key = { TX_REQUEST_UNSUPPORTED: 'payLinkTxRequest', CHOOSE_NETWORK: 'payLinkChooseNetwork', UNKNOWN_NETWORK: 'payLinkUnknownNetwork', INVALID: 'payLinkInvalid' } as const;
            setError(t(key[err.code], err.params));
            return;
          }
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
    [setTo, onChains, t],
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
  return { onRecipient, info, error };
}
