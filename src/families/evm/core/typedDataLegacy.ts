/**
 * The legacy typed-data methods real dApps still call, encoded as MetaMask's @metamask/eth-sig-util
 * does (that package is the tests' cross-check, never imported here):
 * - eth_signTypedData / eth_signTypedData_v1: params [typedData, address], typedData an array of
 *   { type, name, value }; digest = keccak256(keccak256(packed "type name" strings) ‖
 *   keccak256(packed values)), signed raw (no EIP-191 prefix, as MetaMask signs it).
 * - eth_signTypedData_v3: EIP-712 before arrays existed; a v3 payload without arrays and with every
 *   field present encodes exactly as v4, so it reuses the v4 validator and refuses arrays.
 * Only scalar v1 types are accepted; anything else is refused with a specific -32602 message.
 */
import { concatHex, encodePacked, getAddress, keccak256, stringToHex, toHex, type Address, type Hex } from 'viem';
import { sign, serializeSignature } from 'viem/accounts';
import { invalidParams } from './errors.ts';
import { parseTypedDataJson, validateTypedData, type TypedDataOptions, type ValidatedTypedData } from './typedData.ts';
import { isPlainObject, privateKeyHex, readAddress, type PrivateKeyInput } from './validate.ts';

export const MAX_V1_FIELDS = 100;
const MAX_V1_BYTES = 64 * 1024;

/** One v1 field, normalised: `value` is what is packed, `shown` what the approval window prints. */
export interface TypedFieldV1 {
  type: string;
  name: string;
  value: Hex | string | bigint | boolean;
  shown: string;
}

export interface ValidatedTypedDataV1 {
  fields: TypedFieldV1[];
  hash: Hex;
}

const INT_RE = /^(u?)int(\d*)$/;
const BYTES_N_RE = /^bytes(\d+)$/;
const HEX_RE = /^0x[0-9a-fA-F]*$/;

function readInteger(v: unknown, type: string, signed: boolean, bits: number, where: string): bigint {
  let n: bigint;
  if (typeof v === 'number' && Number.isSafeInteger(v)) n = BigInt(v);
  else if (typeof v === 'string' && /^(-?\d{1,78}|0x[0-9a-fA-F]{1,64})$/.test(v)) n = BigInt(v);
  else throw invalidParams(`${where} must be an integer (a safe number, a decimal string or 0x hex)`);
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  if (n < min || n > max) throw invalidParams(`${where} is out of range for ${type}`);
  return n;
}

function readFieldV1(raw: unknown, i: number): TypedFieldV1 {
  const where = `typedData[${i}]`;
  if (!isPlainObject(raw)) throw invalidParams(`${where} must be { type, name, value }`);
  const { type, name, value } = raw;
  if (typeof type !== 'string' || type.length === 0 || type.length > 20) throw invalidParams(`${where}.type must be a Solidity type name`);
  if (typeof name !== 'string' || name.length === 0 || name.length > 256) throw invalidParams(`${where}.name must be a non-empty string`);
  const at = `${where}.value`;
  if (type.endsWith(']')) throw invalidParams(`${where}: array types are not supported in eth_signTypedData (v1); use eth_signTypedData_v4`);
  if (type === 'string') {
    if (typeof value !== 'string') throw invalidParams(`${at} must be a string`);
    return { type, name, value, shown: value };
  }
  if (type === 'bool') {
    const b = value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
    if (b === undefined) throw invalidParams(`${at} must be true or false`);
    return { type, name, value: b, shown: String(b) };
  }
  if (type === 'address') {
    if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value)) throw invalidParams(`${at} must be a 0x-prefixed 20-byte hex address`);
    const a = getAddress(value.toLowerCase());
    return { type, name, value: a, shown: a };
  }
  if (type === 'bytes') {
    // MetaMask's legacyToBuffer: 0x hex is bytes, any other string is its UTF-8.
    if (typeof value !== 'string') throw invalidParams(`${at} must be 0x hex or a string`);
    if (HEX_RE.test(value)) {
      if (value.length % 2 !== 0) throw invalidParams(`${at} must have an even number of hex digits`);
      return { type, name, value: value.toLowerCase() as Hex, shown: value.toLowerCase() };
    }
    return { type, name, value: stringToHex(value), shown: value };
  }
  const bn = BYTES_N_RE.exec(type);
  if (bn) {
    const size = Number(bn[1]);
    if (size < 1 || size > 32) throw invalidParams(`${where}.type ${type} is not a valid bytesN`);
    if (typeof value !== 'string' || !HEX_RE.test(value) || value.length % 2 !== 0) throw invalidParams(`${at} must be 0x hex bytes`);
    if ((value.length - 2) / 2 > size) throw invalidParams(`${at} is longer than ${size} bytes`);
    // Packed bytesN is right-padded with zeros (ethereumjs-abi's solidityPack).
    const padded = (value.toLowerCase() + '00'.repeat(size - (value.length - 2) / 2)) as Hex;
    return { type, name, value: padded, shown: padded };
  }
  const m = INT_RE.exec(type);
  if (m) {
    const bits = m[2] === '' ? 256 : Number(m[2]);
    if (bits < 8 || bits > 256 || bits % 8 !== 0) throw invalidParams(`${where}.type ${type} is not a valid integer type`);
    const n = readInteger(value, type, m[1] === '', bits, at);
    // The schema hash uses the type as written ("uint" stays "uint"); the packing uses its width.
    return { type, name, value: n, shown: n.toString() };
  }
  throw invalidParams(`${where}.type ${JSON.stringify(type)} is not supported in eth_signTypedData (v1)`);
}

/** Validates v1 typed data (array form) and computes the digest MetaMask signs. */
export function validateTypedDataV1(raw: unknown): ValidatedTypedDataV1 {
  const data = typeof raw === 'string' ? parseTypedDataJson(raw, MAX_V1_BYTES) : raw;
  if (!Array.isArray(data) || data.length === 0) throw invalidParams('eth_signTypedData (v1) expects a non-empty array of { type, name, value }');
  if (data.length > MAX_V1_FIELDS) throw invalidParams(`eth_signTypedData (v1) accepts at most ${MAX_V1_FIELDS} fields`);
  const fields = data.map(readFieldV1);
  // The approval lists fields by name: two fields of one name would show as one while both are signed.
  const names = new Set<string>();
  for (const f of fields) {
    if (names.has(f.name)) throw invalidParams(`eth_signTypedData (v1): the field name "${f.name.slice(0, 60)}" appears twice`);
    names.add(f.name);
  }
  const schema = encodePacked(
    fields.map(() => 'string'),
    fields.map((f) => `${f.type} ${f.name}`),
  );
  const values = concatHex(fields.map((f) => packOne(f)));
  const hash = keccak256(encodePacked(['bytes32', 'bytes32'], [keccak256(schema), keccak256(values)]));
  return { fields, hash };
}

function packOne(f: TypedFieldV1): Hex {
  if (f.type === 'bytes' || /^bytes\d+$/.test(f.type)) return f.value as Hex;
  if (f.type === 'string') return stringToHex(f.value as string);
  if (f.type === 'bool') return f.value ? '0x01' : '0x00';
  if (f.type === 'address') return (f.value as string).toLowerCase() as Hex;
  const m = INT_RE.exec(f.type)!;
  const bits = m[2] === '' ? 256 : Number(m[2]);
  const n = f.value as bigint;
  // Two's complement for negative intN, big-endian at the type's width.
  const unsigned = n < 0n ? (1n << BigInt(bits)) + n : n;
  return toHex(unsigned, { size: bits / 8 });
}

/** eth_signTypedData (v1) params: [typedData, address] (MetaMask's order). */
export function parseSignTypedDataV1Params(params: unknown): { address: Address; typedData: ValidatedTypedDataV1 } {
  if (!Array.isArray(params) || params.length !== 2) throw invalidParams('eth_signTypedData expects [typedData, address]');
  return { address: readAddress(params[1], 'address'), typedData: validateTypedDataV1(params[0]) };
}

/** Signs a v1 digest as MetaMask does: the raw digest, no prefix; 65-byte r‖s‖v with v 27/28. */
export async function signTypedDataV1(td: ValidatedTypedDataV1, privateKey: PrivateKeyInput): Promise<Hex> {
  return serializeSignature(await sign({ hash: td.hash, privateKey: privateKeyHex(privateKey) }));
}

/** eth_signTypedData_v3 params: [address, typedData]; v4 rules minus arrays. */
export function parseSignTypedDataV3Params(params: unknown, opts: TypedDataOptions): { address: Address; typedData: ValidatedTypedData } {
  if (!Array.isArray(params) || params.length !== 2) throw invalidParams('eth_signTypedData_v3 expects [address, typedData]');
  const address = readAddress(params[0], 'address');
  const typedData = validateTypedData(params[1], opts);
  for (const [name, fields] of Object.entries(typedData.types)) {
    const arr = fields.find((f) => f.type.endsWith(']'));
    if (arr) throw invalidParams(`types.${name}.${arr.name}: arrays are not part of eth_signTypedData_v3; use eth_signTypedData_v4`);
  }
  return { address, typedData };
}
