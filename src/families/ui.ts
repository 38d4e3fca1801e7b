/**
 * The popup registry: each family's UI parts (send fields, …), loaded when the family's screen first
 * needs them, so a family's UI never weighs on the popup's first paint. null: the generic screens
 * need nothing family-specific (or the family is still wired by hand in src/ui/popup).
 */
import type { Family } from './ids';
import type { FamilyUi } from './types';

export const FAMILY_UI: Readonly<Record<Family, (() => Promise<FamilyUi>) | null>> = {
  evm: () => import('./evm/ui').then((m) => m.default),
  bitcoin: () => import('./bitcoin/ui').then((m) => m.default),
  tron: () => import('./tron/ui').then((m) => m.default),
  solana: () => import('./solana/ui').then((m) => m.default),
  aptos: null,
  polkadot: null,
  eos: () => import('./eos/ui').then((m) => m.default),
};
