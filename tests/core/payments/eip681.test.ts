/**
 * EIP-681 parsing and building: the EIP's own examples, the adversarial inputs the issue lists
 * (scientific notation exact, overflow, negative, double "?", wrong and unknown chain ids, ENS),
 * and eth-url-parser (the parser MetaMask used) as an independent cross-check.
 */
import { describe, expect, it } from 'vitest';
import { parse as ethUrlParse, build as ethUrlBuild } from 'eth-url-parser';
import { buildEip681, parseEip681 } from '../../../src/families/evm/core/paymentUri.ts';
import { UINT256_MAX } from '../../../src/core/payments/amount.ts';
import { codeOf, errorOf, nativeTransfer } from './helpers.ts';

const SPEC_NATIVE_LOWER = '0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359';
const SPEC_NATIVE_CHECKSUMMED = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const SPEC_TOKEN = '0x89205A3A3b2A69De6Dbf7f01ED13B2108B2c43e7';
const SPEC_RECIPIENT = '0x8e23Ee67d1332aD560396262C48ffbB01F93D052';

describe('EIP-681 examples from the EIP', () => {
  it('value=2.014e18 is exactly 2014000000000000000 wei (2.014 ETH), no floating point', () => {
    const r = parseEip681(`ethereum:${SPEC_NATIVE_LOWER}?value=2.014e18`);
    expect(r).toEqual(nativeTransfer('evm', SPEC_NATIVE_CHECKSUMMED, { base: 2014000000000000000n, decimal: '2.014', decimals: 18 }));
  });

  it("the EIP's literal example address has a wrong EIP-55 mixed case and is refused like any mistyped address", () => {
    // The EIP writes 0xfb6916095ca1df60bb79Ce92ce3ea74c37c5d359: mixed case that is not the
    // checksum (0xfB6916…). The wallet refuses mixed-case addresses whose checksum fails everywhere.
    const e = errorOf(() => parseEip681('ethereum:0xfb6916095ca1df60bb79Ce92ce3ea74c37c5d359?value=2.014e18'));
    expect(e.code).toBe('INVALID_CHECKSUM');
    expect(e.message).toMatch(/EIP-55/);
  });

  it('the ERC-20 transfer example: token contract, recipient, 1 base unit', () => {
    const r = parseEip681('ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7/transfer?address=0x8e23ee67d1332ad560396262c48ffbb01f93d052&uint256=1');
    expect(r.kind).toBe('transfer');
    expect(r.recipient).toBe(SPEC_RECIPIENT);
    expect(r.asset).toEqual({ type: 'token', address: SPEC_TOKEN });
    expect(r.amount).toEqual({ known: 'base', base: 1n });
    expect(r.network).toBeUndefined();
  });

  it('pay- prefix, @chainId and gas parameters', () => {
    const r = parseEip681(`ethereum:pay-${SPEC_NATIVE_CHECKSUMMED}@1?value=1e18&gas=21000&gasPrice=2.5e9`);
    expect(r.network).toBe('evm:1');
    expect(r.amount).toEqual({ known: 'both', base: 10n ** 18n, decimal: '1', decimals: 18 });
    expect(r.gasLimit).toBe(21000n);
    expect(r.gasPrice).toBe(2_500_000_000n);
  });

  it('ERC-20 on a named chain with a scientific-notation amount (USDC-style 6 decimals)', () => {
    const r = parseEip681(`ethereum:${SPEC_TOKEN}@137/transfer?address=${SPEC_RECIPIENT}&uint256=2.5e6`);
    expect(r.network).toBe('evm:137');
    expect(r.amount).toEqual({ known: 'base', base: 2_500_000n });
  });

  it('the scheme is case-insensitive; address case is normalised to EIP-55', () => {
    const r = parseEip681(`ETHEREUM:${SPEC_NATIVE_LOWER.toUpperCase().replace('0X', '0x')}?value=1`);
    expect(r.recipient).toBe(SPEC_NATIVE_CHECKSUMMED);
  });

  it('a request without value leaves the amount to the payer; unknown parameters are listed, not used', () => {
    const r = parseEip681(`ethereum:${SPEC_NATIVE_CHECKSUMMED}?foo=bar`);
    expect(r.amount).toBeUndefined();
    expect(r.ignoredParams).toEqual(['foo']);
  });
});

describe('EIP-681 chain ids', () => {
  it('the local devnet 31337 is known', () => {
    expect(parseEip681(`ethereum:${SPEC_NATIVE_CHECKSUMMED}@31337?value=1`).network).toBe('evm:31337');
  });

  it('an unknown chain id is UNKNOWN_CHAIN and carries the id for "add this network"', () => {
    const e = errorOf(() => parseEip681(`ethereum:${SPEC_NATIVE_CHECKSUMMED}@424242?value=1`));
    expect(e.code).toBe('UNKNOWN_CHAIN');
    expect(e.details.chainId).toBe(424242);
  });

  it('a user-added network makes the chain id known', () => {
    expect(parseEip681(`ethereum:${SPEC_NATIVE_CHECKSUMMED}@424242?value=1`, { evmNetworks: [{ chainId: 424242 }] }).network).toBe('evm:424242');
  });

  it.each(['0x1', '', 'one', '01', '0', '1.5', '99999999999999999999'])('"@%s" is INVALID_CHAIN_ID', (id) => {
    expect(codeOf(() => parseEip681(`ethereum:${SPEC_NATIVE_CHECKSUMMED}@${id}?value=1`))).toBe('INVALID_CHAIN_ID');
  });
});

describe('EIP-681 adversarial inputs', () => {
  const to = `ethereum:${SPEC_NATIVE_CHECKSUMMED}`;
  it.each([
    [`${to}?value=-1`, 'NEGATIVE_AMOUNT'],
    [`${to}?value=1.5`, 'TOO_MANY_DECIMALS'],
    [`${to}?value=1.23e1`, 'TOO_MANY_DECIMALS'],
    [`${to}?value=${(UINT256_MAX + 1n).toString()}`, 'AMOUNT_OVERFLOW'],
    [`${to}?value=1e78`, 'AMOUNT_OVERFLOW'],
    [`${to}?value=1e999999999999`, 'AMOUNT_OVERFLOW'],
    [`${to}?value=0x10`, 'INVALID_AMOUNT'],
    [`${to}?value=1e-3`, 'INVALID_AMOUNT'],
    [`${to}?value=`, 'INVALID_AMOUNT'],
    [`${to}?value=0`, 'ZERO_AMOUNT'],
    [`${to}?value=1?gas=21000`, 'MULTIPLE_QUERY_MARKERS'],
    [`${to}?value=1&value=2`, 'DUPLICATE_PARAMETER'],
    [`${to}?gas=21000&gasLimit=30000`, 'DUPLICATE_PARAMETER'],
    [`${to}?gas=0`, 'INVALID_PARAMETER'],
    [`${to}?gas=1e20`, 'AMOUNT_OVERFLOW'],
    [`${to}?value=1#frag`, 'MALFORMED_URI'],
    [`${to}?value=%E0%A4%A`, 'INVALID_ENCODING'],
    ['ethereum:vitalik.eth?value=1e18', 'ENS_NOT_SUPPORTED'],
    [`ethereum:${SPEC_TOKEN}/transfer?address=alice.eth&uint256=1`, 'ENS_NOT_SUPPORTED'],
    ['ethereum:0x1234?value=1', 'INVALID_ADDRESS'],
    ['ethereum:?value=1', 'MISSING_RECIPIENT'],
    [`ethereum:foo-${SPEC_NATIVE_CHECKSUMMED}`, 'MALFORMED_URI'],
    [`ethereum:${SPEC_TOKEN}/approve?address=${SPEC_RECIPIENT}&uint256=1`, 'UNSUPPORTED_FUNCTION'],
    [`ethereum:${SPEC_TOKEN}/transfer?uint256=1`, 'MISSING_PARAMETER'],
    [`ethereum:${SPEC_TOKEN}/transfer?address=${SPEC_RECIPIENT}&uint256=1&value=5`, 'INVALID_PARAMETER'],
    [`ethereum:${SPEC_TOKEN}/transfer?address=${SPEC_RECIPIENT}&uint256=0`, 'ZERO_AMOUNT'],
    [`ethereum:${SPEC_TOKEN}/`, 'MALFORMED_URI'],
    [`ethereum:${SPEC_TOKEN}%2Ftransfer?address=${SPEC_RECIPIENT}&uint256=1`, 'INVALID_ADDRESS'],
    [`ethereum:${SPEC_NATIVE_CHECKSUMMED}%401?value=1`, 'INVALID_ADDRESS'],
    [`bitcoin:${SPEC_NATIVE_CHECKSUMMED}`, 'UNSUPPORTED_SCHEME'],
    [`ethereum:${SPEC_NATIVE_CHECKSUMMED}?value=1 `.replace(' ', '%20 x'), 'MALFORMED_URI'],
  ])('%s → %s', (uri, code) => {
    expect(codeOf(() => parseEip681(uri))).toBe(code);
  });

  it('uint256 at exactly 2^256-1 is accepted; the exponent form is computed exactly', () => {
    expect(parseEip681(`ethereum:${SPEC_TOKEN}/transfer?address=${SPEC_RECIPIENT}&uint256=${UINT256_MAX}`).amount).toEqual({ known: 'base', base: UINT256_MAX });
    expect(parseEip681(`ethereum:${SPEC_NATIVE_CHECKSUMMED}?value=1.15792089237316195423570985008687907853269984665640564039457584007913129639935e77`).amount).toMatchObject({ base: UINT256_MAX });
  });
});

describe('EIP-681 cross-checked with eth-url-parser', () => {
  const uris = [
    `ethereum:${SPEC_NATIVE_LOWER}?value=2.014e18`,
    `ethereum:pay-${SPEC_NATIVE_CHECKSUMMED}@1?value=1e18&gas=21000`,
    `ethereum:${SPEC_TOKEN}@56/transfer?address=${SPEC_RECIPIENT}&uint256=1e6`,
    `ethereum:${SPEC_NATIVE_CHECKSUMMED}@10?value=123456789012345678901`,
    `ethereum:${SPEC_TOKEN}/transfer?address=${SPEC_RECIPIENT}&uint256=3.5e20`,
  ];
  it.each(uris)('%s', (uri) => {
    const ours = parseEip681(uri);
    const theirs = ethUrlParse(uri);
    expect(ours.network).toBe(theirs.chain_id === undefined ? undefined : `evm:${theirs.chain_id}`);
    if (theirs.function_name === 'transfer') {
      expect(ours.asset).toEqual({ type: 'token', address: theirs.target_address.toLowerCase() === SPEC_TOKEN.toLowerCase() ? SPEC_TOKEN : 'mismatch' });
      expect(ours.recipient.toLowerCase()).toBe(theirs.parameters?.address?.toLowerCase());
      expect(ours.amount).toEqual({ known: 'base', base: BigInt(theirs.parameters?.uint256 ?? 'x') });
    } else {
      expect(ours.recipient.toLowerCase()).toBe(theirs.target_address.toLowerCase());
      expect(ours.amount).toMatchObject({ base: BigInt(theirs.parameters?.value ?? 'x') });
      if (theirs.parameters?.gas !== undefined) expect(ours.gasLimit).toBe(BigInt(theirs.parameters.gas));
    }
  });
});

describe('EIP-681 builder', () => {
  it('native with a chain id round-trips and eth-url-parser reads the same', () => {
    const uri = buildEip681({ family: 'evm', network: 'evm:8453', recipient: SPEC_NATIVE_LOWER, amount: { known: 'base', base: 1_500_000_000_000_000_000n } });
    expect(uri).toBe(`ethereum:${SPEC_NATIVE_CHECKSUMMED}@8453?value=1500000000000000000`);
    const back = parseEip681(uri);
    expect(back).toMatchObject({ network: 'evm:8453', recipient: SPEC_NATIVE_CHECKSUMMED, asset: { type: 'native' }, amount: { base: 1_500_000_000_000_000_000n, decimal: '1.5' } });
    expect(ethUrlParse(uri)).toMatchObject({ target_address: SPEC_NATIVE_CHECKSUMMED, chain_id: '8453', parameters: { value: '1500000000000000000' } });
  });

  it('a decimal amount in ether is converted exactly', () => {
    const uri = buildEip681({ family: 'evm', recipient: SPEC_NATIVE_CHECKSUMMED, amount: { known: 'decimal', decimal: '0.000000000000000001' } });
    expect(uri).toBe(`ethereum:${SPEC_NATIVE_CHECKSUMMED}?value=1`);
  });

  it('ERC-20 round-trips; eth-url-parser builds an equivalent link', () => {
    const uri = buildEip681({ family: 'evm', network: 'evm:1', recipient: SPEC_RECIPIENT, asset: { type: 'token', address: SPEC_TOKEN }, amount: { known: 'base', base: 25_000_000n } });
    expect(uri).toBe(`ethereum:${SPEC_TOKEN}@1/transfer?address=${SPEC_RECIPIENT}&uint256=25000000`);
    expect(parseEip681(uri)).toMatchObject({ recipient: SPEC_RECIPIENT, asset: { type: 'token', address: SPEC_TOKEN }, amount: { known: 'base', base: 25_000_000n } });
    const theirs = ethUrlBuild({ scheme: 'ethereum', target_address: SPEC_TOKEN, chain_id: '1', function_name: 'transfer', parameters: { address: SPEC_RECIPIENT, uint256: '25000000' } });
    expect(parseEip681(theirs)).toEqual(parseEip681(uri));
  });

  it('refuses what EIP-681 cannot carry or what is not a valid request', () => {
    expect(codeOf(() => buildEip681({ family: 'evm', recipient: SPEC_RECIPIENT, label: 'Shop' }))).toBe('FIELD_NOT_SUPPORTED');
    expect(codeOf(() => buildEip681({ family: 'evm', recipient: SPEC_RECIPIENT, asset: { type: 'token', address: SPEC_TOKEN }, amount: { known: 'decimal', decimal: '1' } }))).toBe('FIELD_NOT_SUPPORTED');
    expect(codeOf(() => buildEip681({ family: 'evm', recipient: 'vitalik.eth' }))).toBe('ENS_NOT_SUPPORTED');
    expect(codeOf(() => buildEip681({ family: 'evm', network: 'bitcoin:mainnet', recipient: SPEC_RECIPIENT }))).toBe('INVALID_CHAIN_ID');
    expect(codeOf(() => buildEip681({ family: 'evm', recipient: SPEC_RECIPIENT, amount: { known: 'base', base: 0n } }))).toBe('ZERO_AMOUNT');
  });
});
