/**
 * BIP39 mnemonic handling: normalisation, validation with precise (secret-free) errors,
 * the 64-byte BIP39 seed, and the 32-byte substrate-bip39 mini-secret Polkadot wallets use.
 *
 * Why not `bip39`'s own functions: they build Node `Buffer`s, which do not exist in an MV3
 * service worker (WXT adds no polyfill). Only its English word list is used here; the hashing
 * is @noble/hashes (sha256 checksum, PBKDF2-HMAC-SHA512).
 */
// Only the English list: importing 'bip39' itself would bundle every language's list.
import englishWords from 'bip39/src/wordlists/english.json';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { KeyDerivationError } from './errors.ts';

const ENGLISH: readonly string[] = (() => {
  const list: unknown = englishWords;
  if (!Array.isArray(list) || list.length !== 2048) throw new Error('BIP39 English word list is unavailable');
  return list as string[];
})();
const WORD_INDEX: ReadonlyMap<string, number> = new Map(ENGLISH.map((w, i) => [w, i]));
const VALID_WORD_COUNTS = [12, 15, 18, 21, 24];

/** NFKD, lower case, single spaces: the canonical form the seed is computed from. */
export function normalizeMnemonic(mnemonic: string): string {
  if (typeof mnemonic !== 'string') throw new KeyDerivationError('Mnemonic must be a string');
  return mnemonic.normalize('NFKD').trim().toLowerCase().split(/\s+/).filter(Boolean).join(' ');
}

/**
 * Checks a mnemonic and returns its BIP39 entropy. Errors say which word position or rule failed,
 * never which word was given.
 */
export function mnemonicToEntropy(mnemonic: string): Uint8Array {
  const words = normalizeMnemonic(mnemonic).split(' ').filter(Boolean);
  if (!VALID_WORD_COUNTS.includes(words.length)) {
    throw new KeyDerivationError(`Invalid mnemonic: expected 12, 15, 18, 21 or 24 words, got ${words.length}`);
  }
  let bits = '';
  for (let i = 0; i < words.length; i++) {
    const idx = WORD_INDEX.get(words[i] ?? '');
    if (idx === undefined) throw new KeyDerivationError(`Invalid mnemonic: word ${i + 1} is not in the BIP39 English word list`);
    bits += idx.toString(2).padStart(11, '0');
  }
  const checksumBits = words.length / 3; // ENT/32 where ENT = words*11*32/33
  const entropyBits = bits.length - checksumBits;
  const entropy = new Uint8Array(entropyBits / 8);
  for (let i = 0; i < entropy.length; i++) entropy[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const hash = sha256(entropy);
  const expected = Array.from(hash.subarray(0, 1), (b) => b.toString(2).padStart(8, '0')).join('').slice(0, checksumBits);
  if (expected !== bits.slice(entropyBits)) throw new KeyDerivationError('Invalid mnemonic: checksum mismatch');
  return entropy;
}

/** Throws a KeyDerivationError unless the mnemonic is a valid English BIP39 phrase. */
export function assertValidMnemonic(mnemonic: string): void {
  mnemonicToEntropy(mnemonic).fill(0);
}

/** True when the mnemonic is a valid English BIP39 phrase. */
export function isValidMnemonic(mnemonic: string): boolean {
  try {
    assertValidMnemonic(mnemonic);
    return true;
  } catch {
    return false;
  }
}

function passphraseOrEmpty(passphrase: string | undefined): string {
  if (passphrase === undefined || passphrase === null) return '';
  if (typeof passphrase !== 'string') throw new KeyDerivationError('Passphrase must be a string');
  return passphrase;
}

/** BIP39 seed: PBKDF2-HMAC-SHA512(NFKD(mnemonic), 'mnemonic' + NFKD(passphrase), 2048) → 64 bytes. */
export function mnemonicToSeed(mnemonic: string, passphrase?: string): Uint8Array {
  assertValidMnemonic(mnemonic);
  const password = utf8ToBytes(normalizeMnemonic(mnemonic));
  const salt = utf8ToBytes(`mnemonic${passphraseOrEmpty(passphrase).normalize('NFKD')}`);
  return pbkdf2(sha512, password, salt, { c: 2048, dkLen: 64 });
}

/**
 * substrate-bip39 mini-secret, as polkadot.js / Talisman / SubWallet compute it: PBKDF2-HMAC-SHA512
 * over the BIP39 *entropy* (not the phrase), salt 'mnemonic' + password, 2048 rounds, first 32 bytes.
 * The password is NFC-normalised because polkadot.js normalises the whole SURI to NFC.
 */
export function mnemonicToMiniSecret(mnemonic: string, passphrase?: string): Uint8Array {
  const entropy = mnemonicToEntropy(mnemonic);
  const salt = utf8ToBytes(`mnemonic${passphraseOrEmpty(passphrase).normalize('NFC')}`);
  const full = pbkdf2(sha512, entropy, salt, { c: 2048, dkLen: 64 });
  entropy.fill(0);
  const mini = full.slice(0, 32);
  full.fill(0);
  return mini;
}

/** True when the word is in the BIP39 English list (for precise onboarding errors). */
export function isMnemonicWord(word: string): boolean {
  return WORD_INDEX.has(word.normalize('NFKD').toLowerCase());
}

/** A fresh English mnemonic from CSPRNG entropy: 128 bits → 12 words, 256 bits → 24 words. */
export function generateMnemonic(strength: 128 | 256 = 128): string {
  if (strength !== 128 && strength !== 256) throw new KeyDerivationError('Mnemonic strength must be 128 or 256 bits');
  const entropy = randomBytes(strength / 8);
  const checksumBits = strength / 32;
  const bits =
    Array.from(entropy, (b) => b.toString(2).padStart(8, '0')).join('') +
    Array.from(sha256(entropy).subarray(0, 1), (b) => b.toString(2).padStart(8, '0')).join('').slice(0, checksumBits);
  entropy.fill(0);
  const words: string[] = [];
  for (let i = 0; i < bits.length; i += 11) words.push(ENGLISH[parseInt(bits.slice(i, i + 11), 2)]!);
  return words.join(' ');
}
