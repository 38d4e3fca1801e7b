/**
 * The core registry's lines: each chain family's pure core object (src/families/<f>/core/family.ts),
 * exported under the family's name. Adding a family = one line here; registry.ts checks that every
 * family has one (and that it is that family's FamilyCore) and is what the rest of the code reads.
 */
export { evmCore as evm } from '../../families/evm/core/family.ts';
export { bitcoinCore as bitcoin } from '../../families/bitcoin/core/family.ts';
export { tronCore as tron } from '../../families/tron/core/family.ts';
export { solanaCore as solana } from '../../families/solana/core/family.ts';
export { aptosCore as aptos } from '../../families/aptos/core/family.ts';
export { polkadotCore as polkadot } from '../../families/polkadot/core/family.ts';
export { eosCore as eos } from '../../families/eos/core/family.ts';
