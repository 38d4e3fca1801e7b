/** Which families have a payment-request standard here, by URI scheme (tiny: the popup imports it eagerly). */
import type { WalletFamily } from '../../families/ids.ts';
import type { PaymentFamily } from './types.ts';

// Its values define PaymentFamily (types.ts), so the list of families is written once, here.
export const PAYMENT_SCHEMES = {
  ethereum: 'evm',
  bitcoin: 'bitcoin',
  solana: 'solana',
  tron: 'tron',
} as const satisfies Readonly<Record<string, WalletFamily>>;

/** True for a family whose payment-request standard is built here (the others have none yet). */
export function hasPaymentStandard(family: string): family is PaymentFamily {
  return (Object.values(PAYMENT_SCHEMES) as readonly string[]).includes(family);
}
