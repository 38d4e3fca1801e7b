/**
 * Bitcoin accounts: m/purpose'/coin'/0'/0/i with purpose from the address scheme (BIP84 p2wpkh
 * default, BIP86 p2tr, BIP49 p2sh-p2wpkh, BIP44 p2pkh) and coin 0 on mainnet, 1 elsewhere.
 * publicKey is the 33-byte compressed key as plain hex for every scheme (also for p2tr; the x-only
 * internal key is `bitcoinTaprootInternalKey(publicKey)`).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';
import { bytesToHex, tryParseHex } from '../../../core/derive/bytes.ts';
import { secp256k1FromSecret } from '../../../core/derive/curves.ts';
import { KeyDerivationError, withSecretSafeErrors } from '../../../core/derive/errors.ts';
import type { DerivedKeypair } from '../../../core/types.ts';
import { IMPORTED_PATH, type ChainFamilyKeys, type ResolvedKeyOptions, type Secp256k1KeyPair } from '../../../core/chains/types.ts';
import { bitcoinAddress, validateBitcoinAddress } from './address.ts';
import { BITCOIN_NETWORKS, BITCOIN_SCHEMES, PURPOSE, btcNetwork, isBitcoinScheme } from './networks.ts';

const base58check = createBase58check(sha256);

function derivePath(index: number, opts: ResolvedKeyOptions): string {
  if (!isBitcoinScheme(opts.scheme)) throw new KeyDerivationError(`Unknown Bitcoin address scheme "${opts.scheme}"`);
  const coin = opts.network === 'mainnet' ? 0 : 1;
  return `m/${PURPOSE[opts.scheme]}'/${coin}'/0'/0/${index}`;
}

function keypair(pair: Secp256k1KeyPair, path: string, opts: ResolvedKeyOptions): DerivedKeypair {
  return {
    address: bitcoinAddress(pair.publicKey, opts.scheme, opts.network),
    publicKey: bytesToHex(pair.publicKey),
    path,
    secretKey: pair.secretKey,
  };
}

/** Compressed WIF (K…/L… mainnet, c… test networks) or 32-byte hex. */
function parseBitcoinSecret(secret: string, network: string): Uint8Array {
  const hex = tryParseHex(secret, 32);
  if (hex) return hex;
  let payload: Uint8Array;
  try {
    payload = base58check.decode(secret.trim());
  } catch {
    throw new KeyDerivationError('A Bitcoin private key must be WIF or 64 hex characters (WIF checksum or characters invalid)');
  }
  if (payload.length === 33) throw new KeyDerivationError('Uncompressed WIF keys are not supported; export a compressed WIF key');
  if (payload.length !== 34 || payload[33] !== 0x01) throw new KeyDerivationError('Not a valid Bitcoin WIF private key');
  if (payload[0] !== btcNetwork(network).wif) throw new KeyDerivationError(`This WIF key is not for Bitcoin ${network}`);
  return payload.slice(1, 33);
}

export const bitcoinKeys: ChainFamilyKeys = {
  family: 'bitcoin',
  networks: BITCOIN_NETWORKS,
  schemes: BITCOIN_SCHEMES,
  derivePath,
  fromSeed(seed, index, opts) {
    const path = derivePath(index, opts);
    return keypair(seed.secp256k1(path), path, opts);
  },
  fromSecret(secret, opts) {
    return withSecretSafeErrors('Not a valid Bitcoin private key', () =>
      keypair(secp256k1FromSecret(parseBitcoinSecret(secret, opts.network)), IMPORTED_PATH, opts),
    );
  },
  formatAddress: (publicKey, opts) => bitcoinAddress(publicKey, opts.scheme, opts.network),
  validateAddress: (address, network) => validateBitcoinAddress(address, network),
};
