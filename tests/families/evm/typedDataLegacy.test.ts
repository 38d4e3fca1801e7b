/**
 * Legacy typed data (eth_signTypedData v1, eth_signTypedData_v3), v4 with a mis-checksummed
 * address, and personal_ecRecover: published vectors (the EIP-712 "Mail" example; the signatures
 * in @metamask/eth-sig-util's own test suite), every result cross-checked against
 * @metamask/eth-sig-util, the independent implementation MetaMask signs with.
 */
import { describe, expect, it } from 'vitest';
import { stringToHex, type Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { getAddress as ethersGetAddress } from 'ethers';
import { personalSign, recoverPersonalSignature, recoverTypedSignature, signTypedData, SignTypedDataVersion, TypedDataUtils, typedSignatureHash } from '@metamask/eth-sig-util';
import { ProviderRpcError } from '../../../src/families/evm/core/errors.ts';
import { parseSignTypedDataParams, signTypedDataV4 } from '../../../src/families/evm/core/typedData.ts';
import { parseSignTypedDataV1Params, parseSignTypedDataV3Params, signTypedDataV1, validateTypedDataV1 } from '../../../src/families/evm/core/typedDataLegacy.ts';
import { parseEcRecover, personalEcRecover } from '../../../src/families/evm/core/ecRecover.ts';
import { signPersonalMessage } from '../../../src/families/evm/core/personalSign.ts';
import { COW_KEY, MAIL, MAIL_DIGEST, MAIL_SIGNATURE, PERMIT_TYPES } from '../../support/eip712Mail.ts';
import { thrownBy } from '../../support/errors.ts';

// eth-sig-util's test key and its published signatures.
const SIG_UTIL_KEY: Hex = '0x4af1bceebf7f3634ec3cff8a2c38e51178d5d4ce585c52d6043e5e2cc3418bb0';
const SIG_UTIL_ADDRESS = privateKeyToAddress(SIG_UTIL_KEY);
const V1_HI_ALICE = [{ name: 'message', type: 'string', value: 'Hi, Alice!' }];
const V1_HI_ALICE_SIG = '0x49e75d475d767de7fcc67f521e0d86590723d872e6111e51c393e8c1e2f21d032dfaf5833af158915f035db6af4f37bf2d5d29781cd81f28a44c5cb4b9d241531b';
const V3_TEST = { types: { EIP712Domain: [], Message: [{ name: 'data', type: 'string' }] }, primaryType: 'Message', domain: {}, message: { data: 'test' } };
const V3_TEST_SIG = '0xf6cda8eaf5137e8cc15d48d03a002b0512446e2a7acbc576c01cfbe40ad9345663ccda8884520d98dece9a8bfe38102851bdae7f69b3d8612b9808e6337801601b';

// The EIP-712 specification's example with its published digest and signature (key: keccak256("cow")).

const keyBuf = (k: Hex): Buffer => Buffer.from(k.slice(2), 'hex');

const refusal = (fn: () => unknown): ProviderRpcError => thrownBy(ProviderRpcError, fn);

describe('eth_signTypedData (v1, array form)', () => {
  it("reproduces eth-sig-util's published v1 signature", async () => {
    const { address, typedData } = parseSignTypedDataV1Params([V1_HI_ALICE, SIG_UTIL_ADDRESS]);
    expect(address).toBe(SIG_UTIL_ADDRESS);
    expect(typedData.hash).toBe(typedSignatureHash(V1_HI_ALICE));
    expect(await signTypedDataV1(typedData, SIG_UTIL_KEY)).toBe(V1_HI_ALICE_SIG);
  });

  // Every scalar type the wallet accepts, in the value forms dApps send.
  const cases: Array<[string, Array<{ type: string; name: string; value: unknown }>]> = [
    ['MetaMask test dApp message', [{ type: 'string', name: 'Message', value: 'Hi, Alice!' }, { type: 'uint32', name: 'A number', value: '1337' }]],
    ['unsized uint and int', [{ type: 'uint', name: 'u', value: 42 }, { type: 'int', name: 'i', value: -42 }]],
    ['negative small int', [{ type: 'int8', name: 'i', value: '-128' }, { type: 'int64', name: 'j', value: -1 }]],
    ['hex quantities', [{ type: 'uint256', name: 'u', value: '0xff' }, { type: 'uint8', name: 'v', value: 255 }]],
    ['bool forms', [{ type: 'bool', name: 'a', value: true }, { type: 'bool', name: 'b', value: false }]],
    ['address (any case)', [{ type: 'address', name: 'to', value: '0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' }, { type: 'address', name: 'from', value: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' }]],
    ['bytes as hex and as text', [{ type: 'bytes', name: 'raw', value: '0xdeadbeef' }, { type: 'bytes', name: 'text', value: 'hello' }]],
    ['bytesN', [{ type: 'bytes32', name: 'h', value: `0x${'ab'.repeat(32)}` }, { type: 'bytes4', name: 's', value: '0x12345678' }, { type: 'bytes1', name: 'b', value: '0x10' }]],
    ['unicode string', [{ type: 'string', name: 'note', value: '你好, 世界 😁' }]],
  ];
  it.each(cases)('%s: same digest and signature as eth-sig-util', async (_name, data) => {
    const { typedData } = parseSignTypedDataV1Params([data, SIG_UTIL_ADDRESS]);
    expect(typedData.hash).toBe(typedSignatureHash(data as never));
    const sig = await signTypedDataV1(typedData, SIG_UTIL_KEY);
    expect(sig).toBe(signTypedData({ privateKey: keyBuf(SIG_UTIL_KEY), data: data as never, version: SignTypedDataVersion.V1 }));
    expect(recoverTypedSignature({ data: data as never, signature: sig, version: SignTypedDataVersion.V1 })).toBe(SIG_UTIL_ADDRESS.toLowerCase());
  });

  // eth-sig-util 9 reads the strings "true"/"false" as booleans; 8 (the version that installs on Node 20)
  // coerced any non-empty string to true. The wallet follows 9: the string "false" signs as boolean false.
  it('reads the string "false" as boolean false (eth-sig-util 9 behaviour)', () => {
    const asString = [{ type: 'bool', name: 'b', value: 'false' }];
    const asBool = [{ type: 'bool', name: 'b', value: false }];
    expect(parseSignTypedDataV1Params([asString, SIG_UTIL_ADDRESS]).typedData.hash).toBe(typedSignatureHash(asBool as never));
    expect(parseSignTypedDataV1Params([asString, SIG_UTIL_ADDRESS]).typedData.hash).not.toBe(typedSignatureHash([{ type: 'bool', name: 'b', value: true }] as never));
  });

  it('refuses two fields of one name (the approval would show one while both are signed)', () => {
    const twice = [
      { type: 'uint256', name: 'amount', value: '1' },
      { type: 'uint256', name: 'amount', value: '1000000' },
    ];
    expect(() => parseSignTypedDataV1Params([twice, SIG_UTIL_ADDRESS])).toThrow(/"amount" appears twice/);
  });

  it('accepts the payload as a JSON string', () => {
    expect(validateTypedDataV1(JSON.stringify(V1_HI_ALICE)).hash).toBe(typedSignatureHash(V1_HI_ALICE));
  });

  it.each([
    ['empty array', [], /non-empty array/],
    ['not an array', { type: 'string', name: 'a', value: 'b' }, /non-empty array/],
    ['array type', [{ type: 'uint8[]', name: 'a', value: [1] }], /array types are not supported/],
    ['unknown type', [{ type: 'fixed128x18', name: 'a', value: '1' }], /not supported/],
    ['uint out of range', [{ type: 'uint8', name: 'a', value: 256 }], /out of range for uint8/],
    ['negative uint', [{ type: 'uint256', name: 'a', value: -1 }], /out of range/],
    ['bad address', [{ type: 'address', name: 'a', value: '0x1234' }], /20-byte hex address/],
    ['bytesN too long', [{ type: 'bytes2', name: 'a', value: '0x123456' }], /longer than 2 bytes/],
    ['missing name', [{ type: 'string', value: 'x' }], /name must be a non-empty string/],
    ['bool as number', [{ type: 'bool', name: 'a', value: 2 }], /true or false/],
  ])('refuses %s with -32602', (_n, data, message) => {
    const e = refusal(() => parseSignTypedDataV1Params([data, SIG_UTIL_ADDRESS]));
    expect(e.code).toBe(-32602);
    expect(e.message).toMatch(message);
  });
});

describe('eth_signTypedData_v3', () => {
  it("reproduces eth-sig-util's published v3 signature", async () => {
    const { typedData } = parseSignTypedDataV3Params([SIG_UTIL_ADDRESS, V3_TEST], { activeChainId: 1 });
    expect(await signTypedDataV4(typedData, SIG_UTIL_KEY)).toBe(V3_TEST_SIG);
  });

  it('reproduces the EIP-712 Mail vector, and agrees with eth-sig-util V3', async () => {
    const { typedData } = parseSignTypedDataV3Params([privateKeyToAddress(COW_KEY), JSON.stringify(MAIL)], { activeChainId: 1 });
    expect(typedData.hash).toBe(MAIL_DIGEST);
    expect(`0x${TypedDataUtils.eip712Hash(MAIL as never, SignTypedDataVersion.V3).toString('hex')}`).toBe(MAIL_DIGEST);
    const sig = await signTypedDataV4(typedData, COW_KEY);
    expect(sig).toBe(MAIL_SIGNATURE);
    expect(sig).toBe(signTypedData({ privateKey: keyBuf(COW_KEY), data: MAIL as never, version: SignTypedDataVersion.V3 }));
  });

  it('refuses arrays (not part of v3) with -32602 before any prompt', () => {
    const withArray = { ...MAIL, types: { ...MAIL.types, Mail: [...MAIL.types.Mail, { name: 'cc', type: 'Person[]' }] }, message: { ...MAIL.message, cc: [] } };
    const e = refusal(() => parseSignTypedDataV3Params([privateKeyToAddress(COW_KEY), withArray], { activeChainId: 1 }));
    expect(e.code).toBe(-32602);
    expect(e.message).toMatch(/arrays are not part of eth_signTypedData_v3/);
  });
});

describe('EIP-712 with a mis-checksummed address (issue 19 item 3)', () => {
  // Valid hex, wrong EIP-55 case: the address of the issue.
  const MIS_CASED = '0x0521797E19b8E274E4ED3bFe5254FAf6fac96F08';
  const PERMIT = {
    types: PERMIT_TYPES,
    primaryType: 'Permit',
    domain: { name: 'Token', version: '1', chainId: 1, verifyingContract: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48' },
    message: { owner: privateKeyToAddress(SIG_UTIL_KEY), spender: MIS_CASED, value: '1000', nonce: '0', deadline: '1999999999' },
  };

  it('is accepted, shown checksummed, and signs what eth-sig-util signs (v4 and v3)', async () => {
    const { typedData } = parseSignTypedDataParams([SIG_UTIL_ADDRESS, JSON.stringify(PERMIT)], { activeChainId: 1 });
    // Shown with its EIP-55 checksum (ethers computes it independently).
    expect(typedData.message.spender).toBe(ethersGetAddress(MIS_CASED.toLowerCase()));
    expect(typedData.message.spender).not.toBe(MIS_CASED);
    expect(typedData.permits[0]?.spender.toLowerCase()).toBe(MIS_CASED.toLowerCase());
    const sig = await signTypedDataV4(typedData, SIG_UTIL_KEY);
    expect(sig).toBe(signTypedData({ privateKey: keyBuf(SIG_UTIL_KEY), data: PERMIT as never, version: SignTypedDataVersion.V4 }));
    expect(recoverTypedSignature({ data: PERMIT as never, signature: sig, version: SignTypedDataVersion.V4 })).toBe(SIG_UTIL_ADDRESS.toLowerCase());
    const v3 = parseSignTypedDataV3Params([SIG_UTIL_ADDRESS, PERMIT], { activeChainId: 1 });
    expect(await signTypedDataV4(v3.typedData, SIG_UTIL_KEY)).toBe(signTypedData({ privateKey: keyBuf(SIG_UTIL_KEY), data: PERMIT as never, version: SignTypedDataVersion.V3 }));
  });

  it('still refuses an address that is not 20 bytes of hex', () => {
    const bad = { ...PERMIT, message: { ...PERMIT.message, spender: '0x0521797E19b8E274E4ED3bFe5254FAf6fac96F0' } };
    expect(refusal(() => parseSignTypedDataParams([SIG_UTIL_ADDRESS, bad], { activeChainId: 1 })).message).toMatch(/message.spender is not a valid address/);
  });
});

describe('personal_ecRecover', () => {
  it('recovers the lower-case signer of text and hex messages, as eth-sig-util does', async () => {
    for (const message of ['Hello from the dApp', '0x68656c6c6f', '']) {
      const hex = message.startsWith('0x') ? (message as Hex) : stringToHex(message);
      const sig = await signPersonalMessage(hex, SIG_UTIL_KEY);
      expect(sig).toBe(personalSign({ privateKey: keyBuf(SIG_UTIL_KEY), data: message }));
      const recovered = await personalEcRecover([message, sig]);
      expect(recovered).toBe(SIG_UTIL_ADDRESS.toLowerCase());
      expect(recovered).toBe(recoverPersonalSignature({ data: message, signature: sig }));
    }
  });

  it('refuses malformed parameters with -32602', () => {
    expect(refusal(() => parseEcRecover(['hi'])).code).toBe(-32602);
    expect(refusal(() => parseEcRecover(['hi', '0x1234'])).message).toMatch(/65 bytes/);
    expect(refusal(() => parseEcRecover([42, `0x${'11'.repeat(65)}`])).message).toMatch(/message must be a string/);
  });
});
