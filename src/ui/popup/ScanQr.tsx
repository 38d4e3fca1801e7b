/**
 * "Scan QR code": reads a payment link from an image file, or from an image pasted anywhere on
 * the Send screen, and hands its text to the recipient field (which reads links). The decoder
 * (jsQR, ~46 kB gzipped) loads only when an image is given, never with the popup.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import type { PaymentLinkInfoView } from './usePaymentLink';

/** Larger images are scaled down first (a phone photo); QR codes stay readable well below this. */
const MAX_SIDE = 1600;
const MAX_BYTES = 15 * 1024 * 1024;

async function decodeImage(file: Blob): Promise<string | null> {
  if (file.size > MAX_BYTES) throw new Error('too large');
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no canvas');
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const { data } = ctx.getImageData(0, 0, width, height);
  const { decodeQrFromRgba } = await import('../../core/qr/decode');
  return decodeQrFromRgba({ data, width, height })?.text ?? null;
}

export function ScanQr({ onText }: { onText: (text: string) => void }): ReactNode {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = (file: Blob): void => {
    setBusy(true);
    setError(null);
    decodeImage(file)
      .then((text) => (text ? onText(text) : setError(t('scanQrNone'))), () => setError(t('scanQrFailed')))
      .finally(() => setBusy(false));
  };

  // A pasted image (a screenshot of a merchant's code) is read like a chosen file.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent): void => {
      const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
      if (!file) return;
      e.preventDefault();
      read(file);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  });

  return (
    <div className="stack">
      <label className="small secondary button" data-testid="scan-qr">
        {busy ? t('loading') : t('scanQr')}
        <input
          type="file"
          accept="image/*"
          className="sr-only"
          data-testid="scan-qr-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) read(f);
          }}
        />
      </label>
      {error && (
        <p className="error" role="alert" data-testid="scan-qr-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function PaymentLinkInfo({ info, error }: { info: PaymentLinkInfoView | null; error: string | null }): ReactNode {
  const { t } = useI18n();
  const r = info?.request;
  return (
    <>
      {info && (info.label || info.message) && (
        <p className="hint" data-testid="payment-link-info">
          {t('payLinkFrom')}: {[info.label, info.message].filter(Boolean).join(' — ')}
        </p>
      )}
      {info?.memo !== undefined && (
        <p className="hint" data-testid="payment-link-memo">
          {t('payLinkMemo')}: {info.memo}
        </p>
      )}
      {info?.references?.map((ref) => (
        <p className="hint address" key={ref} data-testid="payment-link-reference">
          {t('payLinkReference')}: {ref}
        </p>
      ))}
      {r && (
        <div className="stack" data-testid="pay-request">
          <p className="hint">{t('payRequestFrom', { origin: r.origin })}</p>
          {r.sent ? (
            <p className="hint" data-testid="pay-request-sent">
              {r.sent.message ? `${r.sent.message} — ` : ''}
              {t('payRequestSent')} <span className="address" data-testid="pay-request-signature">{r.sent.signature}</span>
            </p>
          ) : (
            <button type="button" data-testid="pay-request-open" disabled={r.busy} onClick={r.open}>
              {r.busy ? t('payRequestWaiting') : t('payRequestOpen')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="error" role="alert" data-testid="payment-link-error">
          {error}
        </p>
      )}
    </>
  );
}
