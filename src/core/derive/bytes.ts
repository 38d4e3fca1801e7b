/**
 * Byte and text helpers shared by the chain families: hex in and out, and parsing of
 * hex-encoded secrets with length checks whose errors never quote the secret.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { KeyDerivationError } from './errors.ts';

export { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** Lower-case hex with a 0x prefix. */
export function to0xHex(bytes: Uint8Array): string {
  return `0x${bytesToHex(bytes)}`;
}

const HEX_RE = /^(?:0x)?([0-9a-fA-F]*)$/;

/** Parses `0x`-optional hex of exactly `length` bytes, or returns null when it is not such hex. */
export function tryParseHex(input: string, length: number): Uint8Array | null {
  const m = HEX_RE.exec(input.trim());
  const body = m?.[1];
  if (body === undefined || body.length !== length * 2) return null;
  return hexToBytes(body);
}

/** Like tryParseHex but throws a KeyDerivationError naming `what` (not the value) on failure. */
export function parseHexSecret(input: string, length: number, what: string): Uint8Array {
  const out = tryParseHex(input, length);
  if (!out) throw new KeyDerivationError(`${what} must be ${length} bytes of hex (${length * 2} hex characters, optional 0x)`);
  return out;
}

/** Constant-shape byte equality (inputs here are public checksums, so timing is not a concern). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
