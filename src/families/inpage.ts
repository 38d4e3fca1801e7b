/**
 * The page-side registry: each family's provider installer, run by the MAIN-world content script at
 * document_start (entrypoints/inpage.content.ts). Only tiny code may be reached from here (no SDK;
 * tests/unit/layering.test.ts follows the imports). null: the family has no dApp provider yet.
 */
import type { Family } from './ids';
import type { FamilyInpage } from './types';
import { installEvmProvider } from './evm/inpage/provider';
import { installBitcoinProvider } from './bitcoin/inpage/provider';
import { installTronProvider } from './tron/inpage/provider';
import { installSolanaProvider } from './solana/inpage/provider';
import { installScatterProvider } from './eos/inpage/scatter';
import { installPolkadotProvider } from './polkadot/inpage/provider';
import { installAptosProvider } from './aptos/inpage/wallet';

export const INPAGE_PROVIDERS: Readonly<Record<Family, FamilyInpage | null>> = {
  evm: installEvmProvider,
  bitcoin: installBitcoinProvider,
  tron: installTronProvider,
  solana: installSolanaProvider,
  aptos: installAptosProvider,
  polkadot: installPolkadotProvider,
  eos: installScatterProvider,
};
