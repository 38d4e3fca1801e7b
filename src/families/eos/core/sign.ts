/**
 * EOS signatures from the keyring's 32-byte secret: transactions sign
 * sha256(chain id ‖ packed transaction ‖ 32 zero bytes), Scatter's arbitrary signatures sign
 * sha256(data). Arbitrary data that could be a transaction digest or a signing preimage is
 * refused, so "sign this text" can never authorise a transaction.
 *
 * Signed with @noble/curves, not @wharfkit/antelope's PrivateKey: that class signs with
 * `elliptic` (+ bn.js, hash.js), which would add ~130 kB to the worker's installed bytes (every
 * worker start pays for them, see README "Cold start"). The signature is the one antelope makes:
 * RFC 6979 with elliptic's `pers = [attempt]` as the additional data, low-S, retried until
 * canonical for EOSIO (tests/families/eos/core.test.ts compares the two byte for byte).
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base58 } from '@scure/base';
import { Bytes, Serializer, Transaction } from '@wharfkit/antelope';
import { concatBytes, hexToBytes, utf8ToBytes } from '../../../core/derive/bytes.ts';
import { EosError } from './errors.ts';
import { eosPublicKeyString } from './keyString.ts';
import { EOS_NETWORKS } from './networks.ts';

const K1 = utf8ToBytes('K1');

function checkedSecret(secretKey: Uint8Array): Uint8Array {
  if (secretKey.length !== 32 || !secp256k1.utils.isValidSecretKey(secretKey)) throw new EosError('invalid-params', 'An EOS secret key is 32 bytes');
  return secretKey;
}

/** EOSIO nodes reject r or s whose top bit is set or that could be one byte shorter (eosio#6699). */
function isCanonical(rs: Uint8Array): boolean {
  const half = (at: number): boolean => {
    const [b0, b1] = [rs[at] ?? 0, rs[at + 1] ?? 0];
    return !(b0 & 0x80) && !(b0 === 0 && !(b1 & 0x80));
  };
  return half(0) && half(32);
}

/** SIG_K1_ string of a 32-byte digest: base58(recid + 31 ‖ r ‖ s ‖ ripemd160(… ‖ "K1")[0..4]). */
function signDigest(digest: Uint8Array, secretKey: Uint8Array): string {
  const secret = checkedSecret(secretKey);
  for (let attempt = 1; attempt < 256; attempt++) {
    // format 'recovered' is recovery ‖ r ‖ s; extraEntropy is elliptic's `pers` byte.
    const sig = secp256k1.sign(digest, secret, { prehash: false, lowS: true, format: 'recovered', extraEntropy: Uint8Array.of(attempt) });
    const rs = sig.subarray(1);
    if (!isCanonical(rs)) continue;
    const body = concatBytes(Uint8Array.of((sig[0] ?? 0) + 31), rs);
    return `SIG_K1_${base58.encode(concatBytes(body, ripemd160(concatBytes(body, K1)).subarray(0, 4)))}`;
  }
  throw new EosError('invalid-params', 'No canonical EOS signature found');
}

/** The PUB_K1_ public key of a secret (to check it is the key the account's permission names). */
export function publicKeyOf(secretKey: Uint8Array): string {
  return eosPublicKeyString(secp256k1.getPublicKey(checkedSecret(secretKey), true));
}

/** sha256(chain id ‖ packed transaction ‖ 32 zero bytes), what antelope's Transaction.signingDigest computes. */
export function signingDigest(tx: Transaction, chainId: string): Uint8Array {
  if (!/^[0-9a-fA-F]{64}$/.test(chainId)) throw new EosError('invalid-params', 'An EOS chain id is 32 bytes of hex');
  return sha256(concatBytes(hexToBytes(chainId), Serializer.encode({ object: tx }).array, new Uint8Array(32)));
}

export function signTransaction(tx: Transaction, chainId: string, secretKey: Uint8Array): string {
  return signDigest(signingDigest(tx, chainId), secretKey);
}

/** Why arbitrary data must not be signed, or null when it may be. */
export function arbitraryDataRefusal(data: string, knownChainIds: readonly string[] = []): string | null {
  if (typeof data !== 'string' || data.length === 0) return 'The data to sign must be a non-empty string';
  const t = data.trim();
  if (/^(0x)?[0-9a-fA-F]{64}$/.test(t)) return 'The data is a 32-byte hash (it could be a transaction digest)';
  const hex = t.replace(/^0x/, '').toLowerCase();
  if (/^[0-9a-f]+$/.test(hex) && hex.length % 2 === 0 && hex.length >= 64) {
    const ids = [...knownChainIds, ...EOS_NETWORKS.flatMap((n) => (n.chainId ? [n.chainId] : []))].map((c) => c.toLowerCase());
    if (ids.some((c) => hex.startsWith(c))) return 'The data starts with a chain id: it is a transaction signing preimage';
    try {
      const bytes = Bytes.from(hex, 'hex');
      const tx = Serializer.decode({ data: bytes, type: Transaction }) as Transaction;
      if (tx.actions.length > 0 && Serializer.encode({ object: tx }).array.length === bytes.length) return 'The data is a serialized transaction';
    } catch {
      /* not a transaction: fine */
    }
  }
  return null;
}

/** Scatter's getArbitrarySignature: ECDSA over sha256 of the UTF-8 data, as eosjs-ecc signs. */
export function signArbitrary(data: string, secretKey: Uint8Array, knownChainIds: readonly string[] = []): string {
  const why = arbitraryDataRefusal(data, knownChainIds);
  if (why) throw new EosError('refused-digest', `Refused to sign: ${why}`);
  return signDigest(sha256(utf8ToBytes(data)), secretKey);
}
