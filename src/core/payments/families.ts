/** Which families have a payment-request standard here, by URI scheme (tiny: the popup imports it eagerly). */
import type { PaymentFamily } from './types.ts';

export const PAYMENT_SCHEMES: Readonly<Record<string, PaymentFamily>> = {
  ethereum: 'evm',
  bitcoin: 'bitcoin',
  solana: 'solana',
  tron: 'tron',
};

/** True for a family whose payment-request standard is built here (the others have none yet). */
export function hasPaymentStandard(family: string): family is PaymentFamily {
  return Object.values(PAYMENT_SCHEMES).includes(family as PaymentFamily);
}
