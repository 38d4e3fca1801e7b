/**
 * Bitcoin address encoding (via @scure/btc-signer) and validation that tells a typo (checksum)
 * from a wrong network or a string that is no Bitcoin address at all.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import { p2pkh, p2sh, p2tr, p2wpkh } from '@scure/btc-signer';
import { bytesToHex, hexToBytes } from '../../../core/derive/bytes.ts';
import { KeyDerivationError } from '../../../core/derive/errors.ts';
import type { AddressValidation } from '../../../core/chains/types.ts';
import { btcNetwork, isBitcoinScheme, type BitcoinScheme } from './networks.ts';

const base58check = createBase58check(sha256);

/** Address of a 33-byte compressed key. p2tr is BIP86 key-path only (internal key tweaked with no script tree). */
export function bitcoinAddress(publicKey: Uint8Array, scheme: BitcoinScheme | string, network: string): string {
  const net = btcNetwork(network);
  if (publicKey.length !== 33) throw new KeyDerivationError('Bitcoin addresses need a 33-byte compressed public key');
  if (!isBitcoinScheme(scheme)) throw new KeyDerivationError(`Unknown Bitcoin address scheme "${scheme}"`);
  let address: string | undefined;
  switch (scheme) {
    case 'p2wpkh':
      address = p2wpkh(publicKey, net).address;
      break;
    case 'p2tr':
      address = p2tr(publicKey.subarray(1), undefined, net).address;
      break;
    case 'p2sh-p2wpkh':
      address = p2sh(p2wpkh(publicKey, net), net).address;
      break;
    case 'p2pkh':
      address = p2pkh(publicKey, net).address;
      break;
  }
  if (!address) throw new KeyDerivationError('Could not encode the Bitcoin address');
  return address;
}

/** The BIP340 x-only internal key (32 bytes hex) of a compressed key: what BIP86 tweaks. */
export function bitcoinTaprootInternalKey(publicKey: Uint8Array | string): string {
  const bytes = typeof publicKey === 'string' ? hexToBytes(publicKey.replace(/^0x/, '')) : publicKey;
  if (bytes.length !== 33) throw new KeyDerivationError('Expected a 33-byte compressed public key');
  return bytesToHex(bytes.subarray(1));
}

const BECH32_CHARS = /^[qpzry9x8gf2tvdw0s3jn54khce6mua7l]+$/;
const BASE58_CHARS = /^[1-9A-HJ-NP-Za-km-z]+$/;
const MAIN_VERSIONS = [0x00, 0x05];
const TEST_VERSIONS = [0x6f, 0xc4];

const bad = (reason: 'format' | 'checksum' | 'network', message: string): AddressValidation => ({ ok: false, reason, message });

function validateSegwit(address: string, expectedHrp: string): AddressValidation {
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) {
    return bad('format', 'Bitcoin bech32 addresses cannot mix upper and lower case');
  }
  const lower = address.toLowerCase();
  const sep = lower.lastIndexOf('1');
  const hrp = lower.slice(0, sep);
  const data = lower.slice(sep + 1);
  if (!BECH32_CHARS.test(data) || data.length < 7 || lower.length > 90) return bad('format', 'Not a valid Bitcoin address');
  let decoded: { words: number[]; variant: 'bech32' | 'bech32m' } | null = null;
  const b32 = bech32.decodeUnsafe(lower);
  if (b32) decoded = { words: Array.from(b32.words), variant: 'bech32' };
  else {
    const b32m = bech32m.decodeUnsafe(lower);
    if (b32m) decoded = { words: Array.from(b32m.words), variant: 'bech32m' };
  }
  if (!decoded) return bad('checksum', 'Bitcoin address has an invalid checksum (check for a typo)');
  const [version, ...rest] = decoded.words;
  if (version === undefined) return bad('format', 'Not a valid Bitcoin address');
  // BIP350: version 0 must use bech32, versions 1+ bech32m; anything else fails the checksum.
  if ((version === 0) !== (decoded.variant === 'bech32')) {
    return bad('checksum', 'Bitcoin address has an invalid checksum (check for a typo)');
  }
  let program: Uint8Array;
  try {
    program = bech32.fromWords(rest);
  } catch {
    return bad('format', 'Not a valid Bitcoin address');
  }
  const okProgram = (version === 0 && (program.length === 20 || program.length === 32)) || (version === 1 && program.length === 32);
  if (!okProgram) return bad('format', 'Unsupported or malformed Bitcoin witness program');
  if (hrp !== expectedHrp) return bad('network', `This Bitcoin address is for a different network (prefix ${hrp}1)`);
  return { ok: true };
}

function validateBase58(address: string, network: string): AddressValidation {
  if (!BASE58_CHARS.test(address) || address.length < 26 || address.length > 35) return bad('format', 'Not a valid Bitcoin address');
  let payload: Uint8Array;
  try {
    payload = base58check.decode(address);
  } catch {
    return bad('checksum', 'Bitcoin address has an invalid checksum (check for a typo)');
  }
  const version = payload[0];
  if (payload.length !== 21 || version === undefined) return bad('format', 'Not a valid Bitcoin address');
  const isMain = MAIN_VERSIONS.includes(version);
  if (!isMain && !TEST_VERSIONS.includes(version)) return bad('format', 'Not a Bitcoin address');
  if (isMain !== (network === 'mainnet')) return bad('network', 'This Bitcoin address is for a different network');
  return { ok: true };
}

export function validateBitcoinAddress(address: string, network: string): AddressValidation {
  const net = btcNetwork(network);
  if (typeof address !== 'string' || address.length === 0) return bad('format', 'Not a valid Bitcoin address');
  if (/^(bc|tb|bcrt)1/i.test(address)) return validateSegwit(address, net.bech32);
  return validateBase58(address, network);
}
