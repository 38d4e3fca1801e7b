/**
 * Strict parser for the stored vault file. Everything is validated before any key derivation
 * runs: version, KDF name and cost (floor and ceiling), base64 fields and their lengths, and no
 * unknown keys (nothing unauthenticated is carried along). Errors: UNSUPPORTED_VERSION,
 * UNSUPPORTED_KDF, WEAK_PARAMETERS, otherwise CORRUPT_VAULT.
 */
import { VaultError } from './errors';
import { MAX_SALT_LENGTH, MIN_SALT_LENGTH, KEY_LENGTH, validateKdfParams } from './kdf';
import { IV_LENGTH, TAG_LENGTH } from './aead';
import { fromB64 } from './encoding';
import type { KdfHeader, VaultFile } from './types';

export const VAULT_VERSION = 1 as const;
/** Upper bound on the encrypted payload (a few hundred wallets are a few tens of kB). */
export const MAX_DATA_BYTES = 4 * 1024 * 1024;

/** A vault file together with its decoded binary fields. */
export interface ParsedVault {
  file: VaultFile;
  salt: Uint8Array<ArrayBuffer>;
  wrapIv: Uint8Array<ArrayBuffer>;
  wrapCt: Uint8Array<ArrayBuffer>;
  dataIv: Uint8Array<ArrayBuffer>;
  dataCt: Uint8Array<ArrayBuffer>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw new VaultError('CORRUPT_VAULT');
}

function bytesField(v: unknown, min: number, max: number): Uint8Array<ArrayBuffer> {
  const b = fromB64(v);
  if (!b || b.length < min || b.length > max) throw new VaultError('CORRUPT_VAULT');
  return b;
}

const KDF_KEYS: Record<string, readonly string[]> = {
  argon2id: ['name', 'm', 't', 'p', 'salt'],
  'pbkdf2-sha256': ['name', 'iterations', 'salt'],
  scrypt: ['name', 'N', 'r', 'p', 'salt'],
};

/** Accepts the file as stored (object) or as a JSON string (e.g. an exported backup). */
export function parseVaultFile(input: unknown): ParsedVault {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch {
      throw new VaultError('CORRUPT_VAULT');
    }
  }
  if (!isRecord(raw)) throw new VaultError('CORRUPT_VAULT');

  // Version first: a future format may look corrupt to this parser in every other respect.
  const v = raw.v;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) throw new VaultError('CORRUPT_VAULT');
  if (v !== VAULT_VERSION) throw new VaultError('UNSUPPORTED_VERSION');
  onlyKeys(raw, ['v', 'kdf', 'wrap', 'data']);

  const kdfIn = raw.kdf;
  if (!isRecord(kdfIn)) throw new VaultError('CORRUPT_VAULT');
  const params = validateKdfParams(kdfIn); // name, floor and ceiling
  onlyKeys(kdfIn, KDF_KEYS[params.name] ?? []);
  const salt = bytesField(kdfIn.salt, MIN_SALT_LENGTH, MAX_SALT_LENGTH);
  const kdf = { ...params, salt: kdfIn.salt as string } as KdfHeader;

  const wrap = raw.wrap;
  const data = raw.data;
  if (!isRecord(wrap) || !isRecord(data)) throw new VaultError('CORRUPT_VAULT');
  onlyKeys(wrap, ['iv', 'ct']);
  onlyKeys(data, ['iv', 'ct']);
  const wrapIv = bytesField(wrap.iv, IV_LENGTH, IV_LENGTH);
  const wrapCt = bytesField(wrap.ct, KEY_LENGTH + TAG_LENGTH, KEY_LENGTH + TAG_LENGTH);
  const dataIv = bytesField(data.iv, IV_LENGTH, IV_LENGTH);
  const dataCt = bytesField(data.ct, TAG_LENGTH + 1, MAX_DATA_BYTES);

  return {
    file: {
      v: VAULT_VERSION,
      kdf,
      wrap: { iv: wrap.iv as string, ct: wrap.ct as string },
      data: { iv: data.iv as string, ct: data.ct as string },
    },
    salt,
    wrapIv,
    wrapCt,
    dataIv,
    dataCt,
  };
}
