/**
 * The page-side registry: each family's provider installer, exported under the family's name, run by
 * the MAIN-world content script at document_start (entrypoints/inpage.content.ts) in FAMILIES' order.
 * Only tiny code may be reached from here (no SDK; tests/unit/layering.test.ts follows the imports).
 * Adding a family = one line: `export { installXProvider as x } from './x/inpage/provider';`, or
 * `export const x = null;` for a family with no dApp provider yet. `InpageRegistry` below refuses a
 * family that has neither.
 */
import type { Family } from './ids';
import type { FamilyInpage } from './types';
import type * as registry from './inpage';

export { installEvmProvider as evm } from './evm/inpage/provider';
export { installBitcoinProvider as bitcoin } from './bitcoin/inpage/provider';
export { installTronProvider as tron } from './tron/inpage/provider';
export { installSolanaProvider as solana } from './solana/inpage/provider';
export { installAptosProvider as aptos } from './aptos/inpage/wallet';
export { installPolkadotProvider as polkadot } from './polkadot/inpage/provider';
export { installScatterProvider as eos } from './eos/inpage/scatter';

/** This module's exports, checked: one installer (or null) per family. */
export type InpageRegistry = Checked<typeof registry>;
type Checked<T extends { readonly [F in Family]: FamilyInpage | null }> = T;
