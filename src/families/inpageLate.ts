/**
 * The page-side registry's second half: each family's real provider code, run by the MAIN-world
 * script at document_idle (entrypoints/inpage-late.content.ts) and handed to the stand-ins its
 * document_start half announced (src/families/inpage.ts; how the two meet: src/inpage/late.ts).
 * A family with nothing to hand over (EVM, whose provider is small enough to be whole at
 * document_start) is null. Same rules as inpage.ts: tiny code only (tests/unit/layering.test.ts).
 */
import type { Family } from './ids';
import { solanaLate as solana } from './solana/inpage/late';
import { aptosLate as aptos } from './aptos/inpage/late';
import { bitcoinLate as bitcoin } from './bitcoin/inpage/late';
import { tronLate as tron } from './tron/inpage/late';
import { polkadotLate as polkadot } from './polkadot/inpage/late';
import { eosLate as eos } from './eos/inpage/late';

const evm = null;

export const LATE_PARTS = { evm, bitcoin, tron, solana, aptos, polkadot, eos } satisfies { readonly [F in Family]: object | null };
export type LateParts = typeof LATE_PARTS;
