/**
 * TRON's base58check address codec for the injected provider. Reached only through `require()` in
 * provider.ts, on the first address conversion: the bundler wraps a module that is only required in
 * a lazy initializer, so these libraries' module top levels (noble's SHA-256 builds a hasher
 * instance, scure builds its base58 alphabet) run when a page first converts a TRON address, not
 * at document_start in every page (README "Benchmarks", page load).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { createBase58check } from '@scure/base';

export const base58check = createBase58check(sha256);
export { bytesToHex, hexToBytes };
