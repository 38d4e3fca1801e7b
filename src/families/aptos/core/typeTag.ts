/**
 * Move type tags: parsed from the text form dApps and module ABIs use ("0x1::coin::CoinStore<0x1::
 * aptos_coin::AptosCoin>", "vector<u8>", "&signer", "T0"), printed the way the node prints them
 * (special addresses 0x0–0xf short, others long) and (de)serialized as BCS TypeTag enum variants.
 */
import { bytesToHex, hexToBytes } from '../../../core/derive/bytes.ts';
import { BcsReader, BcsWriter } from './bcs.ts';
import { malformed } from './errors.ts';

export type Primitive = 'bool' | 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'u256' | 'address' | 'signer';
export type TypeTag =
  | { kind: Primitive }
  | { kind: 'vector'; of: TypeTag }
  | { kind: 'struct'; address: string; module: string; name: string; typeArgs: TypeTag[] }
  | { kind: 'reference'; of: TypeTag }
  | { kind: 'generic'; index: number };

/** BCS variant indices of TypeTag (aptos-core move-core-types). */
const VARIANT: Record<string, number> = { bool: 0, u8: 1, u64: 2, u128: 3, address: 4, signer: 5, vector: 6, struct: 7, u16: 8, u32: 9, u256: 10 };
const BY_VARIANT: Primitive[] = ['bool', 'u8', 'u64', 'u128', 'address', 'signer'];
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_DEPTH = 8;

/**
 * 0x + 64 lower-case hex. As in AIP-40 and @aptos-labs/ts-sdk: the short form only for the special
 * addresses 0x0–0xf; any other address needs (at least 60 of) its 64 hex digits, so a truncated
 * address is refused rather than silently padded into another account.
 */
export function longAddress(address: string): string {
  const text = String(address);
  const body = text.toLowerCase().replace(/^0x/, '');
  const ok = /^[0-9a-f]{60,64}$/.test(body) || /^0*[0-9a-f]$/.test(body);
  if (!ok || body.length > 64) throw malformed(`invalid address ${JSON.stringify(text.slice(0, 80))}: 0x and 64 hex digits (short forms only for 0x0–0xf)`);
  return `0x${body.padStart(64, '0')}`;
}

/** AIP-40 display form: special addresses (0x0–0xf) short, every other address long. */
export function displayAddress(address: string): string {
  const l = longAddress(address);
  return /^0x0{63}[0-9a-f]$/.test(l) ? `0x${l.slice(-1)}` : l;
}

export function addressBytes(address: string): Uint8Array {
  return hexToBytes(longAddress(address).slice(2));
}

export const addressFromBytes = (b: Uint8Array): string => `0x${bytesToHex(b)}`;

export function parseTypeTag(text: string): TypeTag {
  if (typeof text !== 'string' || text.length === 0 || text.length > 1024) throw malformed('a type argument must be a non-empty string');
  const tokens = text.match(/\s+|::|[<>,&]|[^\s<>,&:]+|:/g) ?? [];
  const list = tokens.filter((t) => !/^\s+$/.test(t));
  let i = 0;
  const peek = (): string | undefined => list[i];
  const take = (want?: string): string => {
    const t = list[i++];
    if (t === undefined || (want !== undefined && t !== want)) throw malformed(`invalid type ${JSON.stringify(text.slice(0, 120))}`);
    return t;
  };
  const one = (depth: number): TypeTag => {
    if (depth > MAX_DEPTH) throw malformed(`type ${JSON.stringify(text.slice(0, 120))} is nested too deeply`);
    const t = take();
    if (t === '&') return { kind: 'reference', of: one(depth + 1) };
    if (t === 'vector') {
      take('<');
      const of = one(depth + 1);
      take('>');
      return { kind: 'vector', of };
    }
    if (['bool', 'u8', 'u16', 'u32', 'u64', 'u128', 'u256', 'address', 'signer'].includes(t)) return { kind: t as Primitive };
    if (/^T\d+$/.test(t)) return { kind: 'generic', index: Number(t.slice(1)) };
    // struct: address::module::Name<…>
    const address = longAddress(t);
    take('::');
    const module = take();
    take('::');
    const name = take();
    if (!IDENT.test(module) || !IDENT.test(name)) throw malformed(`invalid type ${JSON.stringify(text.slice(0, 120))}`);
    const typeArgs: TypeTag[] = [];
    if (peek() === '<') {
      take('<');
      for (;;) {
        typeArgs.push(one(depth + 1));
        if (peek() === ',') take(',');
        else break;
      }
      take('>');
    }
    return { kind: 'struct', address, module, name, typeArgs };
  };
  const out = one(0);
  if (i !== list.length) throw malformed(`invalid type ${JSON.stringify(text.slice(0, 120))}`);
  return out;
}

export function typeTagToString(t: TypeTag): string {
  switch (t.kind) {
    case 'vector':
      return `vector<${typeTagToString(t.of)}>`;
    case 'reference':
      return `&${typeTagToString(t.of)}`;
    case 'generic':
      return `T${t.index}`;
    case 'struct':
      return `${displayAddress(t.address)}::${t.module}::${t.name}${t.typeArgs.length ? `<${t.typeArgs.map(typeTagToString).join(', ')}>` : ''}`;
    default:
      return t.kind;
  }
}

export function writeTypeTag(w: BcsWriter, t: TypeTag): void {
  switch (t.kind) {
    case 'vector':
      w.uleb(VARIANT.vector!);
      writeTypeTag(w, t.of);
      return;
    case 'struct':
      w.uleb(VARIANT.struct!).fixed(addressBytes(t.address)).str(t.module).str(t.name).uleb(t.typeArgs.length);
      for (const a of t.typeArgs) writeTypeTag(w, a);
      return;
    case 'reference':
    case 'generic':
      throw malformed(`type ${typeTagToString(t)} cannot be a transaction type argument`);
    default:
      w.uleb(VARIANT[t.kind]!);
  }
}

export function readTypeTag(r: BcsReader, depth = 0): TypeTag {
  if (depth > MAX_DEPTH) throw malformed('a type argument is nested too deeply');
  const v = r.uleb();
  if (v < BY_VARIANT.length) return { kind: BY_VARIANT[v]! };
  if (v === VARIANT.u16) return { kind: 'u16' };
  if (v === VARIANT.u32) return { kind: 'u32' };
  if (v === VARIANT.u256) return { kind: 'u256' };
  if (v === VARIANT.vector) return { kind: 'vector', of: readTypeTag(r, depth + 1) };
  if (v === VARIANT.struct) {
    const address = addressFromBytes(r.fixed(32));
    const module = r.str();
    const name = r.str();
    if (!IDENT.test(module) || !IDENT.test(name)) throw malformed('a struct type has an invalid module or name');
    return { kind: 'struct', address, module, name, typeArgs: r.vec((x) => readTypeTag(x, depth + 1), 32) };
  }
  throw malformed(`unknown type tag variant ${v}`);
}

/** Replaces T0, T1… with the call's type arguments (ABI parameter types are generic). */
export function substitute(t: TypeTag, typeArgs: readonly TypeTag[]): TypeTag {
  switch (t.kind) {
    case 'generic': {
      const a = typeArgs[t.index];
      if (!a) throw malformed(`type parameter T${t.index} has no type argument`);
      return a;
    }
    case 'vector':
      return { kind: 'vector', of: substitute(t.of, typeArgs) };
    case 'reference':
      return { kind: 'reference', of: substitute(t.of, typeArgs) };
    case 'struct':
      return { ...t, typeArgs: t.typeArgs.map((x) => substitute(x, typeArgs)) };
    default:
      return t;
  }
}

export const isStruct = (t: TypeTag, address: string, module: string, name: string): boolean =>
  t.kind === 'struct' && t.address === longAddress(address) && t.module === module && t.name === name;
