/**
 * The one error type key derivation throws. Messages describe what is wrong with an input
 * (its shape, length, network) and never echo the input itself, because inputs are secrets.
 */
export class KeyDerivationError extends Error {
  override readonly name = 'KeyDerivationError';
}

/** Runs `fn`, replacing any foreign error (whose message might quote secret input) by a generic one. */
export function withSecretSafeErrors<T>(message: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof KeyDerivationError) throw err;
    throw new KeyDerivationError(message);
  }
}
