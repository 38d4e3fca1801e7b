/**
 * Aptos accounts: SLIP-0010 ed25519 m/44'/637'/i'/0'/0' (Petra's numbering), legacy Ed25519
 * authentication key as address. publicKey is 0x + 32-byte hex, as the Aptos SDK prints it.
 */
import { parseHexSecret, to0xHex } from '../../../core/derive/bytes.ts';
import type { ChainFamilyKeys } from '../../../core/chains/types.ts';
import { ed25519AccountKeys } from '../../../core/chains/ed25519Account.ts';
import { aptosAddressFromPublicKey, validateAptosAddress } from './address.ts';

/** AIP-80 private key prefix. */
const AIP80_PREFIX = 'ed25519-priv-';

/** AIP-80 `ed25519-priv-0x…` or plain (0x-optional) 32-byte hex. */
function parseAptosSecret(secret: string): Uint8Array {
  let text = secret.trim();
  if (text.toLowerCase().startsWith(AIP80_PREFIX)) text = text.slice(AIP80_PREFIX.length);
  return parseHexSecret(text, 32, 'An Aptos Ed25519 private key');
}

export const aptosKeys: ChainFamilyKeys = ed25519AccountKeys({
  family: 'aptos',
  networks: ['mainnet', 'testnet', 'devnet'],
  derivePath: (index) => `m/44'/637'/${index}'/0'/0'`,
  address: aptosAddressFromPublicKey,
  publicKeyText: to0xHex,
  parseSecret: parseAptosSecret,
  invalidSecretMessage: 'Not a valid Aptos private key',
  validateAddress: (address) => validateAptosAddress(address),
});
