/** Shared helpers for the payment-URI tests. */
import { PaymentUriError } from '../../../src/core/payments/errors.ts';

/** The PaymentUriError thrown by `fn` (fails the test if it returns or throws something else). */
export function errorOf(fn: () => unknown): PaymentUriError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PaymentUriError) return e;
    throw e;
  }
  throw new Error('expected a PaymentUriError, but the call succeeded');
}

export function codeOf(fn: () => unknown): string {
  return errorOf(fn).code;
}
