/**
 * The ABIs erc20.ts and nft.ts write out as literals (no parsing at import) equal viem's parseAbi of the
 * human-readable signatures, and give the same selectors as ethers' independent Interface.
 */
import { Interface } from 'ethers';
import { parseAbi, toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import { BYTES32_SYMBOL_ABI, ERC20_EXTRA_ABI, NFT_APPROVAL_ABI, PERMIT2_APPROVE_ABI } from '../../../src/families/evm/core/erc20.ts';
import { NFT_ABI } from '../../../src/families/evm/core/nft.ts';

const CASES: Array<[string, readonly unknown[], string[]]> = [
  ['ERC20_EXTRA_ABI', ERC20_EXTRA_ABI, ['function increaseAllowance(address spender, uint256 addedValue) returns (bool)', 'function increaseApproval(address spender, uint256 addedValue) returns (bool)']],
  ['NFT_APPROVAL_ABI', NFT_APPROVAL_ABI, ['function setApprovalForAll(address operator, bool approved)']],
  ['PERMIT2_APPROVE_ABI', PERMIT2_APPROVE_ABI, ['function approve(address token, address spender, uint160 amount, uint48 expiration)']],
  ['BYTES32_SYMBOL_ABI', BYTES32_SYMBOL_ABI, ['function symbol() view returns (bytes32)']],
  [
    'NFT_ABI',
    NFT_ABI,
    [
      'function ownerOf(uint256 tokenId) view returns (address)',
      'function tokenURI(uint256 tokenId) view returns (string)',
      'function name() view returns (string)',
      'function symbol() view returns (string)',
      'function balanceOf(address account, uint256 id) view returns (uint256)',
      'function uri(uint256 id) view returns (string)',
      'function safeTransferFrom(address from, address to, uint256 tokenId)',
      'function safeTransferFrom(address from, address to, uint256 id, uint256 value, bytes data)',
    ],
  ],
];

describe('ABI literals', () => {
  it.each(CASES)('%s equals parseAbi of its signatures', (_name, literal, signatures) => {
    expect(literal).toEqual(parseAbi(signatures));
  });
  it.each(CASES)('%s has the selectors ethers computes', (_name, literal, signatures) => {
    const iface = new Interface(signatures);
    const ours = (literal as Parameters<typeof toFunctionSelector>[0][]).map((f) => toFunctionSelector(f));
    expect(ours).toEqual(iface.fragments.map((f) => (f as unknown as { selector: string }).selector));
  });
});
