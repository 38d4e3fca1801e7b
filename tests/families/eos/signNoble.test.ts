/**
 * EOS signing with @noble/curves (src/families/eos/core/sign.ts) against @wharfkit/antelope's own
 * elliptic-based signer, which the extension's bundles leave out (src/build/stubs/elliptic.ts):
 * byte-for-byte the same SIG_K1_ strings over many keys and digests, including those where the
 * first RFC 6979 nonce gives a non-canonical signature and both must retry with the next `pers`.
 */
import { describe, expect, it } from 'vitest';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Bytes, KeyType, PrivateKey, PublicKey, Signature } from '@wharfkit/antelope';
import { EosError } from '../../../src/families/eos/core/errors';
import { publicKeyOf, signArbitrary, signingDigest, signTransaction } from '../../../src/families/eos/core/sign';
import { buildTransaction, taposHeader, transferAction } from '../../../src/families/eos/core/transaction';
import { EOS_MAINNET_CHAIN_ID } from '../../../src/families/eos/core/networks';
import { ec as ellipticStub } from '../../../src/build/stubs/elliptic';
import pakoStub from '../../../src/build/stubs/pako';
import * as hashShim from '../../../src/build/stubs/hashjs';
import hashjs from 'hash.js';

const enc = new TextEncoder();
const secretOf = (i: number): Uint8Array => sha256(enc.encode(`eos signing key ${i}`));
const info = { head_block_num: 1_000, head_block_id: '000003e8' + 'ab'.repeat(28), head_block_time: '2026-12-06T08:00:00.000' };

/** Whether the first nonce (pers = [1]) gives a signature EOSIO rejects, so the signer must retry. */
function firstTryNonCanonical(secret: Uint8Array, digest: Uint8Array): boolean {
  const rs = secp256k1.sign(digest, secret, { prehash: false, format: 'compact', extraEntropy: Uint8Array.of(1) });
  const bad = (b0: number, b1: number): boolean => (b0 & 0x80) !== 0 || (b0 === 0 && (b1 & 0x80) === 0);
  return bad(rs[0] ?? 0, rs[1] ?? 0) || bad(rs[32] ?? 0, rs[33] ?? 0);
}

describe('EOS signatures by @noble/curves equal @wharfkit/antelope (elliptic)', () => {
  it('gives the same SIG_K1_ for 40 keys × digests, retries included', () => {
    let checked = 0;
    let retried = 0;
    for (let i = 0; i < 40; i++) {
      const secret = secretOf(i);
      const key = new PrivateKey(KeyType.K1, Bytes.from(secret));
      expect(publicKeyOf(secret)).toBe(String(key.toPublic()));
      const text = `message ${i}`;
      expect(signArbitrary(text, secret)).toBe(String(key.signMessage(Bytes.from(text, 'utf8'))));
      const tx = buildTransaction(taposHeader(info, 60), [
        transferAction({ contract: 'eosio.token', from: 'alice', permission: 'active', to: 'bob', units: BigInt(i + 1), symbol: { code: 'EOS', precision: 4 }, memo: `m${i}` }),
      ]);
      expect(Array.from(signingDigest(tx, EOS_MAINNET_CHAIN_ID))).toEqual(Array.from(tx.signingDigest(EOS_MAINNET_CHAIN_ID).array));
      const ours = signTransaction(tx, EOS_MAINNET_CHAIN_ID, secret);
      expect(ours).toBe(String(key.signDigest(tx.signingDigest(EOS_MAINNET_CHAIN_ID))));
      expect(String(Signature.from(ours).recoverDigest(tx.signingDigest(EOS_MAINNET_CHAIN_ID)))).toBe(String(PublicKey.from(publicKeyOf(secret))));
      if (firstTryNonCanonical(secret, signingDigest(tx, EOS_MAINNET_CHAIN_ID))) retried++;
      checked++;
    }
    expect(checked).toBe(40);
    expect(retried).toBeGreaterThan(0); // these fixed keys do exercise the retry path
  });

  it('refuses a secret that is not a valid secp256k1 key and a chain id that is not 32 bytes of hex', () => {
    expect(() => publicKeyOf(new Uint8Array(31))).toThrow(EosError);
    expect(() => signArbitrary('hello', new Uint8Array(32))).toThrow(/32 bytes/);
    const tx = buildTransaction(taposHeader(info, 60), []);
    expect(() => signTransaction(tx, 'not a chain id', secretOf(1))).toThrow(/chain id/);
  });
});

describe('the build stand-in of hash.js (on @noble/hashes)', () => {
  it('gives hash.js\'s digests for sha256, sha512 and ripemd160, as arrays and hex, over chained updates', () => {
    const inputs: (number[] | Uint8Array)[] = [[], [0x61, 0x62, 0x63], Uint8Array.from({ length: 200 }, (_, i) => (i * 7) & 0xff)];
    for (const name of ['sha256', 'sha512', 'ripemd160'] as const) {
      for (const data of inputs) {
        expect(hashShim[name]().update(data).digest()).toEqual(hashjs[name]().update(Array.from(data)).digest());
        expect(hashShim[name]().update(data).update([1, 2]).digest('hex')).toBe(hashjs[name]().update(Array.from(data)).update([1, 2]).digest('hex'));
      }
      expect(hashShim[name]().update('0a0b', 'hex').digest('hex')).toBe(hashjs[name]().update('0a0b', 'hex').digest('hex'));
    }
    // the published SHA-256("abc") vector
    expect(hashShim.sha256().update([0x61, 0x62, 0x63]).digest('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('the build stubs of elliptic and pako', () => {
  it('fail with a message naming what to use instead', () => {
    expect(() => new ellipticStub('secp256k1')).toThrow(/@noble\/curves/);
    expect(() => pakoStub.deflate()).toThrow(/compression 0/);
    expect(() => pakoStub.inflate()).toThrow(/uncompressed/);
  });
});
