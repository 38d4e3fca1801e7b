/** Which families have a payment-request standard here, by URI scheme (tiny: the popup imports it eagerly). */
import type { WalletFamily } from '../../families/ids.ts';

/** URI scheme → family; PaymentFamily is derived from it (no second family list). */
const SCHEMES = {
  ethereum: 'evm',
  bitcoin: 'bitcoin',
  solana: 'solana',
  tron: 'tron',
} as const satisfies Readonly<Record<string, WalletFamily>>;

/** The families whose payment-request standards are implemented here. */
export type PaymentFamily = (typeof SCHEMES)[keyof typeof SCHEMES];

export const PAYMENT_SCHEMES: Readonly<Record<string, PaymentFamily>> = SCHEMES;

/** True for a family whose payment-request standard is built here (the others have none yet). */
export function hasPaymentStandard(family: string): family is PaymentFamily {
  return (Object.values(PAYMENT_SCHEMES) as readonly string[]).includes(family);
}
