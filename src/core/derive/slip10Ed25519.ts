/**
 * SLIP-0010 key derivation for ed25519 (hardened children only), shared by Solana and Aptos.
 * A derivation scheme over HMAC-SHA512 from @noble/hashes, checked against the SLIP-0010 vectors.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { KeyDerivationError } from './errors.ts';
import { HARDENED_OFFSET } from './path.ts';

export interface Slip10Node {
  /** 32-byte ed25519 private key (the RFC 8032 seed). */
  key: Uint8Array;
  chainCode: Uint8Array;
}

const ED25519_SEED_KEY = utf8ToBytes('ed25519 seed');

function split(i: Uint8Array): Slip10Node {
  return { key: i.slice(0, 32), chainCode: i.slice(32) };
}

export function slip10Ed25519Master(seed: Uint8Array): Slip10Node {
  return split(hmac(sha512, ED25519_SEED_KEY, seed));
}

export function slip10Ed25519Child(parent: Slip10Node, index: number): Slip10Node {
  if (index < HARDENED_OFFSET) throw new KeyDerivationError('SLIP-0010 ed25519 supports hardened derivation only');
  const data = new Uint8Array(37);
  data.set(parent.key, 1);
  new DataView(data.buffer).setUint32(33, index >>> 0, false);
  const out = split(hmac(sha512, parent.chainCode, data));
  data.fill(0);
  return out;
}

/** Derives along a list of (hardened) child numbers from a master node. */
export function slip10Ed25519Derive(master: Slip10Node, path: readonly number[]): Slip10Node {
  let node = master;
  for (const index of path) node = slip10Ed25519Child(node, index);
  return node;
}
