/**
 * Solana accounts: SLIP-0010 ed25519 m/44'/501'/i'/0' (Phantom, Solflare and Backpack's numbering).
 * publicKey is base58, identical to the address, as Solana tools print it.
 */
import { base58 } from '@scure/base';
import { equalBytes } from '../../../core/derive/bytes.ts';
import { ed25519PublicKey } from '../../../core/derive/curves.ts';
import { KeyDerivationError } from '../../../core/derive/errors.ts';
import type { ChainFamilyKeys } from '../../../core/chains/types.ts';
import { ed25519AccountKeys } from '../../../core/chains/ed25519Account.ts';
import { solanaAddressFromPublicKey, validateSolanaAddress } from './address.ts';

/** base58 of the 64-byte secret (seed || public key, as Phantom exports) or of the 32-byte seed; or a JSON byte array (Solana CLI keyfile). */
function parseSolanaSecret(secret: string): Uint8Array {
  const text = secret.trim();
  let bytes: Uint8Array;
  if (text.startsWith('[')) {
    const arr: unknown = JSON.parse(text);
    if (!Array.isArray(arr) || !arr.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)) {
      throw new KeyDerivationError('A Solana keyfile must be a JSON array of bytes');
    }
    bytes = Uint8Array.from(arr as number[]);
  } else {
    bytes = base58.decode(text);
  }
  if (bytes.length === 32) return bytes;
  if (bytes.length !== 64) throw new KeyDerivationError('A Solana private key is 64 bytes (or a 32-byte seed)');
  const seed = bytes.slice(0, 32);
  if (!equalBytes(ed25519PublicKey(seed), bytes.subarray(32))) {
    throw new KeyDerivationError('This Solana private key is corrupt: its public half does not match');
  }
  bytes.fill(0);
  return seed;
}

export const solanaKeys: ChainFamilyKeys = ed25519AccountKeys({
  family: 'solana',
  // Devnet and testnet use mainnet's address format.
  networks: ['mainnet', 'testnet', 'devnet'],
  derivePath: (index) => `m/44'/501'/${index}'/0'`,
  address: solanaAddressFromPublicKey,
  // The public key is shown as its address (base58), as Solana tools print it.
  publicKeyText: solanaAddressFromPublicKey,
  parseSecret: parseSolanaSecret,
  invalidSecretMessage: 'Not a valid Solana private key (expected base58)',
  validateAddress: (address) => validateSolanaAddress(address),
});
