/**
 * Aptos accounts: SLIP-0010 ed25519 m/44'/637'/i'/0'/0' (Petra's numbering), legacy Ed25519
 * authentication key as address. publicKey is 0x + 32-byte hex, as the Aptos SDK prints it.
 */
import { parseHexSecret, to0xHex } from '../../../core/derive/bytes.ts';
import { ed25519PublicKey } from '../../../core/derive/curves.ts';
import { withSecretSafeErrors } from '../../../core/derive/errors.ts';
import type { DerivedKeypair } from '../../../core/types.ts';
import { IMPORTED_PATH, type ChainFamilyKeys } from '../../../core/chains/types.ts';
import { aptosAddressFromPublicKey, validateAptosAddress } from './address.ts';

const derivePath = (index: number): string => `m/44'/637'/${index}'/0'/0'`;
/** AIP-80 private key prefix. */
const AIP80_PREFIX = 'ed25519-priv-';

function keypair(seed32: Uint8Array, path: string): DerivedKeypair {
  const publicKey = ed25519PublicKey(seed32);
  return { address: aptosAddressFromPublicKey(publicKey), publicKey: to0xHex(publicKey), path, secretKey: seed32 };
}

/** AIP-80 `ed25519-priv-0x…` or plain (0x-optional) 32-byte hex. */
function parseAptosSecret(secret: string): Uint8Array {
  let text = secret.trim();
  if (text.toLowerCase().startsWith(AIP80_PREFIX)) text = text.slice(AIP80_PREFIX.length);
  return parseHexSecret(text, 32, 'An Aptos Ed25519 private key');
}

export const aptosKeys: ChainFamilyKeys = {
  family: 'aptos',
  networks: ['mainnet', 'testnet', 'devnet'],
  schemes: [],
  derivePath,
  fromSeed(seed, index) {
    const path = derivePath(index);
    return keypair(seed.ed25519(path), path);
  },
  fromSecret(secret) {
    return withSecretSafeErrors('Not a valid Aptos private key', () => keypair(parseAptosSecret(secret), IMPORTED_PATH));
  },
  formatAddress: (publicKey) => aptosAddressFromPublicKey(publicKey),
  validateAddress: (address) => validateAptosAddress(address),
};
