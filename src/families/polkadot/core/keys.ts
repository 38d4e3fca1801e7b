/**
 * Polkadot / Kusama accounts: sr25519 from the substrate-bip39 mini-secret, exactly as the
 * polkadot.js extension, Talisman and SubWallet derive them.
 *
 * Account numbering (index → SURI junctions appended to the mnemonic):
 *   0 → ''     (the mnemonic as-is: what polkadot.js, Talisman and SubWallet create and import)
 *   i → '//' + (i - 1)   (hard junction; '//0' is the second account, '//1' the third, …)
 * Talisman's account picker maps index 0 to '' and i to `//${i - 1}` ("for substrate, first account
 * should have an empty derivation path"); SubWallet's findNextDerivePair/derivePair give
 * substrate derive index n the SURI `//${n - 1}`, the root account being index 0.
 *
 * A numeric hard junction's chain code is the number as little-endian u64 zero-padded to 32 bytes
 * (polkadot.js DeriveJunction, sp-core); hard derivation is schnorrkel HDKD via @scure/sr25519.
 * The BIP39 passphrase is the SURI password (`mnemonic//1///passphrase`).
 * secretKey is the 64-byte @scure/sr25519 secret (key || nonce), which its sign() expects.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import * as sr25519 from '@scure/sr25519';
import { concatBytes, parseHexSecret, to0xHex, utf8ToBytes } from '../../../core/derive/bytes.ts';
import { KeyDerivationError, withSecretSafeErrors } from '../../../core/derive/errors.ts';
import type { DerivedKeypair } from '../../../core/types.ts';
import { IMPORTED_PATH, type AddressValidation, type ChainFamilyKeys, type ResolvedKeyOptions } from '../../../core/chains/types.ts';
import { POLKADOT_NETWORKS, ss58Prefix } from './networks.ts';
import { ss58Decode, ss58Encode } from './ss58.ts';

/** The SURI derivation path of account `index` (see the module comment). */
export function substrateDerivationPath(index: number): string {
  return index === 0 ? '' : `//${index - 1}`;
}

/**
 * Chain code of a hard junction, as polkadot.js DeriveJunction / sp-core compute it: a number is
 * its little-endian u64, a text is its SCALE encoding (compact length + UTF-8); either is
 * zero-padded to 32 bytes, or blake2b-256 hashed when longer than 32 bytes.
 */
function junctionChainCode(junction: string): Uint8Array {
  let encoded: Uint8Array;
  if (/^\d+$/.test(junction)) {
    const n = Number(junction);
    if (!Number.isSafeInteger(n)) throw new KeyDerivationError('Numeric junction is too large');
    encoded = new Uint8Array(8);
    const view = new DataView(encoded.buffer);
    view.setUint32(0, n % 0x1_0000_0000, true);
    view.setUint32(4, Math.floor(n / 0x1_0000_0000), true);
  } else {
    const text = utf8ToBytes(junction);
    if (text.length >= 1 << 14) throw new KeyDerivationError('Junction is too long');
    const len = text.length < 64 ? Uint8Array.of(text.length << 2) : Uint8Array.of(((text.length << 2) | 1) & 0xff, text.length >> 6);
    encoded = concatBytes(len, text);
  }
  if (encoded.length > 32) return blake2b(encoded, { dkLen: 32 });
  const cc = new Uint8Array(32);
  cc.set(encoded);
  return cc;
}

/** sr25519 secret for a mini-secret and a path of hard junctions ('', '//0', '//Alice//3'). Soft junctions are refused. */
export function sr25519FromMiniSecret(miniSecret: Uint8Array, path: string): Uint8Array {
  if (miniSecret.length !== 32) throw new KeyDerivationError('A substrate mini-secret is 32 bytes');
  if (path !== '' && !/^(\/\/[^/]+)+$/.test(path)) throw new KeyDerivationError('Only hard junctions (//name) are supported');
  let secret: Uint8Array = sr25519.secretFromSeed(miniSecret);
  for (const junction of path.split('//').slice(1)) {
    const next = sr25519.HDKD.secretHard(secret, junctionChainCode(junction));
    secret.fill(0);
    secret = next;
  }
  return secret;
}

export function polkadotAddressFromPublicKey(publicKey: Uint8Array, network: string): string {
  return ss58Encode(publicKey, ss58Prefix(network));
}

function keypair(secret: Uint8Array, path: string, opts: ResolvedKeyOptions): DerivedKeypair {
  const publicKey = sr25519.getPublicKey(secret);
  return { address: polkadotAddressFromPublicKey(publicKey, opts.network), publicKey: to0xHex(publicKey), path, secretKey: secret };
}

export function validatePolkadotAddress(address: string, network: string): AddressValidation {
  const expected = ss58Prefix(network);
  const decoded = ss58Decode(address);
  if (!decoded.ok) return decoded;
  if (decoded.prefix !== expected) {
    return { ok: false, reason: 'network', message: `This address is for another network (SS58 prefix ${decoded.prefix}, expected ${expected})` };
  }
  return { ok: true };
}

export const polkadotKeys: ChainFamilyKeys = {
  family: 'polkadot',
  networks: POLKADOT_NETWORKS,
  schemes: [],
  derivePath: (index) => substrateDerivationPath(index),
  fromSeed(seed, index, opts) {
    const path = substrateDerivationPath(index);
    const mini = seed.substrateMiniSecret();
    try {
      return keypair(sr25519FromMiniSecret(mini, path), path, opts);
    } finally {
      mini.fill(0);
    }
  },
  fromSecret(secret, opts) {
    return withSecretSafeErrors('Not a valid Polkadot seed', () => {
      const mini = parseHexSecret(secret, 32, 'A Polkadot raw seed');
      try {
        return keypair(sr25519FromMiniSecret(mini, ''), IMPORTED_PATH, opts);
      } finally {
        mini.fill(0);
      }
    });
  },
  formatAddress: (publicKey, opts) => polkadotAddressFromPublicKey(publicKey, opts.network),
  validateAddress: validatePolkadotAddress,
};
