/**
 * Receive → "Request a payment": an amount (and token, and a label) attached to the address,
 * shown as a QR code and copyable text in the family's own standard (EIP-681 with the active
 * network's chain id, BIP-21, Solana Pay, the tron: convention). Token choices and decimals come
 * from the active chain's cached balances; the builders load lazily when the panel is opened.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { AssetBalance } from '../../protocol/ui';
import type { Family } from '../../families/ids';
import { hasPaymentStandard, loadPaymentCodecs } from './paymentStandards';
import { call } from '../api';
import { useI18n } from '../i18n/context';
import { QrCode } from '../components/QrCode';

interface Context {
  /** 'evm:<chainId>' when the active chain is of this family (EVM links name it). */
  network?: `${string}:${string}`;
  assets: AssetBalance[];
}

async function contextFor(family: Family): Promise<Context> {
  const chains = await call('listChains', {});
  if (chains.family !== family) return { assets: [] };
  // EVM links name their chain (EIP-681 @chainId).
  const network = chains.active.startsWith('evm:') ? (chains.active as `evm:${string}`) : undefined;
  const cached = await call('getCachedChainBalances', {});
  return { ...(network ? { network } : {}), assets: (cached?.assets ?? []).filter((a) => a.token !== null) };
}

export function RequestPayment({ family, address }: { family: Family; address: string }): ReactNode {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [ctx, setCtx] = useState<Context | null>(null);
  const [token, setToken] = useState('');
  const [amount, setAmount] = useState('');
  const [label, setLabel] = useState('');
  const [uri, setUri] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [labelOk, setLabelOk] = useState(true);

  useEffect(() => {
    if (!open) return;
    let live = true;
    contextFor(family).then((c) => live && setCtx(c), () => live && setCtx({ assets: [] }));
    return () => {
      live = false;
    };
  }, [open, family]);

  useEffect(() => {
    if (!open || !ctx || !hasPaymentStandard(family)) return;
    let live = true;
    void Promise.all([import('../../core/payments/parse'), import('../../core/payments/errors'), loadPaymentCodecs()]).then(([{ buildPaymentUri }, { isPaymentUriError }, codecs]) => {
      if (!live) return;
      const asset = ctx.assets.find((a) => a.token === token);
      const text = amount.trim();
      try {
        const decimals = asset ? asset.decimals : undefined;
        let paymentAmount;
        if (text) {
          if (!/^\d{1,30}(\.\d{1,30})?$/.test(text)) throw new Error(t('err_INVALID_AMOUNT'));
          if (decimals !== undefined) {
            const [w = '0', f = ''] = text.split('.');
            if (f.length > decimals) throw new Error(t('err_TOO_MANY_DECIMALS', { decimals }));
            paymentAmount = { known: 'both' as const, base: BigInt(w + f.padEnd(decimals, '0')), decimal: text, decimals };
          } else paymentAmount = { known: 'decimal' as const, decimal: text };
        }
        const input = {
          family,
          recipient: address,
          ...(ctx.network ? { network: ctx.network } : {}),
          ...(asset?.token ? { asset: { type: 'token' as const, address: asset.token } } : {}),
          ...(paymentAmount ? { amount: paymentAmount } : {}),
        };
        // Some standards have no label (EIP-681): the field is then hidden rather than refused.
        let built: string;
        try {
          built = buildPaymentUri({ ...input, label: label.trim() || 'x' }, codecs);
          setLabelOk(true);
          built = buildPaymentUri({ ...input, ...(label.trim() ? { label: label.trim() } : {}) }, codecs);
        } catch (err) {
          if (!isPaymentUriError(err, 'FIELD_NOT_SUPPORTED')) throw err;
          setLabelOk(false);
          built = buildPaymentUri(input, codecs);
        }
        setUri(built);
        setError(null);
      } catch (err) {
        setUri(null);
        setError(err instanceof Error ? err.message : t('err_INTERNAL'));
      }
    });
    return () => {
      live = false;
    };
  }, [open, ctx, family, address, token, amount, label, t]);

  if (!hasPaymentStandard(family)) return null;
  const copy = (): void => {
    if (!uri) return;
    navigator.clipboard.writeText(uri).then(() => setCopied(true), () => setCopied(false));
  };

  return (
    <details className="panel" data-testid="request-payment" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary data-testid="request-open">{t('requestPayment')}</summary>
      <div className="stack">
        {ctx && ctx.assets.length > 0 && (
          <label>
            {t('asset')}
            <select data-testid="request-asset" value={token} onChange={(e) => setToken(e.target.value)}>
              <option value="">{t('nativeCoin')}</option>
              {ctx.assets.map((a) => (
                <option key={a.token!} value={a.token!}>
                  {a.symbol}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('amount')}
          <input inputMode="decimal" data-testid="request-amount" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        {labelOk && (
          <label>
            {t('requestLabel')}
            <input data-testid="request-label" maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />
          </label>
        )}
        {error && (
          <p className="error" role="alert" data-testid="request-error">
            {error}
          </p>
        )}
        {uri && (
          <>
            <div data-testid="request-qr">
              <QrCode text={uri} label={`${t('qrOf')} ${uri}`} />
            </div>
            <code className="receive-address" data-testid="request-uri">
              {uri}
            </code>
            <button className="small" data-testid="request-copy" onClick={copy}>
              {copied ? t('copied') : t('copyLink')}
            </button>
          </>
        )}
      </div>
    </details>
  );
}
