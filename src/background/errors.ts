/** Errors the background sends to extension pages: a stable code plus a message free of secrets. */
export class WalletError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly waitMs?: number,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'WalletError';
  }
}

/** Turns anything thrown into a safe error shape; unknown errors never echo their text (it could hold input). */
export function toErrorShape(err: unknown): { code: string; message: string; waitMs?: number; params?: Record<string, string | number> } {
  if (err instanceof WalletError) return { code: err.code, message: err.message, ...(err.waitMs ? { waitMs: err.waitMs } : {}), ...(err.params ? { params: err.params } : {}) };
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) {
    return { code, message: (err as Error).message };
  }
  return { code: 'INTERNAL', message: 'Internal error' };
}
