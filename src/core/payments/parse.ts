/**
 * One entry point for a pasted or scanned payment link: picks the standard by scheme
 * (ethereum: → EIP-681, bitcoin: → BIP-21/321, solana: → Solana Pay, tron: → TRON) and returns
 * the shared typed request, or throws a PaymentUriError with a specific code. The builder
 * dispatches the same way for Receive's QR code.
 */
import { buildBip21, parseBip21 } from '../../families/bitcoin/core/paymentUri.ts';
import { buildEip681, parseEip681 } from '../../families/evm/core/paymentUri.ts';
import { buildSolanaPay, parseSolanaPay } from '../../families/solana/core/paymentUri.ts';
import { buildTronUri, parseTronUri } from '../../families/tron/core/paymentUri.ts';
import { PaymentUriError } from './errors.ts';
import { uriScheme } from './query.ts';
import type { ParsePaymentOptions, PaymentFamily, PaymentRequest, PaymentRequestInput } from './types.ts';
import { PAYMENT_SCHEMES } from './families.ts';

export { PAYMENT_SCHEMES, hasPaymentStandard } from './families.ts';

/** The family a text's payment scheme belongs to, or undefined (a plain address, another scheme). */
export function paymentUriFamily(text: string): PaymentFamily | undefined {
  const scheme = uriScheme(text.trim());
  return scheme === undefined ? undefined : (PAYMENT_SCHEMES as Readonly<Record<string, PaymentFamily>>)[scheme];
}

export function parsePaymentUri(text: string, options: ParsePaymentOptions = {}): PaymentRequest {
  if (typeof text !== 'string' || text.trim() === '') throw new PaymentUriError('EMPTY', 'Nothing to read: the text is empty');
  const scheme = uriScheme(text.trim());
  if (scheme === undefined) throw new PaymentUriError('NOT_A_URI', 'This is not a payment link (it does not start with a scheme such as bitcoin:)');
  switch ((PAYMENT_SCHEMES as Readonly<Record<string, PaymentFamily>>)[scheme]) {
    case 'evm':
      return parseEip681(text, options);
    case 'bitcoin':
      return parseBip21(text, options);
    case 'solana':
      return parseSolanaPay(text);
    case 'tron':
      return parseTronUri(text);
    default:
      throw new PaymentUriError('UNSUPPORTED_SCHEME', `"${scheme.slice(0, 32)}:" links are not supported (ethereum:, bitcoin:, solana: and tron: are)`, { scheme: scheme.slice(0, 32) });
  }
}

export function buildPaymentUri(input: PaymentRequestInput): string {
  switch (input.family) {
    case 'evm':
      return buildEip681(input);
    case 'bitcoin':
      return buildBip21(input);
    case 'solana':
      return buildSolanaPay(input);
    case 'tron':
      return buildTronUri(input);
    default:
      // A family module without a payment-link convention (it joined WALLET_FAMILIES for its screens).
      throw new PaymentUriError('UNSUPPORTED_SCHEME', 'This network has no payment link format', { scheme: String(input.family).slice(0, 32) });
  }
}
