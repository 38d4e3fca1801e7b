/**
 * Byte helpers for the vault: strict base64, UTF-8, random bytes, wiping, and the canonical
 * header serialisation that is bound as AES-GCM additional data.
 */
import { base64 } from '@scure/base';
import type { KdfHeader } from './types';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * TS 5.7+ types WebCrypto inputs as ArrayBuffer-backed views. Every array we handle is
 * ArrayBuffer-backed (nothing here uses SharedArrayBuffer), so this is a type-level cast only:
 * no copy, so wiping the original still wipes what WebCrypto was given.
 */
export function buf(u: Uint8Array): Uint8Array<ArrayBuffer> {
  return u as Uint8Array<ArrayBuffer>;
}

export function utf8(s: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(s);
}

/** Throws on invalid UTF-8 (fatal decoder). */
export function fromUtf8(b: Uint8Array): string {
  return decoder.decode(b);
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export function toB64(b: Uint8Array): string {
  return base64.encode(b);
}

/** Strict RFC 4648 base64 (padding and non-zero trailing bits rejected). Null when invalid. */
export function fromB64(s: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof s !== 'string') return null;
  try {
    return buf(base64.decode(s));
  } catch {
    return null;
  }
}

/**
 * Overwrites buffers we own. Best effort only: JS strings (password, mnemonic) are immutable
 * and cannot be wiped, the GC may have copied a buffer, and WebCrypto/WASM keep their own copies.
 */
export function wipe(...arrays: Array<Uint8Array | null | undefined>): void {
  for (const a of arrays) a?.fill(0);
}

export type AadPurpose = 'wrap' | 'data';

/**
 * Canonical AAD for a ciphertext: a JSON array with a fixed field order built from the
 * *validated* header values (never from the input object, whose key order and extra keys are
 * attacker-controlled), plus a purpose label so the wrapped key and the data ciphertext cannot
 * be swapped for one another.
 */
export function headerAad(v: number, kdf: KdfHeader, purpose: AadPurpose): Uint8Array<ArrayBuffer> {
  let params: Array<string | number>;
  switch (kdf.name) {
    case 'argon2id':
      params = ['argon2id', kdf.m, kdf.t, kdf.p, kdf.salt];
      break;
    case 'pbkdf2-sha256':
      params = ['pbkdf2-sha256', kdf.iterations, kdf.salt];
      break;
    case 'scrypt':
      params = ['scrypt', kdf.N, kdf.r, kdf.p, kdf.salt];
      break;
  }
  return utf8(JSON.stringify(['multichain-wallet/vault', v, purpose, params]));
}
