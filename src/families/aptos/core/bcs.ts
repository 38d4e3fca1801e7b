/**
 * Binary Canonical Serialization, the subset Aptos transactions use: little-endian fixed-width
 * integers, ULEB128 lengths and enum variants, length-prefixed byte strings. The reader is strict:
 * it refuses reading past the end, non-canonical ULEB128 and (via end()) trailing bytes, so a
 * payload the approval window shows is exactly the one that gets signed.
 */
import { malformed } from './errors.ts';

const MAX_U32 = 0xffff_ffff;

export class BcsWriter {
  #out: number[] = [];

  u8(v: number): this {
    this.#out.push(v & 0xff);
    return this;
  }
  /** Unsigned little-endian integer of `bytes` bytes. */
  uint(v: bigint, bytes: number): this {
    if (v < 0n || v >= 1n << BigInt(bytes * 8)) throw malformed(`${v} does not fit in u${bytes * 8}`);
    for (let i = 0; i < bytes; i++) this.#out.push(Number((v >> BigInt(8 * i)) & 0xffn));
    return this;
  }
  u64(v: bigint): this {
    return this.uint(v, 8);
  }
  bool(v: boolean): this {
    return this.u8(v ? 1 : 0);
  }
  uleb(v: number): this {
    if (!Number.isSafeInteger(v) || v < 0 || v > MAX_U32) throw malformed(`length ${v} out of range`);
    let n = v;
    do {
      let byte = n & 0x7f;
      n = Math.floor(n / 128);
      if (n > 0) byte |= 0x80;
      this.#out.push(byte);
    } while (n > 0);
    return this;
  }
  fixed(b: Uint8Array): this {
    for (const x of b) this.#out.push(x);
    return this;
  }
  bytes(b: Uint8Array): this {
    return this.uleb(b.length).fixed(b);
  }
  str(s: string): this {
    return this.bytes(new TextEncoder().encode(s));
  }
  toBytes(): Uint8Array {
    return Uint8Array.from(this.#out);
  }
}

export class BcsReader {
  #b: Uint8Array;
  #i = 0;
  constructor(bytes: Uint8Array) {
    this.#b = bytes;
  }
  get remaining(): number {
    return this.#b.length - this.#i;
  }
  fixed(n: number): Uint8Array {
    if (n > this.remaining) throw malformed(`the BCS data ends early (wanted ${n} bytes at offset ${this.#i})`);
    const out = this.#b.slice(this.#i, this.#i + n);
    this.#i += n;
    return out;
  }
  u8(): number {
    return this.fixed(1)[0]!;
  }
  uint(bytes: number): bigint {
    const b = this.fixed(bytes);
    let v = 0n;
    for (let i = bytes - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
    return v;
  }
  u64(): bigint {
    return this.uint(8);
  }
  bool(): boolean {
    const v = this.u8();
    if (v > 1) throw malformed(`invalid BCS bool ${v}`);
    return v === 1;
  }
  uleb(): number {
    let v = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.u8();
      v += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) {
        if (byte === 0 && shift > 0) throw malformed('non-canonical ULEB128');
        if (v > MAX_U32) throw malformed('ULEB128 value out of range');
        return v;
      }
    }
    throw malformed('ULEB128 value too long');
  }
  bytes(): Uint8Array {
    return this.fixed(this.uleb());
  }
  str(): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes());
    } catch {
      throw malformed('a BCS string is not valid UTF-8');
    }
  }
  /** A vector: length then `n` items. */
  vec<T>(item: (r: BcsReader) => T, max = 4096): T[] {
    const n = this.uleb();
    if (n > max) throw malformed(`a vector of ${n} items is more than ${max}`);
    return Array.from({ length: n }, () => item(this));
  }
  end(what: string): void {
    if (this.remaining !== 0) throw malformed(`${what} has ${this.remaining} trailing bytes`);
  }
}
