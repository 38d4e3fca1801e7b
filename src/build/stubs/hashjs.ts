/**
 * Stands in for `hash.js` in the extension's bundles (wxt.config.ts aliases it): the three hashes
 * @wharfkit/antelope uses (Checksum256/512/160.hash, its key checksums), with hash.js's calling
 * convention (`sha256().update(bytes).digest()` → an array of byte values), computed by
 * @noble/hashes, which the wallet already bundles. Saves hash.js's 16 kB of the worker's installed
 * bytes; tests/families/eos/signNoble.test.ts compares it with hash.js.
 */
import { ripemd160 as nobleRipemd160 } from '@noble/hashes/legacy.js';
import { sha256 as nobleSha256, sha512 as nobleSha512 } from '@noble/hashes/sha2.js';

interface Hasher {
  update(data: ArrayLike<number> | string, enc?: 'hex'): Hasher;
  digest(enc?: 'hex'): number[] | string;
}

type Noble = typeof nobleSha256 | typeof nobleSha512 | typeof nobleRipemd160;

function bytesOf(data: ArrayLike<number> | string, enc?: 'hex'): Uint8Array {
  if (typeof data !== 'string') return Uint8Array.from(data);
  if (enc === 'hex') return Uint8Array.from((data.length % 2 ? `0${data}` : data).match(/../g) ?? [], (h) => parseInt(h, 16));
  return new TextEncoder().encode(data);
}

function hasher(hash: Noble): () => Hasher {
  return () => {
    const state = hash.create();
    const h: Hasher = {
      update(data, enc) {
        state.update(bytesOf(data, enc));
        return h;
      },
      digest(enc) {
        const out = state.digest();
        return enc === 'hex' ? Array.from(out, (b) => b.toString(16).padStart(2, '0')).join('') : Array.from(out);
      },
    };
    return h;
  };
}

export const sha256 = hasher(nobleSha256);
export const sha512 = hasher(nobleSha512);
export const ripemd160 = hasher(nobleRipemd160);
export default { sha256, sha512, ripemd160 };
