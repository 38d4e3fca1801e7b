/**
 * Entry-function arguments by their Move parameter types (from the module ABI): JSON values as
 * dApps pass them to signAndSubmitTransaction (numbers, decimal strings, bigints, hex, arrays,
 * null for Option::none) become BCS, and BCS arguments become display text for the approval. The
 * same rules as @aptos-labs/ts-sdk's ABI-based conversion, checked by its tests; a value that does
 * not fit its type is refused with the argument's position and type.
 */
import { bytesToHex, hexToBytes, utf8ToBytes } from '../../../core/derive/bytes.ts';
import { BcsReader, BcsWriter } from './bcs.ts';
import { malformed } from './errors.ts';
import { addressBytes, addressFromBytes, isStruct, longAddress, typeTagToString, type TypeTag } from './typeTag.ts';

/** A value the page passed as ready BCS bytes (a ts-sdk argument object's bcsToBytes()). */
export interface BcsArg {
  bcs: string;
}
const isBcsArg = (v: unknown): v is BcsArg => typeof v === 'object' && v !== null && typeof (v as BcsArg).bcs === 'string' && Object.keys(v).length === 1;

const WIDTH: Readonly<Record<string, number>> = { u8: 1, u16: 2, u32: 4, u64: 8, u128: 16, u256: 32 };

/** The byte width of an unsigned integer type (u8 … u256); undefined for every other type. */
const uintWidth = (t: TypeTag): number | undefined => (Object.prototype.hasOwnProperty.call(WIDTH, t.kind) ? WIDTH[t.kind] : undefined);
const MAX_VECTOR = 10_000;

const isString = (t: TypeTag): boolean => isStruct(t, '0x1', 'string', 'String');
const isObject = (t: TypeTag): boolean => t.kind === 'struct' && isStruct({ ...t, typeArgs: [] }, '0x1', 'object', 'Object');
const isOption = (t: TypeTag): boolean => t.kind === 'struct' && isStruct({ ...t, typeArgs: [] }, '0x1', 'option', 'Option');

export function hexOrBytes(v: unknown, what: string): Uint8Array {
  if (v instanceof Uint8Array) return v;
  // The page's provider sends a Uint8Array as { bytes: '0x…' } (extension ports carry JSON).
  if (typeof v === 'object' && v !== null && typeof (v as { bytes?: unknown }).bytes === 'string' && Object.keys(v).length === 1) return hexOrBytes((v as { bytes: string }).bytes, what);
  if (Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= 0 && x <= 255)) return Uint8Array.from(v as number[]);
  if (typeof v === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(v)) return hexToBytes(v.slice(2));
  throw malformed(`${what} must be bytes (0x hex or a Uint8Array)`);
}

function integer(v: unknown, bits: number, what: string): bigint {
  let n: bigint;
  if (typeof v === 'bigint') n = v;
  else if (typeof v === 'number' && Number.isSafeInteger(v)) n = BigInt(v);
  else if (typeof v === 'string' && /^(0|[1-9]\d{0,77})$/.test(v.trim())) n = BigInt(v.trim());
  else throw malformed(`${what} must be an unsigned integer`);
  if (n < 0n || n >= 1n << BigInt(bits)) throw malformed(`${what} does not fit in u${bits}`);
  return n;
}

function addressOf(v: unknown, what: string): string {
  const text = typeof v === 'object' && v !== null && 'inner' in v ? (v as { inner: unknown }).inner : v;
  if (typeof text !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(text)) throw malformed(`${what} must be an address (0x and 64 hex digits)`);
  try {
    return longAddress(text);
  } catch {
    throw malformed(`${what} must be an address (0x and 64 hex digits; short forms only for 0x0–0xf)`);
  }
}

function write(w: BcsWriter, t: TypeTag, v: unknown, what: string, depth: number): void {
  if (depth > 8) throw malformed(`${what} is nested too deeply`);
  const width = uintWidth(t);
  if (width !== undefined) {
    w.uint(integer(v, width * 8, what), width);
    return;
  }
  switch (t.kind) {
    case 'bool':
      if (typeof v === 'boolean') w.bool(v);
      else if (v === 'true' || v === 'false') w.bool(v === 'true');
      else throw malformed(`${what} must be true or false`);
      return;
    case 'address':
      w.fixed(addressBytes(addressOf(v, what)));
      return;
    case 'vector': {
      if (t.of.kind === 'u8' && !Array.isArray(v)) {
        // vector<u8>: bytes, or a string as UTF-8 text (ts-sdk's rule, even for "0x…" strings).
        if (typeof v === 'string') w.bytes(utf8ToBytes(v));
        else if (typeof v === 'object' && v !== null && 'bytes' in v) w.bytes(hexOrBytes(v, what));
        else w.bytes(hexOrBytes(v, what));
        return;
      }
      if (typeof v === 'string' && v.startsWith('[')) {
        // Web forms pass vectors as JSON text; ts-sdk parses them the same way.
        let parsed: unknown;
        try {
          parsed = JSON.parse(v);
        } catch {
          throw malformed(`${what} is not a valid JSON array`);
        }
        write(w, t, parsed, what, depth + 1);
        return;
      }
      if (!Array.isArray(v)) throw malformed(`${what} must be an array for ${typeTagToString(t)}`);
      if (v.length > MAX_VECTOR) throw malformed(`${what} has more than ${MAX_VECTOR} items`);
      w.uleb(v.length);
      v.forEach((x, i) => write(w, t.of, x, `${what}[${i}]`, depth + 1));
      return;
    }
    case 'struct':
      if (isString(t)) {
        if (typeof v !== 'string') throw malformed(`${what} must be a string`);
        w.str(v);
      } else if (isObject(t)) {
        w.fixed(addressBytes(addressOf(v, what)));
      } else if (isOption(t)) {
        const inner = t.typeArgs[0]!;
        const some = Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
        if (some.length > 1) throw malformed(`${what} (an Option) has more than one value`);
        w.uleb(some.length);
        if (some.length) write(w, inner, some[0], what, depth + 1);
      } else {
        throw malformed(`${what} has type ${typeTagToString(t)}, which only BCS bytes can give`);
      }
      return;
    default:
      throw malformed(`${what} has type ${typeTagToString(t)}, which cannot be an entry function argument`);
  }
}

/** One argument's BCS; a `{ bcs }` value is checked to be exactly one value of the type. */
export function encodeArgument(t: TypeTag, v: unknown, what: string): Uint8Array {
  if (isBcsArg(v)) {
    const bytes = hexOrBytes(v.bcs, what);
    const r = new BcsReader(bytes);
    readValue(r, t, what, 0);
    r.end(what);
    return bytes;
  }
  const w = new BcsWriter();
  write(w, t, v, what, 0);
  return w.toBytes();
}

/** Display text of a BCS value (integers in decimal, addresses long, bytes as hex). */
function readValue(r: BcsReader, t: TypeTag, what: string, depth: number): string {
  if (depth > 8) throw malformed(`${what} is nested too deeply`);
  const width = uintWidth(t);
  if (width !== undefined) return r.uint(width).toString();
  switch (t.kind) {
    case 'bool':
      return String(r.bool());
    case 'address':
    case 'signer':
      return addressFromBytes(r.fixed(32));
    case 'vector': {
      if (t.of.kind === 'u8') return `0x${bytesToHex(r.bytes())}`;
      const items = r.vec((x) => readValue(x, t.of, what, depth + 1), MAX_VECTOR);
      return `[${items.join(', ')}]`;
    }
    case 'struct':
      if (isString(t)) return JSON.stringify(r.str());
      if (isObject(t)) return addressFromBytes(r.fixed(32));
      if (isOption(t)) {
        const n = r.uleb();
        if (n > 1) throw malformed(`${what} is not a valid Option`);
        return n === 0 ? 'none' : readValue(r, t.typeArgs[0]!, what, depth + 1);
      }
      throw malformed(`${what} has type ${typeTagToString(t)}, which the wallet cannot decode`);
    default:
      throw malformed(`${what} has type ${typeTagToString(t)}, which cannot be an entry function argument`);
  }
}

/** Decodes one argument exactly (no trailing bytes) for display. */
export function decodeArgument(t: TypeTag, bytes: Uint8Array, what: string): string {
  const r = new BcsReader(bytes);
  const out = readValue(r, t, what, 0);
  r.end(what);
  return out;
}

export const u64Bytes = (v: bigint): Uint8Array => new BcsWriter().u64(v).toBytes();
export const addressArg = (a: string): Uint8Array => addressBytes(a);
