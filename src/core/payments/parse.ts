/**
 * One entry point for a pasted or scanned payment link: picks the standard by scheme among the
 * codecs the caller passes (each family's own, src/families/<f>/core/paymentUri.ts, which the popup
 * loads with the families' UI parts: src/ui/popup/paymentStandards.ts) and returns the shared typed
 * request, or throws a PaymentUriError with a specific code. The builder picks the codec of the
 * input's family the same way, for Receive's QR code.
 */
import { PaymentUriError } from './errors.ts';
import { uriScheme } from './query.ts';
import type { ParsePaymentOptions, PaymentCodecs, PaymentFamily, PaymentRequest, PaymentRequestInput } from './types.ts';

/** The family a text's payment scheme belongs to, or undefined (a plain address, another scheme). */
export function paymentUriFamily(text: string, codecs: PaymentCodecs): PaymentFamily | undefined {
  const scheme = uriScheme(text.trim());
  return scheme !== undefined && Object.hasOwn(codecs, scheme) ? codecs[scheme]?.family : undefined;
}

/** The schemes as the errors name them: "ethereum:, bitcoin: and tron:". */
function schemeList(codecs: PaymentCodecs): string {
  const names = Object.keys(codecs).map((s) => `${s}:`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? 'none');
}

export function parsePaymentUri(text: string, codecs: PaymentCodecs, options: ParsePaymentOptions = {}): PaymentRequest {
  if (typeof text !== 'string' || text.trim() === '') throw new PaymentUriError('EMPTY', 'Nothing to read: the text is empty');
  const scheme = uriScheme(text.trim());
  if (scheme === undefined) throw new PaymentUriError('NOT_A_URI', 'This is not a payment link (it does not start with a scheme such as bitcoin:)');
  const codec = Object.hasOwn(codecs, scheme) ? codecs[scheme] : undefined;
  if (!codec) throw new PaymentUriError('UNSUPPORTED_SCHEME', `"${scheme.slice(0, 32)}:" links are not supported (${schemeList(codecs)} are)`, { scheme: scheme.slice(0, 32) });
  return codec.parse(text, options);
}

export function buildPaymentUri(input: PaymentRequestInput, codecs: PaymentCodecs): string {
  const codec = Object.values(codecs).find((c) => c.family === input.family);
  // A family without a payment-link convention (its popup entry names no `paymentScheme`).
  if (!codec) throw new PaymentUriError('UNSUPPORTED_SCHEME', 'This network has no payment link format', { scheme: String(input.family).slice(0, 32) });
  return codec.build(input);
}
