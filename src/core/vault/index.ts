/**
 * Encrypted vault: Argon2id KEK → AES-256-GCM wrapped DEK → AES-256-GCM payload, versioned
 * header bound as AAD; legacy PBKDF2/scrypt read and upgraded; unlock throttle; state MACs.
 *
 * Memory hygiene (best effort): every Uint8Array the vault allocates for a password encoding,
 * raw KEK, DEK copy or decrypted plaintext is overwritten with zeros once used. JavaScript
 * cannot do better than that: strings (the password, mnemonics in the decrypted payload) are
 * immutable and live until garbage-collected, the GC may move buffers, and WebCrypto and the
 * hash-wasm WASM heap keep their own copies. Keys are imported non-extractable.
 */
export * from './types';
export { VaultError, isVaultError, type VaultErrorCode } from './errors';
export {
  createVault,
  unlockVault,
  openVaultWithDek,
  rewriteVault,
  changePassword,
  verifyPassword,
  type CreateVaultOptions,
  type CreatedVault,
  type UnlockedVault,
} from './vault';
export { CURRENT_KDF, KDF_FLOOR, KDF_CEILING, needsUpgrade } from './kdf';
export { VAULT_VERSION } from './format';
export { deriveMacKey, macState, verifyStateMac, canonicalJson } from './stateMac';
export {
  checkThrottle,
  recordFailure,
  recordSuccess,
  delayAfterFailures,
  INITIAL_THROTTLE_STATE,
  MAX_DELAY_MS,
  BACKOFF_AFTER,
  type ThrottleState,
  type ThrottleCheck,
} from './unlockThrottle';
