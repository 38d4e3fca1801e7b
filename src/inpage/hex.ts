/**
 * Hex helpers shared by the page providers: one copy in the script injected into every page instead
 * of one per family (TRON's address codec and utilities, Aptos' BCS values, Scatter's transactions).
 */

/** Bytes → lowercase hex, no prefix. */
export const toHex = (b: ArrayLike<number>): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** Hex (an optional `0x` prefix is dropped) → bytes. Callers pass even-length hex (checked by their own patterns). */
export const fromHex = (h: string): Uint8Array => Uint8Array.from(h.replace(/^0x/, '').match(/../g) ?? [], (x) => parseInt(x, 16));
