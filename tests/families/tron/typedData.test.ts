/**
 * TIP-712 encoder: the EIP-712 specification's own "Ether Mail" vector (TIP-712 hashes exactly as
 * EIP-712 does, so its digest and signature hold, whether the addresses are written 0x, 41-hex or
 * base58), and tronweb (the TRON reference implementation: utils.typedData.hashTypedData,
 * Trx._signTypedData, Trx.verifyTypedData) on payloads with trcToken, nested structs, arrays,
 * signed integers and bytes.
 */
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { Trx, utils } from 'tronweb';
import { readTronTypedDataPayload, recoverTronTypedDataSigner, signTronTypedData, validateTronTypedData } from '../../../src/families/tron/core/typedData.ts';
import { tronAddressFrom20 } from '../../../src/families/tron/core/addressInput.ts';
import { tronAccount } from './helpers.ts';
import { COW_KEY as COW_KEY_HEX, eip712Fields, MAIL as MAIL_SPEC, MAIL_DIGEST, MAIL_SIGNATURE } from '../../support/eip712Mail.ts';

const hex = (b: Uint8Array): string => `0x${bytesToHex(b)}`;
const tron = (evm: string): string => tronAddressFrom20(hexToBytes(evm.slice(2)));

// EIP-712, "Example" section (eips.ethereum.org/EIPS/eip-712, Example.js): the shared fixture.
const { EIP712Domain: _domainFields, ...MAIL_TYPES } = MAIL_SPEC.types;
const MAIL_DOMAIN = MAIL_SPEC.domain;
const MAIL = MAIL_SPEC.message;
const COW_KEY = hexToBytes(COW_KEY_HEX.slice(2));

// TIP-712's own struct (tip-712.md), on TRON mainnet's TIP-712 chain id.
const ASSET_TYPES = { AssetTransfer: eip712Fields('address from,address to,trcToken id,uint256 amount,uint8 v,bytes32 r,bytes32 s') };

describe('TIP-712 typed data', () => {
  const me = tronAccount(0);
  const other = tronAccount(1);

  it('matches the EIP-712 specification vector (digest and signature), whatever the address spelling', () => {
    const td = validateTronTypedData(MAIL_DOMAIN, MAIL_TYPES, MAIL);
    expect(td.primaryType).toBe('Mail');
    expect(hex(td.digest)).toBe(MAIL_DIGEST);
    expect(signTronTypedData(td, COW_KEY)).toBe(MAIL_SIGNATURE);
    // TRON spellings of the same 20 bytes: base58 and 41-hex.
    const tronMail = { ...MAIL, from: { ...MAIL.from, wallet: tron(MAIL.from.wallet) }, to: { ...MAIL.to, wallet: `41${MAIL.to.wallet.slice(2)}` } };
    const td2 = validateTronTypedData({ ...MAIL_DOMAIN, verifyingContract: tron(MAIL_DOMAIN.verifyingContract) }, MAIL_TYPES, tronMail);
    expect(hex(td2.digest)).toBe(MAIL_DIGEST);
    // The display copy shows base58 addresses and only the typed fields.
    expect(td2.message).toEqual({ from: { name: 'Cow', wallet: tron(MAIL.from.wallet) }, to: { name: 'Bob', wallet: tron(MAIL.to.wallet) }, contents: 'Hello, Bob!' });
    expect(td2.domain).toEqual({ name: 'Ether Mail', version: '1', chainId: '1', verifyingContract: tron(MAIL_DOMAIN.verifyingContract) });
    // tronweb agrees with both.
    expect(utils.typedData.hashTypedData(MAIL_DOMAIN, MAIL_TYPES, tronMail)).toBe(MAIL_DIGEST);
  });

  it('trcToken and TRON addresses: digest and signature equal tronweb’s; Trx.verifyTypedData accepts ours', () => {
    const domain = { name: 'TRC Asset', version: '1', chainId: 0x2b6653dc, verifyingContract: 'TLeA7B2oqkR25LCKhp7CpBoG4ci1hW48Wm' };
    const value = { from: me.address, to: other.address, id: '1002000', amount: '123456789000000000000', v: 27, r: `0x${'11'.repeat(32)}`, s: `0x${'22'.repeat(32)}` };
    const td = validateTronTypedData(domain, ASSET_TYPES, value, { activeChainId: 0x2b6653dcn });
    expect(hex(td.digest)).toBe(utils.typedData.hashTypedData(domain, ASSET_TYPES, value));
    const ours = signTronTypedData(td, me.secretKey);
    expect(ours).toBe(Trx._signTypedData(domain, ASSET_TYPES, value, me.privateKeyHex).toLowerCase());
    expect(Trx.verifyTypedData(domain, ASSET_TYPES, value, ours, me.address)).toBe(true);
    expect(Trx.verifyTypedData(domain, ASSET_TYPES, value, ours, other.address)).toBe(false);
    expect(recoverTronTypedDataSigner(td, ours)).toBe(me.address);
    // The type string keeps "trcToken" (so the type hash differs from a uint256 field's).
    const asUint = { AssetTransfer: ASSET_TYPES.AssetTransfer.map((f) => (f.type === 'trcToken' ? { ...f, type: 'uint256' } : f)) };
    expect(hex(validateTronTypedData(domain, asUint, value).digest)).not.toBe(hex(td.digest));
  });

  it('nested structs, arrays of structs, fixed arrays, signed integers, bytes and bool hash as tronweb hashes them', () => {
    const types = {
      Order: eip712Fields('address maker,Item[] items,string[2] tags,int64 delta,bytes data,bool ok,uint8[][] grid'),
      Item: eip712Fields('trcToken token,address owner,bytes4 tag'),
    };
    const value = {
      maker: me.address,
      items: [
        { token: 1000001, owner: other.address, tag: '0xdeadbeef' },
        { token: '0x10', owner: me.hexAddress, tag: '0x00000001' },
      ],
      tags: ['a', 'b'],
      delta: -42,
      data: '0x0102030405',
      ok: true,
      grid: [[1, 2], [], [3]],
    };
    const domain = { name: 'Nested', chainId: '3448148188', salt: `0x${'ab'.repeat(32)}` };
    const td = validateTronTypedData(domain, types, value);
    expect(hex(td.digest)).toBe(utils.typedData.hashTypedData(domain, types, value));
    expect(td.message.delta).toBe('-42');
    expect((td.message.items as Array<Record<string, unknown>>)[1]!.owner).toBe(me.address);
    const sig = signTronTypedData(td, other.secretKey);
    expect(Trx.verifyTypedData(domain, types, value, sig, other.address)).toBe(true);
  });

  it('an eth_signTypedData_v4-style payload (JSON, EIP712Domain listed, explicit primaryType) hashes the same', () => {
    const payload = JSON.stringify(MAIL_SPEC);
    expect(hex(readTronTypedDataPayload(payload).digest)).toBe(MAIL_DIGEST);
    // An explicit primaryType may name a type other types use.
    expect(hex(readTronTypedDataPayload({ types: MAIL_TYPES, primaryType: 'Person', domain: MAIL_DOMAIN, message: MAIL.from }).digest)).toBe(utils.typedData.TypedDataEncoder.hash(MAIL_DOMAIN, { Person: MAIL_TYPES.Person }, MAIL.from));
  });

  it('bad input is refused with a specific message', () => {
    const cases: Array<[string, () => unknown, RegExp]> = [
      ['missing field', () => validateTronTypedData(MAIL_DOMAIN, MAIL_TYPES, { ...MAIL, contents: undefined }), /message\.contents \(string\) is missing/],
      ['not an address', () => validateTronTypedData(MAIL_DOMAIN, MAIL_TYPES, { ...MAIL, to: { name: 'Bob', wallet: 'TnotAnAddress' } }), /message\.to\.wallet: not a TRON address/],
      ['bad checksum', () => validateTronTypedData(MAIL_DOMAIN, MAIL_TYPES, { ...MAIL, to: { name: 'Bob', wallet: `${me.address.slice(0, -1)}${me.address.endsWith('a') ? 'b' : 'a'}` } }), /not a TRON address/],
      ['out of range', () => validateTronTypedData({}, { T: [{ name: 'x', type: 'uint8' }] }, { x: 256 }), /out of range for uint8/],
      ['unsafe number', () => validateTronTypedData({}, { T: [{ name: 'x', type: 'uint256' }] }, { x: 2 ** 60 }), /not a safe integer/],
      ['bool as string', () => validateTronTypedData({}, { T: [{ name: 'x', type: 'bool' }] }, { x: 'false' }), /expected true or false/],
      ['bytes4 length', () => validateTronTypedData({}, { T: [{ name: 'x', type: 'bytes4' }] }, { x: '0x01' }), /exactly 4 bytes/],
      ['fixed array length', () => validateTronTypedData({}, { T: [{ name: 'x', type: 'uint8[2]' }] }, { x: [1] }), /expected 2 elements/],
      ['unknown type', () => validateTronTypedData({}, { T: [{ name: 'x', type: 'Nope' }] }, { x: 1 }), /type "Nope" is not defined/],
      ['circular', () => validateTronTypedData({}, { A: [{ name: 'b', type: 'B' }], B: [{ name: 'a', type: 'A' }] }, {}), /circular type reference/],
      ['ambiguous primary', () => validateTronTypedData({}, { A: [{ name: 'x', type: 'uint8' }], B: [{ name: 'y', type: 'uint8' }] }, { x: 1 }), /ambiguous primary type/],
      ['domain key', () => validateTronTypedData({ name: 'x', foo: 1 }, MAIL_TYPES, MAIL), /invalid domain field "foo"/],
      ['wrong chain', () => validateTronTypedData(MAIL_DOMAIN, MAIL_TYPES, MAIL, { activeChainId: 0x2b6653dcn }), /for chain 1, but the active TRON network is 728126428/],
      ['types not object', () => validateTronTypedData(MAIL_DOMAIN, 'x', MAIL), /"types" must be an object/],
      ['bad JSON', () => readTronTypedDataPayload('{'), /not valid JSON/],
      ['undefined primaryType', () => readTronTypedDataPayload({ types: MAIL_TYPES, primaryType: 'Nope', domain: MAIL_DOMAIN, message: MAIL }), /primaryType "Nope" is not defined/],
      ['too big', () => validateTronTypedData({}, { T: [{ name: 'x', type: 'string' }] }, { x: 'x'.repeat(300_000) }), /larger than/],
    ];
    for (const [name, fn, re] of cases) expect(fn, name).toThrow(re);
  });

  it('a field named __proto__ is encoded and shown as a field, never as a prototype', () => {
    const types = { T: [{ name: '__proto__', type: 'uint8' }] };
    const value = JSON.parse('{"__proto__": 7}') as Record<string, unknown>;
    const td = validateTronTypedData({}, types, value);
    expect(Object.prototype.hasOwnProperty.call(td.message, '__proto__')).toBe(true);
    expect(hex(td.digest)).toBe(utils.typedData.hashTypedData({}, types, value));
  });
});
