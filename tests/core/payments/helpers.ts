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
