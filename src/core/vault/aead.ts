/**
 * AES-256-GCM through WebCrypto: a fresh random 12-byte IV for every encryption, the canonical
 * header as additional data. open() returns null on any authentication failure so callers
 * decide which generic error to raise.
 */
import { buf, randomBytes } from './encoding';

export const IV_LENGTH = 12;
export const TAG_LENGTH = 16;

/** Imports 32 raw bytes as a non-extractable AES-256-GCM key. Does not keep or wipe `raw`. */
export async function importAesKey(raw: Uint8Array): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', buf(raw), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function seal(
  key: CryptoKey,
  plaintext: Uint8Array,
  aad: Uint8Array,
): Promise<{ iv: Uint8Array<ArrayBuffer>; ct: Uint8Array<ArrayBuffer> }> {
  const iv = randomBytes(IV_LENGTH);
  const ct = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: buf(aad), tagLength: TAG_LENGTH * 8 },
    key,
    buf(plaintext),
  );
  return { iv, ct: new Uint8Array(ct) };
}

export async function open(
  key: CryptoKey,
  iv: Uint8Array,
  ct: Uint8Array,
  aad: Uint8Array,
): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const pt = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: buf(iv), additionalData: buf(aad), tagLength: TAG_LENGTH * 8 },
      key,
      buf(ct),
    );
    return new Uint8Array(pt);
  } catch {
    return null;
  }
}
