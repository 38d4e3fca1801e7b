/**
 * The page-side registry: each family's provider installer (or null for a family with no dApp
 * provider yet), run by the MAIN-world content script at document_start (entrypoints/inpage.content.ts)
 * in FAMILIES' order. Only tiny code may be reached from here (no SDK; tests/unit/layering.test.ts
 * follows the imports). Adding a family = its import line and its name in INPAGE_PROVIDERS (or
 * `const x = null;` and the name); the `satisfies` below refuses a family that has neither.
 *
 * A plain object, not re-export lines read as a module namespace: the bundler builds a namespace as an
 * object of getters (~0.1 KiB gzipped in a script injected into every page, and eight more functions
 * compiled at every page load: README "Benchmarks").
 */
import type { Family } from './ids';
import type { FamilyInpage } from './types';
import { installEvmProvider as evm } from './evm/inpage/provider';
import { installBitcoinProvider as bitcoin } from './bitcoin/inpage/provider';
import { installTronProvider as tron } from './tron/inpage/provider';
import { installSolanaProvider as solana } from './solana/inpage/provider';
import { installAptosProvider as aptos } from './aptos/inpage/wallet';
import { installPolkadotProvider as polkadot } from './polkadot/inpage/provider';
import { installScatterProvider as eos } from './eos/inpage/scatter';

export const INPAGE_PROVIDERS = { evm, bitcoin, tron, solana, aptos, polkadot, eos } satisfies { readonly [F in Family]: FamilyInpage | null };
