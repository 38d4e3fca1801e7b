/**
 * Aptos transactions against @aptos-labs/ts-sdk as the independent implementation: BCS of raw
 * transactions and payloads, type tags, ABI-typed argument encoding, signing messages (simple,
 * multi-agent, fee payer), the signed transaction, the account authenticator and the transaction
 * hash; decoding of what ts-sdk builds, and clear errors for malformed bytes.
 */
import { describe, expect, it } from 'vitest';
import {
  Account,
  AccountAddress,
  AccountAuthenticator,
  AccountAuthenticatorEd25519,
  ChainId,
  Deserializer,
  Ed25519PrivateKey,
  Ed25519Signature,
  FeePayerRawTransaction,
  generateSigningMessageForTransaction,
  generateTransactionPayloadWithABI,
  generateUserTransactionHash,
  MultiAgentRawTransaction,
  parseTypeTag as sdkParseTypeTag,
  RawTransaction as SdkRawTransaction,
  Script,
  SignedTransaction,
  SimpleTransaction,
  TransactionPayloadScript,
  U64,
  MoveVector,
  type EntryFunctionABI,
} from '@aptos-labs/ts-sdk';
import { hexToBytes } from '../../../src/core/derive/bytes';
import { entrySignature } from '../../../src/families/aptos/core/abi';
import { aptTransfer, buildEntryFunction, coinTransfer, fungibleAssetTransfer, parseEntryInput, rawTransaction } from '../../../src/families/aptos/core/build';
import { describePayload, transferIntent } from '../../../src/families/aptos/core/decode';
import { AptosError } from '../../../src/families/aptos/core/errors';
import {
  accountAuthenticatorBytes,
  decodeRawTransaction,
  encodeRawTransaction,
  signEd25519,
  signedTransactionBytes,
  signingMessage,
  transactionHash,
} from '../../../src/families/aptos/core/transaction';
import { BcsWriter } from '../../../src/families/aptos/core/bcs';
import { parseTypeTag, typeTagToString, writeTypeTag } from '../../../src/families/aptos/core/typeTag';

const secret = hexToBytes('9bf49a6a0755f953811fce125f2683d50429c3bb49e074147e0089a52eae155f');
const sdkAccount = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(secret) });
const sender = sdkAccount.accountAddress.toStringLong();
const bob = '0x' + 'b0'.repeat(32);

function sdkRaw(bytes: Uint8Array): SdkRawTransaction {
  return SdkRawTransaction.deserialize(new Deserializer(bytes));
}

describe('raw transactions vs ts-sdk', () => {
  const tx = rawTransaction({ sender, sequenceNumber: 7n, payload: aptTransfer(bob, 123_456_789n), maxGasAmount: 2000n, gasUnitPrice: 100n, nowSecs: 1_700_000_000, chainId: 2 });
  const bytes = encodeRawTransaction(tx);

  it('encodes an APT transfer that ts-sdk reads back field by field and re-encodes identically', () => {
    const raw = sdkRaw(bytes);
    expect(raw.sender.toStringLong()).toBe(sender);
    expect(raw.sequence_number).toBe(7n);
    expect(raw.max_gas_amount).toBe(2000n);
    expect(raw.gas_unit_price).toBe(100n);
    expect(raw.expiration_timestamp_secs).toBe(1_700_000_060n);
    expect(raw.chain_id.chainId).toBe(2);
    expect(raw.bcsToBytes()).toEqual(bytes);
    // ts-sdk's own ABI-based builder gives the same payload bytes.
    const abi: EntryFunctionABI = { typeParameters: [], parameters: [sdkParseTypeTag('address'), sdkParseTypeTag('u64')] };
    const sdkPayload = generateTransactionPayloadWithABI({ function: '0x1::aptos_account::transfer', functionArguments: [bob, 123_456_789n], abi });
    expect(raw.payload.bcsToBytes()).toEqual(sdkPayload.bcsToBytes());
  });

  it('signs what ts-sdk signs, and the signed transaction, authenticator and hash match', () => {
    const msg = signingMessage(bytes);
    expect(msg).toEqual(generateSigningMessageForTransaction(new SimpleTransaction(sdkRaw(bytes))));
    const { publicKey, signature } = signEd25519(msg, secret);
    expect(publicKey).toEqual(sdkAccount.publicKey.toUint8Array());
    const sdkAuth = sdkAccount.signTransactionWithAuthenticator(new SimpleTransaction(sdkRaw(bytes))) as AccountAuthenticatorEd25519;
    expect(signature).toEqual(sdkAuth.signature.toUint8Array()); // ed25519 is deterministic
    expect(accountAuthenticatorBytes(publicKey, signature)).toEqual(sdkAuth.bcsToBytes());
    const auth = AccountAuthenticator.deserialize(new Deserializer(accountAuthenticatorBytes(publicKey, signature)));
    expect(auth).toBeInstanceOf(AccountAuthenticatorEd25519);
    const signed = signedTransactionBytes(bytes, publicKey, signature);
    const d = new Deserializer(signed);
    const st = SignedTransaction.deserialize(d);
    expect(d.remaining()).toBe(0);
    expect(st.raw_txn.bcsToBytes()).toEqual(bytes);
    expect(transactionHash(signed)).toBe(generateUserTransactionHash({ transaction: new SimpleTransaction(sdkRaw(bytes)), senderAuthenticator: sdkAuth }));
  });

  it('builds the multi-agent and fee-payer signing messages as ts-sdk does', () => {
    const fee = '0x' + 'fe'.repeat(32);
    const second = '0x' + '5e'.repeat(32);
    const raw = sdkRaw(bytes);
    const feePayer = new FeePayerRawTransaction(raw, [AccountAddress.from(second)], AccountAddress.from(fee));
    const sdkFee = generateSigningMessageForTransaction(new SimpleTransaction(raw, AccountAddress.from(fee)));
    expect(signingMessage(bytes, { feePayer: fee, secondarySigners: [] })).toEqual(sdkFee);
    expect(feePayer.bcsToBytes().length).toBeGreaterThan(bytes.length);
    const multi = new MultiAgentRawTransaction(raw, [AccountAddress.from(second)]);
    const w = new BcsWriter();
    multi.bcsToBytes().forEach((b) => w.u8(b));
    expect(signingMessage(bytes, { secondarySigners: [second] }).slice(32)).toEqual(w.toBytes());
  });

  it('decodes ts-sdk-built fungible-asset, coin and generic calls, and reads the transfer', () => {
    const meta = '0x' + '35'.repeat(32);
    for (const [payload, fn] of [
      [fungibleAssetTransfer(meta, bob, 5_000_000n), '0x1::primary_fungible_store::transfer'],
      [coinTransfer('0xcacacacacacacacacacacacacacacacacacacacacacacacacacacacacacacaca::moon::Moon', bob, 42n), '0x1::aptos_account::transfer_coins'],
    ] as const) {
      const b = encodeRawTransaction({ ...tx, payload });
      expect(sdkRaw(b).bcsToBytes()).toEqual(b);
      const back = decodeRawTransaction(b);
      expect(back).toEqual({ ...tx, payload });
      expect(describePayload(back.payload, null).function).toBe(fn);
    }
    expect(transferIntent(fungibleAssetTransfer(meta, bob, 5n))).toEqual({ asset: { kind: 'fa', metadata: meta }, to: bob, amount: 5n });
    expect(transferIntent(coinTransfer('0x1::aptos_coin::AptosCoin', bob, 9n))).toEqual({ asset: { kind: 'apt' }, to: bob, amount: 9n });
    expect(transferIntent(aptTransfer(bob, 1n))).toEqual({ asset: { kind: 'apt' }, to: bob, amount: 1n });
  });

  it('decodes a script payload (and keeps it a script)', () => {
    const script = new TransactionPayloadScript(new Script(new Uint8Array([0xa1, 0x1c, 0xeb, 0x0b]), [], [new U64(5n)]));
    const raw = new SdkRawTransaction(AccountAddress.from(sender), 0n, script, 100n, 100n, 1n, new ChainId(1));
    const back = decodeRawTransaction(raw.bcsToBytes());
    expect(back.payload.kind).toBe('script');
    expect(describePayload(back.payload, null).function).toBe('script');
  });

  it('refuses trailing bytes, truncation and unknown payload variants with a specific error', () => {
    const err = (b: Uint8Array): AptosError => {
      try {
        decodeRawTransaction(b);
      } catch (e) {
        return e as AptosError;
      }
      throw new Error('accepted');
    };
    expect(err(Uint8Array.from([...bytes, 0])).message).toMatch(/1 trailing bytes/);
    expect(err(bytes.slice(0, bytes.length - 3)).message).toMatch(/ends early/);
    const bad = bytes.slice();
    bad[40] = 9; // payload variant after sender (32) + sequence (8)
    expect(err(bad).code).toBe('UNSUPPORTED');
    expect(err(new Uint8Array()).code).toBe('MALFORMED');
  });
});

describe('type tags vs ts-sdk', () => {
  it.each(['u8', 'u256', 'address', 'vector<vector<u8>>', '0x1::aptos_coin::AptosCoin', '0x1::coin::CoinStore<0x1::aptos_coin::AptosCoin>', '0x1::object::Object<0x1::fungible_asset::Metadata>', '0xcacacacacacacacacacacacacacacacacacacacacacacacacacacacacacacaca::pool::LP<0x1::aptos_coin::AptosCoin, 0x000000000000000000000000000000000000000000000000000000000000beef::usd::USD>'])('%s', (text) => {
    const ours = parseTypeTag(text);
    const sdk = sdkParseTypeTag(text);
    expect(typeTagToString(ours)).toBe(sdk.toString());
    const w = new BcsWriter();
    writeTypeTag(w, ours);
    expect(w.toBytes()).toEqual(sdk.bcsToBytes());
  });

  it('refuses malformed types', () => {
    for (const bad of ['', 'vector<u8', '0x1::coin', 'u512', '0x1::a::B<>', 'zz::a::B']) expect(() => parseTypeTag(bad)).toThrow(AptosError);
  });
});

describe('ABI-typed arguments vs ts-sdk generateTransactionPayloadWithABI', () => {
  const params = ['&signer', 'u8', 'u16', 'u32', 'u64', 'u128', 'u256', 'bool', 'address', 'vector<u8>', 'vector<u64>', '0x1::string::String', '0x1::object::Object<T0>', '0x1::option::Option<u64>', '0x1::option::Option<address>', 'vector<0x1::string::String>'];
  const moduleJson = { abi: { exposed_functions: [{ name: 'everything', is_entry: true, generic_type_params: [{ constraints: [] }], params }] } };
  const values: unknown[] = [255, 65535, 4294967295, '18446744073709551615', 2n ** 127n, '115792089237316195423570985008687907853269984665640564039457584007913129639935', true, '0x1', '0xdeadbeef', ['1', 2, 3n], 'héllo', '0x' + '0a'.repeat(32), null, bob, ['a', 'b']];

  it('encodes every supported type exactly as ts-sdk does', () => {
    const sig = entrySignature(moduleJson, 'everything');
    expect(sig.params).toHaveLength(15);
    const ours = buildEntryFunction(parseEntryInput({ function: '0xcacacacacacacacacacacacacacacacacacacacacacacacacacacacacacacaca::kitchen::everything', typeArguments: ['0x1::fungible_asset::Metadata'], functionArguments: values }), sig);
    const abi: EntryFunctionABI = { typeParameters: [{ constraints: [] }], parameters: params.slice(1).map((p) => sdkParseTypeTag(p, { allowGenerics: true })) };
    const sdk = generateTransactionPayloadWithABI({ function: '0xcacacacacacacacacacacacacacacacacacacacacacacacacacacacacacacaca::kitchen::everything', typeArguments: ['0x1::fungible_asset::Metadata'], functionArguments: values as never, abi });
    const raw = rawTransaction({ sender, sequenceNumber: 0n, payload: ours, maxGasAmount: 1n, gasUnitPrice: 1n, nowSecs: 0, chainId: 4 });
    expect(sdkRaw(encodeRawTransaction(raw)).payload.bcsToBytes()).toEqual(sdk.bcsToBytes());
    const shown = describePayload(ours, sig);
    expect(shown.args.map((a) => a.value)).toEqual(['255', '65535', '4294967295', '18446744073709551615', String(2n ** 127n), '115792089237316195423570985008687907853269984665640564039457584007913129639935', 'true', '0x' + '0'.repeat(63) + '1', '0x' + Buffer.from('0xdeadbeef').toString('hex'), '[1, 2, 3]', '"héllo"', '0x' + '0a'.repeat(32), 'none', bob, '["a", "b"]']);
    expect(shown.args[11]!.type).toBe('0x1::object::Object<0x1::fungible_asset::Metadata>');
  });

  it('accepts pre-encoded BCS arguments ({ bcs }) only when they are exactly one value of the type', () => {
    const sig = { params: [parseTypeTag('u64'), parseTypeTag('vector<u64>')], typeParamCount: 0 };
    const input = parseEntryInput({ function: '0xcacacacacacacacacacacacacacacacacacacacacacacacacacacacacacacaca::m::f', functionArguments: [{ bcs: '0x' + Buffer.from(new U64(5n).bcsToBytes()).toString('hex') }, { bcs: '0x' + Buffer.from(MoveVector.U64([1, 2]).bcsToBytes()).toString('hex') }] });
    expect(describePayload(buildEntryFunction(input, sig), sig).args.map((a) => a.value)).toEqual(['5', '[1, 2]']);
    const tooLong = parseEntryInput({ function: '0xcacacacacacacacacacacacacacacacacacacacacacacacacacacacacacacaca::m::f', functionArguments: [{ bcs: '0x050000000000000000' }, { bcs: '0x00' }] });
    expect(() => buildEntryFunction(tooLong, sig)).toThrow(/trailing/);
  });

  it('names the argument and the type when a value does not fit', () => {
    const sig = entrySignature(moduleJson, 'everything');
    const wrong = (i: number, v: unknown): string => {
      const vals = values.slice();
      vals[i] = v;
      try {
        buildEntryFunction(parseEntryInput({ function: '0xcacacacacacacacacacacacacacacacacacacacacacacacacacacacacacacaca::kitchen::everything', typeArguments: ['0x1::fungible_asset::Metadata'], functionArguments: vals }), sig);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(wrong(0, 256)).toBe('functionArguments[0] does not fit in u8');
    expect(wrong(3, '-1')).toBe('functionArguments[3] must be an unsigned integer');
    expect(wrong(3, 1.5)).toBe('functionArguments[3] must be an unsigned integer');
    expect(wrong(6, 'yes')).toBe('functionArguments[6] must be true or false');
    expect(wrong(7, 'bob')).toMatch(/functionArguments\[7\] must be an address/);
    expect(wrong(7, '0xbeef')).toMatch(/short forms only for 0x0–0xf/);
    expect(() => buildEntryFunction(parseEntryInput({ function: '0xcacacacacacacacacacacacacacacacacacacacacacacacacacacacacacacaca::kitchen::everything', functionArguments: values }), sig)).toThrow(/takes 1 type arguments, got 0/);
    expect(() => parseEntryInput({ function: 'transfer', functionArguments: [] })).toThrow(/is not "address::module::function"/);
    expect(() => parseEntryInput({ bytecode: '0x00', function: '0x1::a::b' })).toThrow(/script payloads/);
    expect(() => entrySignature(moduleJson, 'missing')).toThrow(/no function missing/);
  });
});

describe('signature self-check with ts-sdk', () => {
  it('verifies our signature with ts-sdk', () => {
    const msg = new TextEncoder().encode('hello');
    const { signature } = signEd25519(msg, secret);
    expect(sdkAccount.publicKey.verifySignature({ message: msg, signature: new Ed25519Signature(signature) })).toBe(true);
  });
});
