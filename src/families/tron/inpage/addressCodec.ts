/**
 * TRON's base58check address codec for the injected provider (tronUtils.ts).
 *
 * The checksum is @noble/hashes' SHA-256. The base58 digits are a BigInt radix conversion here
 * instead of @scure/base's: an encoding, not crypto, and @scure/base's generic radix machinery
 * weighed ~1.3 KiB gzipped in a script injected into every page. tests/families/tron/inpageAddressCodec.test.ts
 * checks it against @scure/base's createBase58check(sha256) on random and malformed input.
 */
import { _SHA256 } from '@noble/hashes/sha2.js';
import { fromHex } from '../../../inpage/hex';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';


// noble's hash class, not its `sha256` wrapper: what `sha256(x)` runs (`sha256.create().update(x).digest()`)
// without the wrapper's option checks, ~0.25 KiB gzipped less in the page.
const sha256 = (data: Uint8Array): Uint8Array => new _SHA256().update(data).digest();
const checksum = (payload: Uint8Array): Uint8Array => sha256(sha256(payload)).subarray(0, 4);

// Its one error: tronUtils.ts turns any failure into "not an address" (null) or its own message.
const invalid = (): never => {
  throw new Error('Invalid base58check');
};

export const base58check = {
  encode(payload: Uint8Array): string {
    const bytes = [...payload, ...checksum(payload)];
    let n = 0n;
    for (const b of bytes) n = n * 256n + BigInt(b);
    let s = '';
    for (; n > 0n; n /= 58n) s = ALPHABET[Number(n % 58n)] + s;
    // Each leading zero byte is a leading '1'.
    for (let i = 0; bytes[i] === 0; i++) s = `1${s}`;
    return s;
  },
  decode(text: string): Uint8Array {
    let n = 0n;
    for (const c of text) {
      const d = ALPHABET.indexOf(c);
      if (d < 0) invalid();
      n = n * 58n + BigInt(d);
    }
    const hex = n > 0n ? n.toString(16) : '';
    const zeros = /^1*/.exec(text)![0].length;
    const bytes = Uint8Array.from([...new Uint8Array(zeros), ...fromHex(hex.length % 2 ? `0${hex}` : hex)]);
    if (bytes.length < 4) invalid();
    const payload = bytes.subarray(0, -4);
    const sum = checksum(payload);
    if (!bytes.subarray(-4).every((b, i) => b === sum[i])) invalid();
    return payload;
  },
};
