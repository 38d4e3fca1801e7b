/**
 * The chain families' key modules, by family. Adding a family means adding one line here.
 */
import { FAMILIES, type Family } from '../types.ts';
import { aptosKeys } from './aptos/index.ts';
import { bitcoinKeys } from './bitcoin/index.ts';
import { eosKeys } from './eos/index.ts';
import { evmKeys } from './evm/index.ts';
import { polkadotKeys } from './polkadot/index.ts';
import { solanaKeys } from './solana/index.ts';
import { tronKeys } from './tron/index.ts';
import type { ChainFamilyKeys } from './types.ts';

export const CHAIN_KEYS: Readonly<Record<Family, ChainFamilyKeys>> = {
  evm: evmKeys,
  bitcoin: bitcoinKeys,
  tron: tronKeys,
  solana: solanaKeys,
  aptos: aptosKeys,
  polkadot: polkadotKeys,
  eos: eosKeys,
};

export function isFamily(value: unknown): value is Family {
  return typeof value === 'string' && (FAMILIES as readonly string[]).includes(value);
}
