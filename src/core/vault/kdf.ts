/**
 * Password → key-encryption key (KEK). Argon2id (hash-wasm) is the current KDF; PBKDF2-SHA256
 * (WebCrypto) and scrypt (@noble/hashes) are read for imports / older vaults and for a no-WASM
 * fallback. Parameters below the floor of security-checklist §3 are refused before any work is
 * done (downgrade protection); parameters above a ceiling are refused too, so a hostile import
 * file cannot make the service worker allocate gigabytes or spin for minutes.
 *
 * The raw derive* functions take explicit parameters and do no floor check: they are the exact
 * call paths the vault uses, exported so known-answer tests exercise them.
 */
import { argon2id } from 'hash-wasm';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { VaultError } from './errors';
import type { KdfParams } from './types';
import { buf, utf8, wipe } from './encoding';

/** What new vaults, password changes and upgrades use: 64 MiB, 3 passes, 1 lane. */
export const CURRENT_KDF: Readonly<{ name: 'argon2id'; m: 65536; t: 3; p: 1 }> = Object.freeze({
  name: 'argon2id',
  m: 65536,
  t: 3,
  p: 1,
});

export const KEY_LENGTH = 32;
export const SALT_LENGTH = 16;
/** Salts we accept when reading (we write 16; other tools write up to 32/64). */
export const MIN_SALT_LENGTH = 16;
export const MAX_SALT_LENGTH = 64;

/** Floors (security-checklist §3 / OWASP). Anything lower is WEAK_PARAMETERS. */
export const KDF_FLOOR = Object.freeze({
  argon2id: { m: 19456, t: 2, p: 1 },
  pbkdf2: { iterations: 600_000 },
  scrypt: { N: 2 ** 15, r: 8, p: 1 },
});

/** Ceilings: above these is UNSUPPORTED_KDF (resource exhaustion, not a security floor). */
export const KDF_CEILING = Object.freeze({
  argon2id: { m: 1_048_576 /* 1 GiB */, t: 64, p: 16 },
  pbkdf2: { iterations: 10_000_000 },
  /** 128·N·r bytes of memory at most 1 GiB. */
  scrypt: { N: 2 ** 20, r: 32, p: 16, memoryBytes: 1024 ** 3 },
});

function isPosInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
}

/**
 * Checks structure, floor and ceiling of KDF parameters (no salt). Throws CORRUPT_VAULT for a
 * malformed value, UNSUPPORTED_KDF for an unknown name or above-ceiling cost, WEAK_PARAMETERS
 * below the floor. Returns a fresh object with exactly the known fields.
 */
export function validateKdfParams(input: unknown): KdfParams {
  if (typeof input !== 'object' || input === null) throw new VaultError('CORRUPT_VAULT');
  const o = input as Record<string, unknown>;
  switch (o.name) {
    case 'argon2id': {
      const { m, t, p } = o;
      if (!isPosInt(m) || !isPosInt(t) || !isPosInt(p)) throw new VaultError('CORRUPT_VAULT');
      const c = KDF_CEILING.argon2id;
      if (m > c.m || t > c.t || p > c.p) throw new VaultError('UNSUPPORTED_KDF');
      const f = KDF_FLOOR.argon2id;
      // Argon2 itself needs m ≥ 8·p; the floor already implies it for p ≤ 16.
      if (m < f.m || t < f.t || p < f.p || m < 8 * p) throw new VaultError('WEAK_PARAMETERS');
      return { name: 'argon2id', m, t, p };
    }
    case 'pbkdf2-sha256': {
      const { iterations } = o;
      if (!isPosInt(iterations)) throw new VaultError('CORRUPT_VAULT');
      if (iterations > KDF_CEILING.pbkdf2.iterations) throw new VaultError('UNSUPPORTED_KDF');
      if (iterations < KDF_FLOOR.pbkdf2.iterations) throw new VaultError('WEAK_PARAMETERS');
      return { name: 'pbkdf2-sha256', iterations };
    }
    case 'scrypt': {
      const { N, r, p } = o;
      if (!isPosInt(N) || !isPosInt(r) || !isPosInt(p)) throw new VaultError('CORRUPT_VAULT');
      if ((N & (N - 1)) !== 0 || N < 2) throw new VaultError('CORRUPT_VAULT'); // power of two
      const c = KDF_CEILING.scrypt;
      if (N > c.N || r > c.r || p > c.p || 128 * N * r > c.memoryBytes) throw new VaultError('UNSUPPORTED_KDF');
      const f = KDF_FLOOR.scrypt;
      if (N < f.N || r < f.r || p < f.p) throw new VaultError('WEAK_PARAMETERS');
      return { name: 'scrypt', N, r, p };
    }
    default:
      if (typeof o.name === 'string') throw new VaultError('UNSUPPORTED_KDF');
      throw new VaultError('CORRUPT_VAULT');
  }
}

/** True when a vault under these parameters should be re-wrapped under CURRENT_KDF (item 28). */
export function needsUpgrade(params: KdfParams): boolean {
  if (params.name !== 'argon2id') return true;
  // Stronger-than-current argon2id vaults are left alone: "upgrading" them would weaken them.
  return params.m < CURRENT_KDF.m || params.t < CURRENT_KDF.t;
}

/**
 * Passwords are Unicode-normalised (NFC, as RFC 8265's OpaqueString profile) so the same
 * password typed on two keyboards/OSes that compose accents differently opens the vault.
 */
export function passwordBytes(password: string): Uint8Array<ArrayBuffer> {
  return utf8(password.normalize('NFC'));
}

/** Argon2id v1.3 through hash-wasm (the exact call the vault makes). */
export async function deriveArgon2id(
  password: Uint8Array,
  salt: Uint8Array,
  params: { m: number; t: number; p: number; secret?: Uint8Array },
  length: number = KEY_LENGTH,
): Promise<Uint8Array<ArrayBuffer>> {
  const out = await argon2id({
    password,
    salt,
    ...(params.secret ? { secret: params.secret } : {}),
    memorySize: params.m,
    iterations: params.t,
    parallelism: params.p,
    hashLength: length,
    outputType: 'binary',
  });
  return buf(out);
}

/** PBKDF2-HMAC-SHA256 through WebCrypto (native, ~15× faster than pure JS). */
export async function derivePbkdf2Sha256(
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  length: number = KEY_LENGTH,
): Promise<Uint8Array<ArrayBuffer>> {
  const base = await globalThis.crypto.subtle.importKey('raw', buf(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await globalThis.crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations },
    base,
    length * 8,
  );
  return new Uint8Array(bits);
}

/** scrypt through @noble/hashes scryptAsync (yields to the event loop while it runs). */
export async function deriveScrypt(
  password: Uint8Array,
  salt: Uint8Array,
  params: { N: number; r: number; p: number },
  length: number = KEY_LENGTH,
): Promise<Uint8Array<ArrayBuffer>> {
  const out = await scryptAsync(password, salt, {
    N: params.N,
    r: params.r,
    p: params.p,
    dkLen: length,
    maxmem: KDF_CEILING.scrypt.memoryBytes + 1024 * 1024,
  });
  return buf(out);
}

/**
 * Derives the 32-byte KEK and imports it as a non-extractable AES-256-GCM key. `params` must
 * already have passed validateKdfParams. The raw key bytes and the encoded password are wiped
 * before returning (the JS string `password` itself cannot be wiped; see README in index.ts).
 */
export async function deriveKek(password: string, salt: Uint8Array, params: KdfParams): Promise<CryptoKey> {
  const pw = passwordBytes(password);
  let raw: Uint8Array<ArrayBuffer> | undefined;
  try {
    switch (params.name) {
      case 'argon2id':
        raw = await deriveArgon2id(pw, salt, params);
        break;
      case 'pbkdf2-sha256':
        raw = await derivePbkdf2Sha256(pw, salt, params.iterations);
        break;
      case 'scrypt':
        raw = await deriveScrypt(pw, salt, params);
        break;
    }
    return await globalThis.crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  } finally {
    wipe(pw, raw);
  }
}
