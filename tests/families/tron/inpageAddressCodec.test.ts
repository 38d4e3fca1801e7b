/**
 * The injected tronWeb facade's base58check codec (src/families/tron/inpage/addressCodec.ts) against
 * @scure/base's createBase58check(sha256) (the codec it replaced in the page) and TronWeb's own
 * address utilities, on published addresses, random payloads and malformed text.
 */
import { describe, expect, it } from 'vitest';
import { createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex as nobleToHex, hexToBytes as nobleFromHex, randomBytes } from '@noble/hashes/utils.js';
import { TronWeb } from 'tronweb';
import { base58check } from '../../../src/families/tron/inpage/addressCodec';
import { toHex as bytesToHex, fromHex as hexToBytes } from '../../../src/inpage/hex';

const scure = createBase58check(sha256);
// Published pairs: the USDT TRC-20 contract and TRON's zero (black-hole) address.
const KNOWN: Array<[string, string]> = [
  ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', '41a614f803b6fd780986a42c78ec9c7f77e6ded13c'],
  ['T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb', '410000000000000000000000000000000000000000'],
];

describe('TRON inpage address codec', () => {
  it('encodes and decodes the published addresses, as TronWeb does', () => {
    for (const [b58, hex] of KNOWN) {
      expect(base58check.encode(hexToBytes(hex))).toBe(b58);
      expect(bytesToHex(base58check.decode(b58))).toBe(hex);
      expect(TronWeb.address.toHex(b58)).toBe(hex);
      expect(TronWeb.address.fromHex(hex)).toBe(b58);
    }
  });

  it('matches @scure/base on random payloads, leading zero bytes and empty ones included', () => {
    for (let i = 0; i < 400; i++) {
      const len = i % 40;
      const payload = randomBytes(len);
      if (i % 5 === 0 && len > 0) payload.fill(0, 0, Math.min(len, 1 + (i % 3)));
      const text = scure.encode(payload);
      expect(base58check.encode(payload)).toBe(text);
      expect(nobleToHex(base58check.decode(text))).toBe(nobleToHex(payload));
    }
  });

  it('rejects what @scure/base rejects: bad characters, bad checksums, too-short input', () => {
    const good = KNOWN[0]![0];
    const bad = [
      '', '1', '111', 'T', good.slice(0, -1), `${good}1`, good.replace('T', '0'), good.replace('R', 'I'), good.replace('q', 'l'),
      good.slice(0, 10) + (good[10] === 'a' ? 'b' : 'a') + good.slice(11),
    ];
    for (let i = 0; i < 200; i++) {
      const text = scure.encode(randomBytes(21));
      const at = i % text.length;
      bad.push(text.slice(0, at) + (text[at] === '2' ? '3' : '2') + text.slice(at + 1));
    }
    for (const text of bad) {
      let scureThrew = false;
      try {
        scure.decode(text);
      } catch {
        scureThrew = true;
      }
      expect(scureThrew, text).toBe(true);
      expect(() => base58check.decode(text), text).toThrow(/Invalid base58/);
    }
  });

  it('hex helpers agree with noble', () => {
    for (let i = 0; i < 50; i++) {
      const b = randomBytes(i);
      expect(bytesToHex(b)).toBe(nobleToHex(b));
      expect(hexToBytes(nobleToHex(b))).toEqual(nobleFromHex(nobleToHex(b)));
    }
  });
});
