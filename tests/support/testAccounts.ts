/**
 * Wallet accounts for the tests, derived by the project's own deriver from the public test phrase
 * (anvil's and Hardhat's `test … junk`, funded by every local node), so that each family's tests
 * start from the same keys the wallet would hold.
 */
import { createDeriver } from '../../src/core/index.ts';
import type { DerivedKeypair, Family } from '../../src/core/types.ts';

export const TEST_MNEMONIC = 'test test test test test test test test test test test junk';

/** Account `index` of `family` (address, public and secret key), the deriver wiped afterwards. */
export function testKeypair(family: Family, index: number, mnemonic = TEST_MNEMONIC): DerivedKeypair {
  const d = createDeriver(mnemonic);
  const a = d.account(family, index);
  d.wipe();
  return a;
}
