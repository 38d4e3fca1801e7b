/**
 * Antelope (EOS) key strings. Public: `PUB_K1_` + base58(key || ripemd160(key || "K1")[0..4]),
 * legacy `EOS` + base58(key || ripemd160(key)[0..4]). Private: `PVT_K1_` (same K1 checksum) or
 * legacy WIF (base58check/sha256d of 0x80 || key, no compression flag).
 */
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base58, createBase58check } from '@scure/base';
import { concatBytes, equalBytes, tryParseHex, utf8ToBytes } from '../../../core/derive/bytes.ts';
import { isSecp256k1CompressedPoint } from '../../../core/derive/curves.ts';
import { KeyDerivationError } from '../../../core/derive/errors.ts';
import type { AddressValidation } from '../../../core/chains/types.ts';

const K1 = utf8ToBytes('K1');
const WIF_VERSION = 0x80;
const base58check = createBase58check(sha256);

const k1Checksum = (key: Uint8Array): Uint8Array => ripemd160(concatBytes(key, K1)).subarray(0, 4);
const legacyChecksum = (key: Uint8Array): Uint8Array => ripemd160(key).subarray(0, 4);

export function eosPublicKeyString(publicKey: Uint8Array): string {
  return `PUB_K1_${base58.encode(concatBytes(publicKey, k1Checksum(publicKey)))}`;
}

function legacyString(publicKey: Uint8Array): string {
  return `EOS${base58.encode(concatBytes(publicKey, legacyChecksum(publicKey)))}`;
}

type Decoded = { ok: true; key: Uint8Array } | Extract<AddressValidation, { ok: false }>;

function decodePublic(text: string): Decoded {
  const format = { ok: false, reason: 'format', message: 'An EOS public key is PUB_K1_… or EOS… followed by base58' } as const;
  if (typeof text !== 'string') return format;
  const k1 = text.startsWith('PUB_K1_');
  const legacy = !k1 && text.startsWith('EOS');
  if (!k1 && !legacy) return format;
  const body = text.slice(k1 ? 7 : 3);
  if (!/^[1-9A-HJ-NP-Za-km-z]{40,60}$/.test(body)) return format;
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(body);
  } catch {
    return format;
  }
  if (bytes.length !== 37) return format;
  const key = bytes.slice(0, 33);
  const expected = k1 ? k1Checksum(key) : legacyChecksum(key);
  if (!equalBytes(expected, bytes.subarray(33))) {
    return { ok: false, reason: 'checksum', message: 'EOS public key has an invalid checksum (check for a typo)' };
  }
  if (!isSecp256k1CompressedPoint(key)) return { ok: false, reason: 'format', message: 'Not a valid secp256k1 public key' };
  return { ok: true, key };
}

/** Accepts both the PUB_K1_ and the legacy EOS form. */
export function validateEosPublicKey(text: string): AddressValidation {
  const d = decodePublic(text);
  return d.ok ? { ok: true } : d;
}

/** Legacy `EOS…` form of a public key given as PUB_K1_ / EOS string, 33-byte hex or bytes. */
export function eosLegacyPublicKey(publicKey: string | Uint8Array): string {
  if (publicKey instanceof Uint8Array) {
    if (!isSecp256k1CompressedPoint(publicKey)) throw new KeyDerivationError('Expected a 33-byte compressed secp256k1 public key');
    return legacyString(publicKey);
  }
  const hex = tryParseHex(publicKey, 33);
  if (hex) return eosLegacyPublicKey(hex);
  const d = decodePublic(publicKey);
  if (!d.ok) throw new KeyDerivationError(d.message);
  return legacyString(d.key);
}

/** The 32-byte secret of a `PVT_K1_…` or legacy WIF (`5…`) EOS private key. */
export function parseEosPrivateKey(secret: string): Uint8Array {
  const text = secret.trim();
  const invalid = 'An EOS private key is PVT_K1_… or a legacy WIF key (5…)';
  if (text.startsWith('PVT_K1_')) {
    const bytes = base58.decode(text.slice(7));
    if (bytes.length !== 36) throw new KeyDerivationError(invalid);
    const key = bytes.slice(0, 32);
    if (!equalBytes(k1Checksum(key), bytes.subarray(32))) throw new KeyDerivationError('EOS private key has an invalid checksum');
    return key;
  }
  let payload: Uint8Array;
  try {
    payload = base58check.decode(text);
  } catch {
    throw new KeyDerivationError(`${invalid} (checksum or characters invalid)`);
  }
  if (payload.length !== 33 || payload[0] !== WIF_VERSION) throw new KeyDerivationError(invalid);
  return payload.slice(1);
}

/** `PVT_K1_…` string of a 32-byte secret (for export screens). */
export function eosPrivateKeyString(secretKey: Uint8Array): string {
  return `PVT_K1_${base58.encode(concatBytes(secretKey, k1Checksum(secretKey)))}`;
}
