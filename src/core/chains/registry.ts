/**
 * The chain families' key modules, by family. Adding a family means adding one line here.
 */
import type { Family } from '../types.ts';
import { aptosKeys } from '../../families/aptos/core/index.ts';
import { bitcoinKeys } from '../../families/bitcoin/core/index.ts';
import { eosKeys } from '../../families/eos/core/index.ts';
import { evmKeys } from '../../families/evm/core/index.ts';
import { polkadotKeys } from '../../families/polkadot/core/index.ts';
import { solanaKeys } from '../../families/solana/core/index.ts';
import { tronKeys } from '../../families/tron/core/index.ts';
import type { ChainFamilyKeys } from './types.ts';

export const CHAIN_KEYS = {
  evm: evmKeys,
  bitcoin: bitcoinKeys,
  tron: tronKeys,
  solana: solanaKeys,
  aptos: aptosKeys,
  polkadot: polkadotKeys,
  eos: eosKeys,
} as const satisfies Readonly<Record<Family, ChainFamilyKeys>>;

export { isFamily } from '../../families/ids.ts';
