/**
 * The encrypted vault (security-checklist items 25-29, §3).
 *
 * Key hierarchy: password --Argon2id--> KEK (AES-256-GCM) wraps a random 256-bit DEK; the DEK
 * encrypts the JSON payload (AES-256-GCM). Both ciphertexts take a fresh 12-byte IV on every
 * write and carry the canonical header {v, kdf (with salt)} plus a purpose label as AAD, so
 * editing the header (e.g. lowering the KDF cost) or swapping the two ciphertexts fails to
 * decrypt. The DEK, never the password, is what the background may keep in storage.session to
 * resume after a service-worker restart (openVaultWithDek).
 *
 * Atomicity: every function returns ONE new VaultFile object and never mutates its input. The
 * caller replaces the stored vault with a single storage `set`, which the browser applies as
 * a unit, so a crash leaves either the old or the new vault, never a half-written one.
 */
import { importAesKey, open, seal } from './aead';
import { fromUtf8, headerAad, randomBytes, toB64, utf8, wipe } from './encoding';
import { VaultError } from './errors';
import { parseVaultFile, VAULT_VERSION, type ParsedVault } from './format';
import { CURRENT_KDF, KEY_LENGTH, SALT_LENGTH, deriveKek, needsUpgrade, validateKdfParams } from './kdf';
import { checkPayload } from './payload';
import type { KdfHeader, KdfParams, VaultFile, VaultPayload } from './types';

export interface CreateVaultOptions {
  /** KDF for this vault; defaults to CURRENT_KDF. Must be at or above the floor. */
  kdf?: KdfParams;
}

export interface CreatedVault {
  file: VaultFile;
  /** The 32-byte data key. The caller owns it (session storage) and wipes it on lock. */
  dek: Uint8Array;
}

export interface UnlockedVault {
  payload: VaultPayload;
  /** The 32-byte data key (a fresh array owned by the caller). */
  dek: Uint8Array;
  /** Present when the vault was under non-current KDF parameters: persist it (item 28). */
  upgraded?: VaultFile;
}

function kdfParamsOf(h: KdfHeader): KdfParams {
  switch (h.name) {
    case 'argon2id':
      return { name: 'argon2id', m: h.m, t: h.t, p: h.p };
    case 'pbkdf2-sha256':
      return { name: 'pbkdf2-sha256', iterations: h.iterations };
    case 'scrypt':
      return { name: 'scrypt', N: h.N, r: h.r, p: h.p };
  }
}

function requireNewPassword(password: unknown): asserts password is string {
  if (typeof password !== 'string' || password.length === 0) throw new VaultError('INVALID_ARGUMENT');
}

function requireDek(dek: unknown): asserts dek is Uint8Array {
  if (!(dek instanceof Uint8Array) || dek.length !== KEY_LENGTH) throw new VaultError('INVALID_ARGUMENT');
}

/** Encrypts `plaintext` under `dek` and wraps `dek` under a fresh password-derived KEK. */
async function sealNew(password: string, params: KdfParams, dek: Uint8Array, plaintext: Uint8Array): Promise<VaultFile> {
  const salt = randomBytes(SALT_LENGTH);
  const kdf = { ...params, salt: toB64(salt) } as KdfHeader;
  const kek = await deriveKek(password, salt, params);
  const wrap = await seal(kek, dek, headerAad(VAULT_VERSION, kdf, 'wrap'));
  const dataKey = await importAesKey(dek);
  const data = await seal(dataKey, plaintext, headerAad(VAULT_VERSION, kdf, 'data'));
  return {
    v: VAULT_VERSION,
    kdf,
    wrap: { iv: toB64(wrap.iv), ct: toB64(wrap.ct) },
    data: { iv: toB64(data.iv), ct: toB64(data.ct) },
  };
}

async function openData(parsed: ParsedVault, dataKey: CryptoKey): Promise<Uint8Array | null> {
  const { file, dataIv, dataCt } = parsed;
  return open(dataKey, dataIv, dataCt, headerAad(file.v, file.kdf, 'data'));
}

/**
 * Password → DEK → plaintext bytes. Any authentication failure, of the wrapped key or of the
 * data, is the same WRONG_PASSWORD: the caller learns nothing about which part failed.
 */
async function openWithPassword(
  file: unknown,
  password: unknown,
): Promise<{ parsed: ParsedVault; dek: Uint8Array; plaintext: Uint8Array }> {
  const parsed = parseVaultFile(file); // all header checks happen before the KDF runs
  if (typeof password !== 'string') throw new VaultError('INVALID_ARGUMENT');
  if (password.length === 0) throw new VaultError('WRONG_PASSWORD'); // no vault has an empty password
  const { file: f } = parsed;
  const kek = await deriveKek(password, parsed.salt, kdfParamsOf(f.kdf));
  const dek = await open(kek, parsed.wrapIv, parsed.wrapCt, headerAad(f.v, f.kdf, 'wrap'));
  if (!dek || dek.length !== KEY_LENGTH) {
    wipe(dek);
    throw new VaultError('WRONG_PASSWORD');
  }
  const plaintext = await openData(parsed, await importAesKey(dek));
  if (!plaintext) {
    wipe(dek);
    throw new VaultError('WRONG_PASSWORD');
  }
  return { parsed, dek, plaintext };
}

/** Authenticated plaintext → payload. Invalid here means a bug in the writer: CORRUPT_VAULT. */
function decodePayload(plaintext: Uint8Array): VaultPayload {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(plaintext));
  } catch {
    // Never rethrow the parser's error: V8 quotes the offending text, i.e. the secrets.
    throw new VaultError('CORRUPT_VAULT');
  }
  const payload = checkPayload(value);
  if (!payload) throw new VaultError('CORRUPT_VAULT');
  return payload;
}

function encodePayload(payload: unknown): Uint8Array {
  const checked = checkPayload(payload);
  if (!checked) throw new VaultError('INVALID_PAYLOAD');
  return utf8(JSON.stringify(checked));
}

/** Creates a new vault with a random DEK. */
export async function createVault(
  password: string,
  payload: VaultPayload,
  opts?: CreateVaultOptions,
): Promise<CreatedVault> {
  requireNewPassword(password);
  const params = validateKdfParams(opts?.kdf ?? CURRENT_KDF); // refuses to create a weak vault
  const plaintext = encodePayload(payload);
  const dek = randomBytes(KEY_LENGTH);
  try {
    const file = await sealNew(password, params, dek, plaintext);
    return { file, dek };
  } catch (err) {
    wipe(dek);
    throw err;
  } finally {
    wipe(plaintext);
  }
}

/**
 * Opens the vault with the password. When the header is below the current parameters, also
 * returns `upgraded`: the same payload and DEK re-wrapped under CURRENT_KDF with a new salt and
 * new IVs (the old ciphertexts appear nowhere in it). If the upgrade itself fails (e.g. WASM
 * unavailable on a scrypt fallback vault) the unlock still succeeds, without `upgraded`.
 */
export async function unlockVault(file: unknown, password: string): Promise<UnlockedVault> {
  const { parsed, dek, plaintext } = await openWithPassword(file, password);
  try {
    const payload = decodePayload(plaintext);
    let upgraded: VaultFile | undefined;
    if (needsUpgrade(kdfParamsOf(parsed.file.kdf))) {
      try {
        upgraded = await sealNew(password, CURRENT_KDF, dek, plaintext);
      } catch {
        upgraded = undefined;
      }
    }
    return upgraded ? { payload, dek, upgraded } : { payload, dek };
  } catch (err) {
    wipe(dek);
    throw err;
  } finally {
    wipe(plaintext);
  }
}

/** Opens the payload with a DEK kept in storage.session (service-worker restart). */
export async function openVaultWithDek(file: unknown, dek: Uint8Array): Promise<VaultPayload> {
  const parsed = parseVaultFile(file);
  requireDek(dek);
  const plaintext = await openData(parsed, await importAesKey(dek));
  if (!plaintext) throw new VaultError('WRONG_KEY');
  try {
    return decodePayload(plaintext);
  } finally {
    wipe(plaintext);
  }
}

/**
 * Replaces the payload (wallet added, renamed…): same header and wrapped key, new data IV.
 * The DEK is first checked against the current data ciphertext, so a stale or wrong session
 * key can never produce a vault whose data nobody can decrypt (WRONG_KEY instead).
 */
export async function rewriteVault(file: unknown, dek: Uint8Array, payload: VaultPayload): Promise<VaultFile> {
  const parsed = parseVaultFile(file);
  requireDek(dek);
  const plaintext = encodePayload(payload);
  try {
    const dataKey = await importAesKey(dek);
    const current = await openData(parsed, dataKey);
    if (!current) throw new VaultError('WRONG_KEY');
    wipe(current);
    const { file: f } = parsed;
    const data = await seal(dataKey, plaintext, headerAad(f.v, f.kdf, 'data'));
    return { v: f.v, kdf: f.kdf, wrap: { ...f.wrap }, data: { iv: toB64(data.iv), ct: toB64(data.ct) } };
  } finally {
    wipe(plaintext);
  }
}

/**
 * Re-wraps the (unchanged) DEK under a KEK from the new password with a new salt, at current
 * (or the vault's stronger) parameters. Because the data AAD binds the header, and the header
 * holds the salt, the data is re-sealed too: same DEK and plaintext bytes, new IV. Everything
 * secret is therefore re-encrypted (item 29) while a DEK held in storage.session stays valid.
 *
 * Returns ONE new object; the caller stores it with a single storage `set` (atomic: a crash
 * leaves the old vault, still opened by the old password, or the new one; never neither).
 * Note: the DEK is kept, so someone who cracks an OLD copy of the file can still read data
 * written later; rotating the DEK would need every holder of the session key to be updated.
 */
export async function changePassword(
  file: unknown,
  oldPassword: string,
  newPassword: string,
): Promise<CreatedVault> {
  requireNewPassword(newPassword); // before the expensive KDF
  const { parsed, dek, plaintext } = await openWithPassword(file, oldPassword);
  try {
    const oldParams = kdfParamsOf(parsed.file.kdf);
    const params = needsUpgrade(oldParams) ? CURRENT_KDF : oldParams;
    return { file: await sealNew(newPassword, params, dek, plaintext), dek };
  } catch (err) {
    wipe(dek);
    throw err;
  } finally {
    wipe(plaintext);
  }
}

/**
 * Re-authentication for export (item 32). True when the password unwraps the DEK. Only the
 * wrapped key is opened (no secret plaintext is produced); a tampered data ciphertext would
 * still fail at unlock/export time. Malformed or weak files throw VaultError as unlockVault does.
 * This is an oracle like unlock: the caller must apply the same throttle to it.
 */
export async function verifyPassword(file: unknown, password: string): Promise<boolean> {
  const parsed = parseVaultFile(file);
  if (typeof password !== 'string' || password.length === 0) return false;
  const { file: f } = parsed;
  const kek = await deriveKek(password, parsed.salt, kdfParamsOf(f.kdf));
  const dek = await open(kek, parsed.wrapIv, parsed.wrapCt, headerAad(f.v, f.kdf, 'wrap'));
  const ok = dek !== null && dek.length === KEY_LENGTH;
  wipe(dek);
  return ok;
}
