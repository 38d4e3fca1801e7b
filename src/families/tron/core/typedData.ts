/**
 * TIP-712 typed structured data (tronWeb.trx._signTypedData(domain, types, message)): EIP-712's
 * hashing with TRON's three differences: an `address` may be written as a TRON address (base58
 * "T…", "41…" hex or 0x hex) and is encoded as its 20 bytes without the 0x41 prefix; `trcToken`
 * is an atomic type encoded as uint256; the domain's chainId is the chain's 4-byte id
 * (block.chainid & 0xffffffff, 0x2b6653dc on mainnet). As in tronweb (the reference, an ethers
 * TypedDataEncoder port) the domain's type is taken from the fields the domain holds, an
 * `EIP712Domain` entry in `types` is ignored, and without an explicit primaryType it is the one
 * type no other type references. Validation and encoding are one walk, which also produces the
 * copy the approval window shows (addresses in base58, integers in decimal): what you see is what
 * is hashed. Signatures are tronweb's: "0x" + r + s + v (27/28).
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { tronAddressFromPublicKey } from './address.ts';
import { checkTronAddress, tronAddressFrom20 } from './addressInput.ts';
import { TronWalletError } from './errors.ts';
import { signDigest } from './transaction.ts';

export type TronTypedField = { name: string; type: string };
export type TronTypedTypes = Record<string, TronTypedField[]>;

export interface ValidatedTronTypedData {
  primaryType: string;
  /** The message's types (without EIP712Domain). */
  types: TronTypedTypes;
  /** The domain as shown: only the fields it holds, addresses in base58, chainId in decimal. */
  domain: Record<string, unknown>;
  /** Only the typed fields, in type order, display-ready. */
  message: Record<string, unknown>;
  /** keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message)). */
  digest: Uint8Array;
}

export interface TronTypedDataOptions {
  /** Explicit primary type (eth_signTypedData_v4-style payloads); inferred when absent. */
  primaryType?: string;
  /** The active network's TIP-712 chain id: a domain naming another chain is refused. */
  activeChainId?: bigint;
}

/** Largest typed data accepted (its JSON). */
export const MAX_TRON_TYPED_DATA_BYTES = 256 * 1024;
const MAX_TYPES = 200;
const MAX_FIELDS = 200;
const MAX_DEPTH = 32;
const MAX_ARRAY = 10_000;
const MAX_NODES = 50_000;

const IDENT_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const TYPE_RE = /^[A-Za-z_$][A-Za-z0-9_$]*(\[(0|[1-9]\d{0,4})?\])*$/;
const DOMAIN_FIELDS: ReadonlyArray<TronTypedField> = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
  { name: 'salt', type: 'bytes32' },
];

const bad = (message: string): TronWalletError => new TronWalletError('INVALID_TYPED_DATA', message);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
const own = (o: Record<string, unknown>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const keccakText = (s: string): Uint8Array => keccak_256(utf8ToBytes(s));

function isAtomic(t: string): boolean {
  if (t === 'address' || t === 'bool' || t === 'string' || t === 'bytes' || t === 'trcToken') return true;
  const b = /^bytes([1-9]\d?)$/.exec(t);
  if (b) return Number(b[1]) <= 32;
  const i = /^u?int([1-9]\d{0,2})$/.exec(t);
  return !!i && Number(i[1]) % 8 === 0 && Number(i[1]) <= 256;
}

const baseType = (t: string): string => t.replace(/(\[\d*\])+$/, '');

// ---------------------------------------------------------------------------------------------
// Types

function readTypes(raw: unknown): TronTypedTypes {
  if (!isPlainObject(raw)) throw bad('typed data "types" must be an object');
  const names = Object.keys(raw).filter((n) => n !== 'EIP712Domain');
  if (names.length === 0 || names.length > MAX_TYPES) throw bad(`typed data must define 1 to ${MAX_TYPES} types`);
  const out: TronTypedTypes = {};
  for (const name of names) {
    if (!IDENT_RE.test(name)) throw bad(`invalid type name ${JSON.stringify(name.slice(0, 60))}`);
    if (isAtomic(name)) throw bad(`type name ${name} shadows an atomic type`);
    const fields = raw[name];
    if (!Array.isArray(fields) || fields.length > MAX_FIELDS) throw bad(`types.${name} must be an array of at most ${MAX_FIELDS} { name, type } fields`);
    const seen = new Set<string>();
    out[name] = fields.map((f: unknown, i) => {
      if (!isPlainObject(f) || typeof f.name !== 'string' || typeof f.type !== 'string') throw bad(`types.${name}[${i}] must be { name: string, type: string }`);
      if (!IDENT_RE.test(f.name)) throw bad(`types.${name}[${i}].name is not a valid identifier`);
      if (seen.has(f.name)) throw bad(`types.${name} declares field ${f.name} twice`);
      seen.add(f.name);
      if (!TYPE_RE.test(f.type)) throw bad(`types.${name}.${f.name}: invalid type ${JSON.stringify(f.type.slice(0, 60))}`);
      const b = baseType(f.type);
      if (!isAtomic(b) && (b === 'EIP712Domain' || !own(raw, b))) throw bad(`types.${name}.${f.name}: type ${JSON.stringify(b.slice(0, 60))} is not defined`);
      return { name: f.name, type: f.type };
    });
  }
  return out;
}

/**
 * Struct types reachable from each type (excluding itself), memoized so a diamond of references
 * costs linear time; refuses a type that contains itself, as tronweb does.
 */
function dependencyMap(types: TronTypedTypes): Map<string, Set<string>> {
  const done = new Map<string, Set<string>>();
  const visiting = new Set<string>();
  const visit = (name: string): Set<string> => {
    const hit = done.get(name);
    if (hit) return hit;
    if (visiting.has(name)) throw bad(`circular type reference to ${name}`);
    visiting.add(name);
    const out = new Set<string>();
    for (const f of types[name] ?? []) {
      const b = baseType(f.type);
      if (isAtomic(b)) continue;
      out.add(b);
      for (const d of visit(b)) out.add(d);
    }
    visiting.delete(name);
    out.delete(name);
    done.set(name, out);
    return out;
  };
  for (const name of Object.keys(types)) visit(name);
  return done;
}

function inferPrimaryType(types: TronTypedTypes): string {
  const referenced = new Set(Object.values(types).flatMap((fs) => fs.map((f) => baseType(f.type))));
  const roots = Object.keys(types).filter((n) => !referenced.has(n));
  if (roots.length !== 1) throw bad(roots.length === 0 ? 'typed data has no primary type (every type is referenced by another)' : `ambiguous primary type: ${roots.slice(0, 5).join(', ')} (unused types are not allowed)`);
  return roots[0]!;
}

// ---------------------------------------------------------------------------------------------
// Values

interface Walk {
  nodes: number;
  /** keccak256(encodeType(name)) per struct type. */
  typeHashes: Map<string, Uint8Array>;
  deps: Map<string, Set<string>>;
}

const newWalk = (types: TronTypedTypes): Walk => ({ nodes: 0, typeHashes: new Map(), deps: dependencyMap(types) });

function toBigInt(v: unknown, where: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw bad(`${where}: ${v} is not a safe integer (pass large numbers as strings)`);
    return BigInt(v);
  }
  if (typeof v === 'string' && /^-?(0x[0-9a-fA-F]+|\d+)$/.test(v.trim()) && v.length <= 80) {
    const s = v.trim();
    return s.startsWith('-') ? -BigInt(s.slice(1)) : BigInt(s);
  }
  throw bad(`${where}: expected an integer, got ${JSON.stringify(v)?.slice(0, 60) ?? typeof v}`);
}

function toBytes(v: unknown, where: string): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(v)) return hexToBytes(v.slice(2));
  throw bad(`${where}: expected 0x-prefixed hex bytes`);
}

/** The 20 address bytes of a TRON (base58, 41-hex) or 0x-hex address. */
function addressBytes(v: unknown, where: string): Uint8Array {
  if (typeof v === 'string') {
    if (/^0x[0-9a-fA-F]{40}$/.test(v)) return hexToBytes(v.slice(2));
    const c = checkTronAddress(v, { acceptHex: true });
    if (c.ok) return hexToBytes(c.hex).subarray(1);
  }
  throw bad(`${where}: not a TRON address`);
}

function word(n: bigint): Uint8Array {
  return hexToBytes(n.toString(16).padStart(64, '0'));
}

/** Encodes one atomic value (32 bytes) and returns its display form. */
function atomic(type: string, v: unknown, where: string): { enc: Uint8Array; show: unknown } {
  const int = /^(u?)int(\d+)$/.exec(type === 'trcToken' ? 'uint256' : type);
  if (int) {
    const n = toBigInt(v, where);
    const bits = BigInt(int[2]!);
    const signed = int[1] === '';
    const max = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
    const min = signed ? -(1n << (bits - 1n)) : 0n;
    if (n < min || n > max) throw bad(`${where}: ${n} is out of range for ${type}`);
    return { enc: word(n < 0n ? (1n << 256n) + n : n), show: n.toString() };
  }
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed) {
    const b = toBytes(v, where);
    if (b.length !== Number(fixed[1])) throw bad(`${where}: ${type} must be exactly ${fixed[1]} bytes`);
    const out = new Uint8Array(32);
    out.set(b);
    return { enc: out, show: `0x${bytesToHex(b)}` };
  }
  switch (type) {
    case 'address': {
      const a = addressBytes(v, where);
      const out = new Uint8Array(32);
      out.set(a, 12);
      return { enc: out, show: tronAddressFrom20(a) };
    }
    case 'bool':
      if (typeof v !== 'boolean') throw bad(`${where}: expected true or false`);
      return { enc: word(v ? 1n : 0n), show: v };
    case 'string':
      if (typeof v !== 'string') throw bad(`${where}: expected a string`);
      return { enc: keccakText(v), show: v };
    case 'bytes': {
      const b = toBytes(v, where);
      return { enc: keccak_256(b), show: `0x${bytesToHex(b)}` };
    }
  }
  throw bad(`${where}: unknown type ${type}`);
}

function typeHash(types: TronTypedTypes, name: string, walk: Walk): Uint8Array {
  let h = walk.typeHashes.get(name);
  if (!h) {
    const one = (n: string): string => `${n}(${types[n]!.map((f) => `${f.type} ${f.name}`).join(',')})`;
    h = keccakText(one(name) + [...(walk.deps.get(name) ?? [])].sort().map(one).join(''));
    walk.typeHashes.set(name, h);
  }
  return h;
}

/** hashStruct for struct values, keccak of the element words for arrays, the word for atoms. */
function encodeField(types: TronTypedTypes, type: string, v: unknown, where: string, walk: Walk, depth: number): { enc: Uint8Array; show: unknown } {
  if (++walk.nodes > MAX_NODES) throw bad(`typed data has more than ${MAX_NODES} values`);
  if (depth > MAX_DEPTH) throw bad(`typed data is nested deeper than ${MAX_DEPTH}`);
  const arr = /^(.*)\[(\d*)\]$/.exec(type);
  if (arr) {
    if (!Array.isArray(v)) throw bad(`${where}: expected an array`);
    if (v.length > MAX_ARRAY) throw bad(`${where}: more than ${MAX_ARRAY} elements`);
    if (arr[2] !== '' && v.length !== Number(arr[2])) throw bad(`${where}: expected ${arr[2]} elements, got ${v.length}`);
    const items = v.map((x, i) => encodeField(types, arr[1]!, x, `${where}[${i}]`, walk, depth + 1));
    return { enc: keccak_256(concatBytes(...items.map((x) => x.enc))), show: items.map((x) => x.show) };
  }
  if (own(types, type)) {
    const s = encodeStruct(types, type, v, where, walk, depth + 1);
    return { enc: keccak_256(s.data), show: s.show };
  }
  return atomic(type, v, where);
}

function encodeStruct(types: TronTypedTypes, name: string, v: unknown, where: string, walk: Walk, depth: number): { data: Uint8Array; show: Record<string, unknown> } {
  if (!isPlainObject(v)) throw bad(`${where}: expected an object of type ${name}`);
  const parts: Uint8Array[] = [typeHash(types, name, walk)];
  const shown: Array<[string, unknown]> = [];
  for (const f of types[name]!) {
    if (!own(v, f.name) || v[f.name] === undefined || v[f.name] === null) throw bad(`${where}.${f.name} (${f.type}) is missing`);
    const r = encodeField(types, f.type, v[f.name], `${where}.${f.name}`, walk, depth);
    parts.push(r.enc);
    shown.push([f.name, r.show]);
  }
  // fromEntries defines own properties, so a field named "__proto__" stays a field.
  return { data: concatBytes(...parts), show: Object.fromEntries(shown) };
}

function domainSeparator(raw: unknown, opts: TronTypedDataOptions): { hash: Uint8Array; show: Record<string, unknown> } {
  if (!isPlainObject(raw)) throw bad('typed data "domain" must be an object');
  for (const k of Object.keys(raw)) if (!DOMAIN_FIELDS.some((f) => f.name === k)) throw bad(`invalid domain field ${JSON.stringify(k.slice(0, 40))}`);
  const fields = DOMAIN_FIELDS.filter((f) => raw[f.name] !== undefined && raw[f.name] !== null);
  const types: TronTypedTypes = { EIP712Domain: fields };
  const { data, show } = encodeStruct(types, 'EIP712Domain', raw, 'domain', newWalk(types), 0);
  if (opts.activeChainId !== undefined && raw.chainId !== undefined && raw.chainId !== null) {
    const chainId = toBigInt(raw.chainId, 'domain.chainId');
    if (chainId !== opts.activeChainId) throw new TronWalletError('WRONG_NETWORK', `The typed data is for chain ${chainId}, but the active TRON network is ${opts.activeChainId}`, { chainId: chainId.toString(), active: opts.activeChainId.toString() });
  }
  return { hash: keccak_256(data), show };
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Validates and hashes `_signTypedData(domain, types, message)`; throws INVALID_TYPED_DATA / WRONG_NETWORK. */
export function validateTronTypedData(domain: unknown, types: unknown, message: unknown, opts: TronTypedDataOptions = {}): ValidatedTronTypedData {
  let size: number;
  try {
    size = JSON.stringify({ domain, types, message }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? bytesToHex(v) : v)).length;
  } catch {
    throw bad('typed data must be plain JSON data');
  }
  if (size > MAX_TRON_TYPED_DATA_BYTES) throw bad(`typed data is larger than ${MAX_TRON_TYPED_DATA_BYTES} bytes`);
  const t = readTypes(types);
  const walk = newWalk(t);
  const primaryType = opts.primaryType ?? inferPrimaryType(t);
  if (!own(t, primaryType)) throw bad(`primaryType ${JSON.stringify(primaryType.slice(0, 60))} is not defined in types`);
  const d = domainSeparator(domain, opts);
  const m = encodeStruct(t, primaryType, message, 'message', walk, 0);
  const digest = keccak_256(concatBytes(new Uint8Array([0x19, 0x01]), d.hash, keccak_256(m.data)));
  return { primaryType, types: t, domain: d.show, message: m.show, digest };
}

/**
 * Reads an eth_signTypedData_v4-style payload (JSON string or object with domain, types,
 * primaryType, message) sent through window.tron.request.
 */
export function readTronTypedDataPayload(raw: unknown, opts: Omit<TronTypedDataOptions, 'primaryType'> = {}): ValidatedTronTypedData {
  let v = raw;
  if (typeof raw === 'string') {
    if (raw.length > MAX_TRON_TYPED_DATA_BYTES) throw bad(`typed data is larger than ${MAX_TRON_TYPED_DATA_BYTES} bytes`);
    try {
      v = JSON.parse(raw);
    } catch {
      throw bad('typed data is not valid JSON');
    }
  }
  if (!isPlainObject(v)) throw bad('typed data must be an object with domain, types, primaryType and message');
  if (v.primaryType !== undefined && typeof v.primaryType !== 'string') throw bad('primaryType must be a string');
  return validateTronTypedData(v.domain, v.types, v.message, { ...opts, ...(typeof v.primaryType === 'string' ? { primaryType: v.primaryType } : {}) });
}

/** tronweb-compatible TIP-712 signature: "0x" + r + s + v (v = 27/28). */
export function signTronTypedData(td: Pick<ValidatedTronTypedData, 'digest'>, secretKey: Uint8Array): string {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 32 || !secp256k1.utils.isValidSecretKey(secretKey)) throw new TronWalletError('INVALID_SECRET_KEY', 'A TRON signing key is a valid 32-byte secp256k1 secret');
  return `0x${signDigest(td.digest, secretKey)}`;
}

/** The base58 address that produced a TIP-712 signature. */
export function recoverTronTypedDataSigner(td: Pick<ValidatedTronTypedData, 'digest'>, signature: string): string {
  const sig = typeof signature === 'string' && /^(0x)?[0-9a-fA-F]{130}$/.test(signature) ? hexToBytes(signature.replace(/^0x/, '')) : undefined;
  if (!sig) throw bad('A TIP-712 signature is 65 bytes of hex');
  const v = sig[64]! >= 27 ? sig[64]! - 27 : sig[64]!;
  if (v > 1) throw bad('Invalid recovery byte');
  const recovered = new Uint8Array(65);
  recovered[0] = v;
  recovered.set(sig.subarray(0, 64), 1);
  return tronAddressFromPublicKey(secp256k1.recoverPublicKey(recovered, td.digest, { prehash: false }));
}
