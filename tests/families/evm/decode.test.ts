import { describe, expect, it } from 'vitest';
import { encodeFunctionData, erc20Abi, maxUint256, parseAbi, type Address, type Hex } from 'viem';
import { classifyAllowance, decodeCalldata, isApprovalCall, SELECTORS } from '../../../src/families/evm/core/decode.ts';
import { ERC20_EXTRA_ABI, NFT_APPROVAL_ABI, PERMIT2_ADDRESS, PERMIT2_APPROVE_ABI } from '../../../src/families/evm/core/erc20.ts';

const TOKEN: Address = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
const SPENDER: Address = '0x1111111254EEB25477B68fb85Ed929f73A960582';
const word = (v: bigint): string => v.toString(16).padStart(64, '0');
const addrWord = (a: string): string => a.slice(2).toLowerCase().padStart(64, '0');

describe('decodeCalldata', () => {
  it('decodes ERC-20 transfer / transferFrom / approve', () => {
    const to: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
    expect(decodeCalldata({ to: TOKEN, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, 42n] }) })).toEqual({ kind: 'erc20_transfer', token: TOKEN, to, amount: 42n, canonical: true });
    expect(decodeCalldata({ to: TOKEN, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transferFrom', args: [SPENDER, to, 7n] }) })).toEqual({ kind: 'erc20_transfer_from', token: TOKEN, from: SPENDER, to, amount: 7n, canonical: true });
    expect(decodeCalldata({ to: TOKEN, data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [SPENDER, 0n] }) })).toEqual({ kind: 'erc20_approve', token: TOKEN, revoke: true, spender: SPENDER, amount: 0n, unlimited: false, canonical: true });
  });

  it('decodes increaseAllowance (0x39509351) and increaseApproval (0xd73dd623) as approvals and flags unlimited', () => {
    const a = decodeCalldata({ to: TOKEN, data: encodeFunctionData({ abi: ERC20_EXTRA_ABI, functionName: 'increaseAllowance', args: [SPENDER, maxUint256] }) });
    expect(a).toEqual({ kind: 'erc20_increase_allowance', method: 'increaseAllowance', token: TOKEN, spender: SPENDER, amount: maxUint256, unlimited: true, unlimitedReason: 'max_value', canonical: true });
    const data = encodeFunctionData({ abi: ERC20_EXTRA_ABI, functionName: 'increaseApproval', args: [SPENDER, 2n ** 255n] });
    expect(data.slice(0, 10)).toBe(SELECTORS.increaseApproval);
    expect(decodeCalldata({ to: TOKEN, data })).toMatchObject({ kind: 'erc20_increase_allowance', method: 'increaseApproval', unlimited: true });
    expect(isApprovalCall(a)).toBe(true);
  });

  it('decodes setApprovalForAll and Permit2 approve', () => {
    const collection: Address = '0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D';
    const on = decodeCalldata({ to: collection, data: encodeFunctionData({ abi: NFT_APPROVAL_ABI, functionName: 'setApprovalForAll', args: [SPENDER, true] }) });
    expect(on).toEqual({ kind: 'set_approval_for_all', collection, operator: SPENDER, approved: true, canonical: true });
    const off = decodeCalldata({ to: collection, data: encodeFunctionData({ abi: NFT_APPROVAL_ABI, functionName: 'setApprovalForAll', args: [SPENDER, false] }) });
    expect(off).toMatchObject({ approved: false, canonical: true });
    const p2 = decodeCalldata({ to: PERMIT2_ADDRESS, data: encodeFunctionData({ abi: PERMIT2_APPROVE_ABI, functionName: 'approve', args: [TOKEN, SPENDER, 2n ** 160n - 1n, 1_900_000_000] }) });
    expect(p2).toEqual({ kind: 'permit2_approve', permit2: PERMIT2_ADDRESS, token: TOKEN, spender: SPENDER, amount: 2n ** 160n - 1n, unlimited: true, unlimitedReason: 'max_value', expiration: 1_900_000_000, canonical: true });
  });

  describe('non-canonical calldata (SlowMist PoCs, R4)', () => {
    it('flags an approve whose amount was truncated, showing the larger value the EVM reads', () => {
      // amount 0x01 with its last 2 bytes cut off: calldata is 66 bytes instead of 68.
      const full = `${SELECTORS.approve}${addrWord(SPENDER)}${word(1n << 16n)}`;
      const short = full.slice(0, -4) as Hex;
      const d = decodeCalldata({ to: TOKEN, data: short });
      expect(d).toMatchObject({ kind: 'erc20_approve', spender: SPENDER, amount: 1n << 16n, canonical: false, nonCanonicalReason: 'short_calldata' });
    });

    it('flags increaseApproval with a truncated amount', () => {
      const data = `${SELECTORS.increaseApproval}${addrWord(SPENDER)}ff` as Hex;
      const d = decodeCalldata({ to: TOKEN, data });
      expect(d).toMatchObject({ kind: 'erc20_increase_allowance', amount: 0xffn << 248n, unlimited: true, canonical: false, nonCanonicalReason: 'short_calldata' });
    });

    it('flags setApprovalForAll with bool = 2 and treats it as approved', () => {
      const data = `${SELECTORS.setApprovalForAll}${addrWord(SPENDER)}${word(2n)}` as Hex;
      expect(decodeCalldata({ to: TOKEN, data })).toEqual({ kind: 'set_approval_for_all', collection: TOKEN, operator: SPENDER, approved: true, canonical: false, nonCanonicalReason: 'invalid_bool' });
    });

    it('flags dirty address padding and trailing bytes', () => {
      const dirty = `${SELECTORS.transfer}ff${addrWord(SPENDER).slice(2)}${word(5n)}` as Hex;
      expect(decodeCalldata({ to: TOKEN, data: dirty })).toMatchObject({ kind: 'erc20_transfer', to: SPENDER, amount: 5n, canonical: false, nonCanonicalReason: 'dirty_padding' });
      const extra = `${SELECTORS.transfer}${addrWord(SPENDER)}${word(5n)}00` as Hex;
      expect(decodeCalldata({ to: TOKEN, data: extra })).toMatchObject({ kind: 'erc20_transfer', canonical: false, nonCanonicalReason: 'extra_bytes' });
    });
  });

  it('decodes contract creation, flagging value and a self-destruct forwarder (R5)', () => {
    const target = '0x000000000000000000000000000000000000dEaD';
    const poc = `0x73${target.slice(2).toLowerCase()}ff` as Hex;
    expect(decodeCalldata({ to: undefined, value: 10n ** 18n, data: poc })).toEqual({ kind: 'contract_creation', value: 10n ** 18n, codeSize: 22, selfDestructForwarder: target });
    expect(decodeCalldata({ to: null, data: '0x6080604052' })).toEqual({ kind: 'contract_creation', value: 0n, codeSize: 5 });
  });

  it('reports plain transfers and unknown calls', () => {
    expect(decodeCalldata({ to: SPENDER, value: 5n })).toEqual({ kind: 'native_transfer', to: SPENDER, value: 5n });
    const unknown = encodeFunctionData({ abi: parseAbi(['function swap(uint256 a)']), functionName: 'swap', args: [1n] });
    expect(decodeCalldata({ to: SPENDER, data: unknown, value: 3n })).toEqual({ kind: 'contract_call', to: SPENDER, selector: unknown.slice(0, 10), value: 3n });
  });
});

describe('classifyAllowance', () => {
  it('recognises the usual "infinite" values and the total-supply threshold', () => {
    expect(classifyAllowance(maxUint256)).toEqual({ unlimited: true, reason: 'max_value' });
    expect(classifyAllowance(2n ** 255n)).toEqual({ unlimited: true, reason: 'max_value' });
    expect(classifyAllowance(2n ** 96n - 1n)).toEqual({ unlimited: true, reason: 'max_value' });
    expect(classifyAllowance(2n ** 160n - 1n, { bits: 160 })).toEqual({ unlimited: true, reason: 'max_value' });
    expect(classifyAllowance(1000n, { totalSupply: 1000n })).toEqual({ unlimited: true, reason: 'exceeds_total_supply' });
    expect(classifyAllowance(999n, { totalSupply: 1000n })).toEqual({ unlimited: false });
    expect(classifyAllowance(10n ** 30n)).toEqual({ unlimited: false });
  });
});
