/**
 * EOS core (src/families/eos/core): TAPoS, transfer building, decoding, signing, arbitrary-signature
 * refusal, networks, assets. Cross-checks: @wharfkit/antelope's own header/serialization, the
 * eosio.token ABI that proton-tsc ships, @noble/curves for signature verification, and the
 * Antelope documentation's sample key pair.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { ABI, API, Action, Bytes, Checksum256, PrivateKey, PublicKey, Serializer, Signature, Transaction } from '@wharfkit/antelope';
import { parseEosPrivateKey } from '../../../src/families/eos/core/keyString';
import { EosError } from '../../../src/families/eos/core/errors';
import { assetString, parseAsset, parseUnits } from '../../../src/families/eos/core/asset';
import { buildTransaction, taposHeader, transferAction } from '../../../src/families/eos/core/transaction';
import { decodeTransaction, hexToBytes, parseTransaction } from '../../../src/families/eos/core/decode';
import { arbitraryDataRefusal, publicKeyOf, signArbitrary, signTransaction } from '../../../src/families/eos/core/sign';
import { checkChainId, checkEosApiUrl, eosNetwork, EOS_MAINNET_CHAIN_ID, networkByChainId } from '../../../src/families/eos/core/networks';
import { TOKEN_CONTRACT_FILES } from '../../support/eosNode';
import { thrownBy } from '../../support/errors.ts';

// The sample key pair of the Antelope/EOSIO documentation (cleos wallet import examples).
const DOC_WIF = '5KQwrPbwdL6PhXujxW37FSSQZ1JiwsST4cqQzDeyXtP79zkvFD3';
const DOC_PUB = 'EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV';
const secret = parseEosPrivateKey(DOC_WIF);
const tokenAbi = ABI.from(JSON.parse(readFileSync(`${TOKEN_CONTRACT_FILES}.abi`, 'utf8')));
const abis = new Map([['eosio.token', tokenAbi]]);

const headId = '0098967f3c5a2e1b9d8c7b6a5948372615ab34cd56ef7890a1b2c3d4e5f60718';
const info = { head_block_num: 9_999_999, head_block_id: headId, head_block_time: '2026-12-06T08:00:00.000' };
const sym = { code: 'EOS', precision: 4 };

const errorOf = (fn: () => unknown): EosError => thrownBy(EosError, fn);

function sampleTx(memo = 'for the exchange'): Transaction {
  const action = transferAction({ contract: 'eosio.token', from: 'alice', permission: 'active', to: 'bob', units: 12_345n, symbol: sym, memo });
  return buildTransaction(taposHeader(info, 60), [action]);
}

describe('EOS TAPoS header', () => {
  it('matches @wharfkit/antelope for the same block (ref_block_num, ref_block_prefix) and expires from the head time', () => {
    const theirs = API.v1.GetInfoResponse.from({
      server_version: 'x', chain_id: EOS_MAINNET_CHAIN_ID, head_block_num: info.head_block_num, last_irreversible_block_num: info.head_block_num,
      last_irreversible_block_id: headId, head_block_id: headId, head_block_time: info.head_block_time, head_block_producer: 'eosio',
      virtual_block_cpu_limit: 1, virtual_block_net_limit: 1, block_cpu_limit: 1, block_net_limit: 1,
    }).getTransactionHeader(60);
    const ours = taposHeader(info, 60);
    expect(ours.ref_block_num).toBe(Number(theirs.ref_block_num));
    expect(ours.ref_block_prefix).toBe(Number(theirs.ref_block_prefix));
    expect(ours.expiration).toBe(theirs.expiration.toString());
  });

  it('refuses a malformed head block id', () => {
    expect(errorOf(() => taposHeader({ ...info, head_block_id: 'zz' })).reason).toBe('node');
  });
});

describe('EOS transfer action', () => {
  it('serializes exactly as the eosio.token ABI (proton-tsc) encodes the same data', () => {
    const ours = transferAction({ contract: 'eosio.token', from: 'alice', permission: 'active', to: 'bob', units: 12_345n, symbol: sym, memo: 'm' });
    const theirs = Action.from({ account: 'eosio.token', name: 'transfer', authorization: [{ actor: 'alice', permission: 'active' }], data: { from: 'alice', to: 'bob', quantity: '1.2345 EOS', memo: 'm' } }, tokenAbi);
    expect(Serializer.encode({ object: ours }).hexString).toBe(Serializer.encode({ object: theirs }).hexString);
  });

  it('refuses bad names, zero amounts, self-transfers and long memos before building', () => {
    const base = { contract: 'eosio.token', from: 'alice', permission: 'active', to: 'bob', units: 1n, symbol: sym, memo: '' };
    expect(errorOf(() => transferAction({ ...base, to: 'Bob' })).reason).toBe('invalid-account');
    expect(errorOf(() => transferAction({ ...base, to: 'alice' })).reason).toBe('invalid-account');
    expect(errorOf(() => transferAction({ ...base, units: 0n })).reason).toBe('invalid-amount');
    expect(errorOf(() => transferAction({ ...base, memo: 'x'.repeat(257) })).message).toMatch(/256 bytes/);
  });
});

describe('EOS assets', () => {
  it('parses typed amounts exactly and refuses what would round', () => {
    expect(parseUnits('1.5', 4)).toBe(15_000n);
    expect(assetString(parseUnits('0.0001', 4), sym)).toBe('0.0001 EOS');
    expect(errorOf(() => parseUnits('1.23456', 4)).message).toMatch(/4 decimals/);
    expect(errorOf(() => parseUnits('-1', 4)).reason).toBe('invalid-amount');
    expect(errorOf(() => parseUnits('1e3', 4)).reason).toBe('invalid-amount');
    expect(errorOf(() => parseUnits('922337203685477.5808', 4)).message).toMatch(/too large/);
    expect(parseAsset('12.3400 USDT')).toEqual({ units: 123_400n, symbol: { code: 'USDT', precision: 4 } });
  });
});

describe('EOS signing', () => {
  it('derives the documented public key of the documented private key', () => {
    expect(PublicKey.from(publicKeyOf(secret)).toLegacyString()).toBe(DOC_PUB);
  });

  it('signs sha256(chain id ‖ packed tx ‖ 32 zero bytes): verified by @noble/curves and recovered by antelope', () => {
    const tx = sampleTx();
    const sigText = signTransaction(tx, EOS_MAINNET_CHAIN_ID, secret);
    const preimage = new Uint8Array([...hexToBytes(EOS_MAINNET_CHAIN_ID), ...Serializer.encode({ object: tx }).array, ...new Uint8Array(32)]);
    const digest = sha256(preimage);
    const sig = Signature.from(sigText);
    const compact = sig.data.array.slice(1); // [recovery+31][r][s]
    expect(secp256k1.verify(compact, digest, PublicKey.from(DOC_PUB).data.array, { prehash: false, format: 'compact' })).toBe(true);
    expect(sig.recoverDigest(tx.signingDigest(Checksum256.from(EOS_MAINNET_CHAIN_ID))).toLegacyString()).toBe(DOC_PUB);
    // the same signature as antelope's own signer (RFC 6979 deterministic nonces)
    expect(sigText).toBe(String(PrivateKey.fromString(DOC_WIF).signDigest(tx.signingDigest(EOS_MAINNET_CHAIN_ID))));
  });

  it('signs arbitrary text as eosjs-ecc does (sha256 of the UTF-8) and refuses digests, preimages and transactions', () => {
    const sig = Signature.from(signArbitrary('login nonce 42', secret));
    expect(sig.recoverMessage(Bytes.from('login nonce 42', 'utf8')).toLegacyString()).toBe(DOC_PUB);
    const tx = sampleTx();
    const digestHex = String(tx.signingDigest(EOS_MAINNET_CHAIN_ID));
    expect(errorOf(() => signArbitrary(digestHex, secret)).reason).toBe('refused-digest');
    expect(arbitraryDataRefusal(`0x${digestHex}`)).toMatch(/32-byte hash/);
    const preimage = String(tx.signingData(EOS_MAINNET_CHAIN_ID).hexString);
    expect(arbitraryDataRefusal(preimage)).toMatch(/chain id/);
    expect(arbitraryDataRefusal(Serializer.encode({ object: tx }).hexString)).toMatch(/serialized transaction/);
    const customChain = 'ab'.repeat(32);
    expect(arbitraryDataRefusal(String(tx.signingData(customChain).hexString), [customChain])).toMatch(/chain id/);
    expect(arbitraryDataRefusal('')).toMatch(/non-empty/);
  });
});

describe('EOS transaction decoding', () => {
  it('decodes every action with the chain ABI', () => {
    const tx = sampleTx('deposit 123');
    const d = decodeTransaction(parseTransaction(Serializer.encode({ object: tx }).array), abis);
    expect(d.id).toBe(String(tx.id));
    expect(d.actions).toEqual([{ account: 'eosio.token', name: 'transfer', authorization: [{ actor: 'alice', permission: 'active' }], data: { from: 'alice', to: 'bob', quantity: '1.2345 EOS', memo: 'deposit 123' } }]);
  });

  it('refuses malformed bytes, trailing bytes, missing ABIs and data the ABI does not describe', () => {
    const bytes = Serializer.encode({ object: sampleTx() }).array;
    expect(errorOf(() => parseTransaction(bytes.slice(0, 20))).reason).toBe('malformed-transaction');
    expect(errorOf(() => parseTransaction(new Uint8Array([...bytes, 0]))).message).toMatch(/trailing/);
    expect(errorOf(() => hexToBytes('abc')).reason).toBe('malformed-transaction');
    const e = errorOf(() => decodeTransaction(parseTransaction(bytes), new Map()));
    expect(e.reason).toBe('missing-abi');
    expect(e.message).toContain('eosio.token');
    const padded = Action.from({ account: 'eosio.token', name: 'transfer', authorization: [{ actor: 'alice', permission: 'active' }], data: Bytes.from(Serializer.encode({ object: sampleTx().actions[0]!.data }).array) });
    const extra = Action.from({ ...padded, data: Bytes.from([...padded.data.array, 7]) });
    expect(errorOf(() => decodeTransaction(buildTransaction(taposHeader(info), [extra]), abis)).message).toMatch(/does not describe|does not match/);
  });
});

describe('EOS networks', () => {
  it('accepts https and loopback http node URLs only', () => {
    expect(checkEosApiUrl('https://eos.example.org/')).toBe('https://eos.example.org');
    expect(checkEosApiUrl('http://127.0.0.1:8888')).toBe('http://127.0.0.1:8888');
    expect(errorOf(() => checkEosApiUrl('http://eos.example.org')).message).toMatch(/https/);
    expect(errorOf(() => checkEosApiUrl('https://u:p@eos.example.org')).message).toMatch(/user name/);
    expect(errorOf(() => checkEosApiUrl('nonsense')).reason).toBe('invalid-params');
  });

  it('checks the node chain id against the network and pins a custom one', () => {
    const main = eosNetwork('mainnet');
    expect(checkChainId(main, EOS_MAINNET_CHAIN_ID.toUpperCase())).toBe(EOS_MAINNET_CHAIN_ID);
    expect(errorOf(() => checkChainId(main, 'ab'.repeat(32))).reason).toBe('chain-mismatch');
    expect(checkChainId(eosNetwork('custom'), 'ab'.repeat(32))).toBe('ab'.repeat(32));
    expect(errorOf(() => checkChainId(eosNetwork('custom'), 'cd'.repeat(32), 'ab'.repeat(32))).reason).toBe('chain-mismatch');
    expect(errorOf(() => checkChainId(main, undefined)).reason).toBe('node');
    expect(networkByChainId(EOS_MAINNET_CHAIN_ID)?.id).toBe('mainnet');
    expect(errorOf(() => eosNetwork('nope')).reason).toBe('unknown-chain');
  });
});
