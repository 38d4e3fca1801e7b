/**
 * Which account an NFT wallet_watchAsset is checked and stored for: the selected account when the
 * site may see it, otherwise the site's first permitted account (never an account the site was
 * not given, so the ownership answer cannot reveal a hidden address). Checksummed for storage.
 */
import { getAddress, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { nftOwner } from '../../src/families/evm/background/watchAsset';

const A = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266' as Address;
const B = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' as Address;
const HIDDEN = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc' as Address;

describe('nftOwner', () => {
  it('uses the selected account when the site may see it, whatever its case', () => {
    expect(nftOwner([A, B], getAddress(B))).toBe(getAddress(B));
  });
  it("falls back to the site's first permitted account when the selected one is not permitted", () => {
    expect(nftOwner([B, A], HIDDEN)).toBe(getAddress(B));
  });
});
