/** Errors returned to dApps: EIP-1193 / EIP-1474 codes with plain messages. */
import type { ProviderErrorShape } from '../../protocol/dapp';

export class ProviderError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
  toShape(): ProviderErrorShape {
    return { code: this.code, message: this.message, ...(this.data !== undefined ? { data: this.data } : {}) };
  }
}

export const userRejected = (): ProviderError => new ProviderError(4001, 'User rejected the request.');
export const unauthorized = (): ProviderError => new ProviderError(4100, 'The requested account and/or method has not been authorized by the user.');
export const unsupported = (method: string): ProviderError => new ProviderError(4200, `The wallet does not support the method "${method.slice(0, 100)}".`);
export const invalidParams = (why: string): ProviderError => new ProviderError(-32602, `Invalid params: ${why}`);
export const pendingRequest = (): ProviderError => new ProviderError(-32002, 'A request of this type is already pending for this site. Open the wallet to continue.');

/** Anything thrown inside a handler becomes a safe shape; internal errors don't leak their text. */
export function toProviderError(err: unknown): ProviderErrorShape {
  if (err instanceof ProviderError) return err.toShape();
  const e = err as { code?: unknown; message?: unknown; data?: unknown };
  if (typeof e?.code === 'number' && typeof e.message === 'string') return { code: e.code, message: e.message, ...(e.data !== undefined ? { data: e.data } : {}) };
  return { code: -32603, message: 'Internal error' };
}

/** A family's `guard`: runs `fn` and turns what it throws into a dApp error with the family's `map`. */
export function errorGuard(map: (err: unknown) => unknown): <T>(fn: () => T | Promise<T>) => Promise<T> {
  return async (fn) => {
    try {
      return await fn();
    } catch (err) {
      throw map(err);
    }
  };
}

/** An optional object parameter: absent → {}, anything but a plain object refused. */
export function optionalObject(v: unknown, what: string): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw invalidParams(`${what} must be an object`);
  return v as Record<string, unknown>;
}
