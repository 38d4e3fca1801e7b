/** Shared helpers for the payment-URI tests. */
import { PaymentUriError } from '../../../src/core/payments/errors.ts';
import { thrownBy } from '../../support/errors.ts';

/** The PaymentUriError thrown by `fn` (fails the test if it returns or throws something else). */
export function errorOf(fn: () => unknown): PaymentUriError {
  return thrownBy(PaymentUriError, fn);
}

export function codeOf(fn: () => unknown): string {
  return errorOf(fn).code;
}

/**
 * The whole parsed request of a native-coin transfer link with a known amount, as every family's parser
 * returns it (no references, no ignored parameters); `extra` adds the link's label, message or memo.
 */
export function nativeTransfer(
  family: string,
  recipient: string,
  amount: { base: bigint; decimal: string; decimals: number },
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const scheme = family === 'evm' ? 'ethereum' : family;
  return { kind: 'transfer', family, scheme, recipient, asset: { type: 'native' }, amount: { known: 'both', ...amount }, references: [], ignoredParams: [], ...extra };
}
