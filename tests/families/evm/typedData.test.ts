import { describe, expect, it } from 'vitest';
import { maxUint256, verifyTypedData, type Address, type Hex, type TypedDataDefinition } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { verifyTypedData as ethersVerifyTypedData, TypedDataEncoder } from 'ethers';
import { PERMIT2_ADDRESS } from '../../../src/families/evm/core/erc20.ts';
import { ProviderRpcError } from '../../../src/families/evm/core/errors.ts';
import { parseSignTypedDataParams, signTypedDataV4, validateTypedData, type ValidatedTypedData } from '../../../src/families/evm/core/typedData.ts';
import { COW_KEY, eip712Fields, MAIL, MAIL_DIGEST, MAIL_SIGNATURE, PERMIT_TYPES } from '../../support/eip712Mail.ts';
import { thrownBy } from '../../support/errors.ts';

// The EIP-712 specification's example ("Mail"), with its published key, digest and signature.

const refusal = (fn: () => unknown): ProviderRpcError => thrownBy(ProviderRpcError, fn);

function viemDef(td: ValidatedTypedData): TypedDataDefinition {
  return { types: td.types, primaryType: td.primaryType, domain: td.domain, message: td.message } as unknown as TypedDataDefinition;
}

function ethersTypes(td: ValidatedTypedData): Record<string, { name: string; type: string }[]> {
  const { EIP712Domain: _omit, ...rest } = td.types;
  return rest;
}

describe('EIP-712 "Mail" vector', () => {
  it('reproduces the spec digest and signature, and both viem and ethers verify it', async () => {
    expect(privateKeyToAddress(COW_KEY)).toBe('0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826');
    // viem and ethers send a JSON string
    const td = validateTypedData(JSON.stringify(MAIL), { activeChainId: 1 });
    expect(td.hash).toBe(MAIL_DIGEST);
    expect(td.domain).toEqual({ name: 'Ether Mail', version: '1', chainId: 1, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' });
    expect(td.permits).toEqual([]);
    const sig = await signTypedDataV4(td, COW_KEY);
    expect(sig).toBe(MAIL_SIGNATURE);
    expect(await verifyTypedData({ address: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826', signature: sig, ...viemDef(td) })).toBe(true);
    expect(ethersVerifyTypedData(td.domain, ethersTypes(td), td.message, sig)).toBe('0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826');
    expect(TypedDataEncoder.hash(td.domain, ethersTypes(td), td.message)).toBe(MAIL_DIGEST);
  });

  it('accepts the object form and [address, typedData] params; chainId as hex or decimal string', () => {
    const { address, typedData } = parseSignTypedDataParams(['0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826', { ...MAIL, domain: { ...MAIL.domain, chainId: '0x1' } }], { activeChainId: 1 });
    expect(address).toBe('0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826');
    expect(typedData.hash).toBe(MAIL_DIGEST);
    expect(validateTypedData({ ...MAIL, domain: { ...MAIL.domain, chainId: '1' } }, { activeChainId: 1 }).hash).toBe(MAIL_DIGEST);
  });
});

describe('typed data validation', () => {
  it('refuses a domain chainId that differs from the active chain (R10)', () => {
    const e = refusal(() => validateTypedData(JSON.stringify(MAIL), { activeChainId: 31337 }));
    expect(e.code).toBe(-32602);
    expect(e.message).toBe('Invalid params: Provided chainId "1" must match the active chainId "31337"');
    expect(e.data).toEqual({ domainChainId: 1, activeChainId: 31337 });
  });

  it('signs only declared fields: extra message keys are dropped from what is shown and signed', async () => {
    const withExtra = { ...MAIL, message: { ...MAIL.message, hidden: 'not signed', from: { ...MAIL.message.from, note: 'x' } } };
    const td = validateTypedData(withExtra, { activeChainId: 1 });
    expect(td.message).toEqual(MAIL.message);
    expect(td.hash).toBe(MAIL_DIGEST);
  });

  it.each([
    ['not json', '{nope', /not valid JSON/],
    ['no primaryType', { ...MAIL, primaryType: undefined }, /primaryType/],
    ['unknown primaryType', { ...MAIL, primaryType: 'Letter' }, /primaryType/],
    ['undefined field type', { ...MAIL, types: { ...MAIL.types, Mail: [{ name: 'from', type: 'Human' }] } }, /type "Human" is not defined/],
    ['duplicate field', { ...MAIL, types: { ...MAIL.types, Person: [{ name: 'name', type: 'string' }, { name: 'name', type: 'string' }] } }, /twice/],
    ['bad uint size', { ...MAIL, types: { ...MAIL.types, Person: [{ name: 'name', type: 'uint7' }] } }, /not defined/],
    ['missing message field', { ...MAIL, message: { from: MAIL.message.from, to: MAIL.message.to } }, /message.contents is missing/],
    ['bad address', { ...MAIL, message: { ...MAIL.message, to: { name: 'Bob', wallet: '0x123' } } }, /message.to.wallet is not a valid address/],
    ['domain field not declared', { ...MAIL, domain: { ...MAIL.domain, salt: `0x${'00'.repeat(32)}` } }, /not declared in types.EIP712Domain/],
    ['unknown domain field', { ...MAIL, domain: { ...MAIL.domain, evil: 1 } }, /not an EIP-712 domain field/],
    ['bad verifyingContract', { ...MAIL, domain: { ...MAIL.domain, verifyingContract: '0xnothex' } }, /verifyingContract/],
    ['unsafe JSON number', { ...MAIL, types: { ...MAIL.types, Mail: [...MAIL.types.Mail, { name: 'n', type: 'uint256' }] }, message: { ...MAIL.message, n: 1e30 } }, /safe integer/],
    ['negative uint', { ...MAIL, types: { ...MAIL.types, Mail: [...MAIL.types.Mail, { name: 'n', type: 'uint256' }] }, message: { ...MAIL.message, n: -1 } }, /cannot be encoded/],
  ])('refuses %s with -32602', (_name, payload, message) => {
    const e = refusal(() => validateTypedData(payload, { activeChainId: 1 }));
    expect(e.code).toBe(-32602);
    expect(e.message).toMatch(message);
  });

  it('stops a 4000-level nested payload and an oversized one without crashing', () => {
    const types: Record<string, { name: string; type: string }[]> = { Node: [{ name: 'child', type: 'Node[]' }] };
    let msg: Record<string, unknown> = { child: [] };
    for (let i = 0; i < 4000; i++) msg = { child: [msg] };
    // As an object it is too deep even to measure; as JSON text it parses and the walk stops it.
    expect(refusal(() => validateTypedData({ types, primaryType: 'Node', domain: {}, message: msg }, { activeChainId: 1 })).code).toBe(-32602);
    const text = `{"types":${JSON.stringify(types)},"primaryType":"Node","domain":{},"message":${'{"child":['.repeat(4000)}{"child":[]}${']}'.repeat(4000)}}`;
    expect(refusal(() => validateTypedData(text, { activeChainId: 1 })).message).toMatch(/nested deeper than 32/);
    const huge = JSON.stringify({ ...MAIL, message: { ...MAIL.message, contents: 'a'.repeat(300_000) } });
    expect(refusal(() => validateTypedData(huge, { activeChainId: 1 })).message).toMatch(/larger than/);
  });
});

describe('permits decoded as approvals (R1)', () => {
  const owner: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
  const spender: Address = '0x1111111254EEB25477B68fb85Ed929f73A960582';
  const usdc: Address = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
  const now = 1_700_000_000;

  it('ERC-2612 Permit with max value and a far deadline', () => {
    const td = validateTypedData(
      {
        types: PERMIT_TYPES,
        primaryType: 'Permit',
        domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
        message: { owner, spender, value: maxUint256.toString(), nonce: 0, deadline: maxUint256.toString() },
      },
      { activeChainId: 1, nowSeconds: now },
    );
    expect(td.permits).toEqual([
      { standard: 'erc2612', token: usdc, spender, amount: maxUint256, unlimited: true, unlimitedReason: 'max_value', signatureDeadline: Number.POSITIVE_INFINITY, noExpiry: true, longExpiry: true },
    ]);
  });

  it('ERC-2612 Permit with a bounded amount and a near deadline', () => {
    const td = validateTypedData(
      {
        types: { Permit: PERMIT_TYPES.Permit },
        primaryType: 'Permit',
        domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
        message: { owner, spender, value: '1000000', nonce: 0, deadline: now + 3600 },
      },
      { activeChainId: 1, nowSeconds: now },
    );
    expect(td.permits).toEqual([{ standard: 'erc2612', token: usdc, spender, amount: 1_000_000n, unlimited: false, signatureDeadline: now + 3600, noExpiry: false, longExpiry: false }]);
  });

  it('DAI permit with allowed = true and expiry 0 is unlimited and never expires', () => {
    const dai: Address = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
    const td = validateTypedData(
      {
        types: { Permit: eip712Fields('address holder,address spender,uint256 nonce,uint256 expiry,bool allowed') },
        primaryType: 'Permit',
        domain: { name: 'Dai Stablecoin', version: '1', chainId: 1, verifyingContract: dai },
        message: { holder: owner, spender, nonce: 0, expiry: 0, allowed: true },
      },
      { activeChainId: 1, nowSeconds: now },
    );
    expect(td.permits).toEqual([
      { standard: 'dai', token: dai, spender, amount: maxUint256, unlimited: true, unlimitedReason: 'max_value', signatureDeadline: 0, allowanceExpiration: 0, noExpiry: true, longExpiry: true },
    ]);
  });

  const permit2Types = {
    PermitDetails: eip712Fields('address token,uint160 amount,uint48 expiration,uint48 nonce'),
    PermitSingle: eip712Fields('PermitDetails details,address spender,uint256 sigDeadline'),
    PermitBatch: eip712Fields('PermitDetails[] details,address spender,uint256 sigDeadline'),
  };

  it('Permit2 PermitSingle with max uint160 and a multi-year expiration', () => {
    const td = validateTypedData(
      {
        types: permit2Types,
        primaryType: 'PermitSingle',
        domain: { name: 'Permit2', chainId: 1, verifyingContract: PERMIT2_ADDRESS },
        message: { details: { token: usdc, amount: (2n ** 160n - 1n).toString(), expiration: now + 5 * 365 * 86400, nonce: 0 }, spender, sigDeadline: now + 1800 },
      },
      { activeChainId: 1, nowSeconds: now },
    );
    expect(td.permits).toEqual([
      {
        standard: 'permit2_single',
        token: usdc,
        spender,
        amount: 2n ** 160n - 1n,
        unlimited: true,
        unlimitedReason: 'max_value',
        signatureDeadline: now + 1800,
        allowanceExpiration: now + 5 * 365 * 86400,
        noExpiry: false,
        longExpiry: true,
      },
    ]);
  });

  it('Permit2 PermitBatch yields one approval per token', () => {
    const weth: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
    const td = validateTypedData(
      {
        types: permit2Types,
        primaryType: 'PermitBatch',
        domain: { name: 'Permit2', chainId: 1, verifyingContract: PERMIT2_ADDRESS },
        message: {
          details: [
            { token: usdc, amount: '5', expiration: now + 60, nonce: 0 },
            { token: weth, amount: '7', expiration: 2 ** 48 - 1, nonce: 0 },
          ],
          spender,
          sigDeadline: now + 60,
        },
      },
      { activeChainId: 1, nowSeconds: now },
    );
    expect(td.permits.map((p) => [p.standard, p.token, p.amount, p.unlimited, p.noExpiry])).toEqual([
      ['permit2_batch', usdc, 5n, false, false],
      ['permit2_batch', weth, 7n, false, true],
    ]);
  });

  it('signs a permit and both viem and ethers recover the signer', async () => {
    const key: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
    const signer = privateKeyToAddress(key);
    const { PermitBatch: _unused, ...singleTypes } = permit2Types;
    const td = validateTypedData(
      {
        types: singleTypes,
        primaryType: 'PermitSingle',
        domain: { name: 'Permit2', chainId: 31337, verifyingContract: PERMIT2_ADDRESS },
        message: { details: { token: usdc, amount: '1000', expiration: now + 60, nonce: 3 }, spender, sigDeadline: now + 60 },
      },
      { activeChainId: 31337, nowSeconds: now },
    );
    const sig = await signTypedDataV4(td, key);
    expect(await verifyTypedData({ address: signer, signature: sig, ...viemDef(td) })).toBe(true);
    expect(ethersVerifyTypedData(td.domain, ethersTypes(td), td.message, sig)).toBe(signer);
  });
});
