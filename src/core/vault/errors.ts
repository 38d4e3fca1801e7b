/**
 * The vault's one error type. Every message is a fixed string chosen by the code, so no
 * password, mnemonic, key or decrypted byte can ever end up in a message, a log line or a
 * telemetry report (checklist items 35, 46). Underlying errors are deliberately not attached
 * as `cause`: a JSON.parse error on decrypted bytes, for example, quotes the plaintext.
 */

export type VaultErrorCode =
  /** Wrong password, or the wrapped key / data was tampered with. Deliberately one code. */
  | 'WRONG_PASSWORD'
  /** The DEK given to openVaultWithDek / rewriteVault does not open this vault. */
  | 'WRONG_KEY'
  /** Not a well-formed vault file (bad JSON, missing or mistyped fields, bad lengths). */
  | 'CORRUPT_VAULT'
  /** KDF parameters below the floor (§3 of the security checklist): a downgrade attempt. */
  | 'WEAK_PARAMETERS'
  /** A vault format version this build does not know. */
  | 'UNSUPPORTED_VERSION'
  /** An unknown KDF name, or parameters above the ceiling this build will run. */
  | 'UNSUPPORTED_KDF'
  /** The payload handed to createVault / rewriteVault does not have the VaultPayload shape. */
  | 'INVALID_PAYLOAD'
  /** Empty password or a DEK of the wrong length. */
  | 'INVALID_ARGUMENT';

const MESSAGES: Record<VaultErrorCode, string> = {
  WRONG_PASSWORD: 'Incorrect password',
  WRONG_KEY: 'The session key does not open this vault',
  CORRUPT_VAULT: 'The vault is damaged or is not a vault',
  WEAK_PARAMETERS: 'The vault uses key-derivation parameters below the security floor',
  UNSUPPORTED_VERSION: 'Unsupported vault version',
  UNSUPPORTED_KDF: 'Unsupported key-derivation function or parameters',
  INVALID_PAYLOAD: 'The wallet data is invalid',
  INVALID_ARGUMENT: 'Invalid argument',
};

export class VaultError extends Error {
  readonly code: VaultErrorCode;

  constructor(code: VaultErrorCode) {
    super(MESSAGES[code]);
    this.name = 'VaultError';
    this.code = code;
  }
}

export function isVaultError(err: unknown, code?: VaultErrorCode): err is VaultError {
  return err instanceof VaultError && (code === undefined || err.code === code);
}
