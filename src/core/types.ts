/**
 * Shared core types: the chain families and the public account shape.
 * Pure TypeScript: nothing here may import a browser API.
 */
import type { Family } from '../families/ids.ts';

export { FAMILIES, type Family } from '../families/ids.ts';

export interface DeriveOptions {
  mnemonic: string;
  passphrase?: string;
  family: Family;
  index: number;
  /** Defaults to mainnet. 'testnet' (and 'regtest') for Bitcoin, 'kusama' for the polkadot family. */
  network?: string;
  /** Bitcoin address type: 'p2wpkh' (default), 'p2tr', 'p2sh-p2wpkh', 'p2pkh'. */
  scheme?: string;
}

export interface DerivedAccount {
  address: string;
  publicKey: string;
  path: string;
}

/** A derived account together with its signing key. Only the background ever holds one. */
export interface DerivedKeypair extends DerivedAccount {
  /** Raw secret key bytes as the family's signer expects them (secp256k1 32 bytes, ed25519 32-byte seed, sr25519 64-byte secret). */
  secretKey: Uint8Array;
}
