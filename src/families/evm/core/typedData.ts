/**
 * eth_signTypedData_v4 (EIP-712): parse the payload (JSON string or object), check the schema
 * (types well-formed and resolvable, primaryType defined, domain fields typed, bounded size and
 * depth), refuse a domain.chainId other than the active chain (R10, MetaMask's message), decode
 * ERC-2612 / DAI / Permit2 permits as approvals (spender, amount, expiry, unlimited: R1), and sign
 * with viem. The message handed to the UI and to the signer is the same clean copy, holding only
 * fields the types declare (what you see is what you sign).
 */
import { hashTypedData, type Address, type Hex, type TypedDataDefinition } from 'viem';
import { signTypedData as viemSignTypedData } from 'viem/accounts';
import { classifyAllowance, MAX_UINT256, type UnlimitedReason } from './decode.ts';
import { PERMIT2_ADDRESS } from './erc20.ts';
import { invalidParams } from './errors.ts';
import { isPlainObject, privateKeyHex, readAddress, readAnyCaseAddress, type PrivateKeyInput } from './validate.ts';

/** Largest typed-data JSON accepted. */
export const MAX_TYPED_DATA_BYTES = 256 * 1024;

/** Typed data sent as a JSON string (every version may be): size-checked before parsing, -32602 otherwise. */
export function parseTypedDataJson(raw: string, maxBytes: number): unknown {
  if (raw.length > maxBytes) throw invalidParams(`typed data is larger than ${maxBytes} bytes`);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw invalidParams('typed data is not valid JSON');
  }
}
const MAX_TYPES = 200;
const MAX_FIELDS = 200;
const MAX_DEPTH = 32;
const MAX_NODES = 50_000;
const MAX_ARRAY = 10_000;

const IDENT_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const DOMAIN_FIELDS: Readonly<Record<string, string>> = {
  name: 'string',
  version: 'string',
  chainId: 'uint256',
  verifyingContract: 'address',
  salt: 'bytes32',
};

const ATOMIC = new Set<string>(['address', 'bool', 'string', 'bytes']);
for (let i = 1; i <= 32; i++) ATOMIC.add(`bytes${i}`);
for (let i = 8; i <= 256; i += 8) {
  ATOMIC.add(`uint${i}`);
  ATOMIC.add(`int${i}`);
}

export type TypedField = { name: string; type: string };
export type TypedTypes = Record<string, TypedField[]>;

export interface TypedDomain {
  name?: string;
  version?: string;
  chainId?: number;
  verifyingContract?: Address;
  salt?: Hex;
}

export type PermitStandard = 'erc2612' | 'dai' | 'permit2_single' | 'permit2_batch' | 'permit2_transfer' | 'permit2_batch_transfer';

/** A signature that grants an allowance, decoded for the approval screen and the risk rules. */
export interface PermitApproval {
  standard: PermitStandard;
  /** Token contract (the domain's verifyingContract for ERC-2612/DAI). */
  token?: Address;
  spender: Address;
  amount: bigint;
  unlimited: boolean;
  unlimitedReason?: UnlimitedReason;
  /** Unix seconds until which the signature can be used (deadline / sigDeadline). */
  signatureDeadline?: number;
  /** Unix seconds at which the granted allowance expires (Permit2 expiration, DAI expiry). */
  allowanceExpiration?: number;
  /** The permit never expires (DAI expiry 0, max deadline). */
  noExpiry: boolean;
  /** Expires more than `longExpirySeconds` (default one year) from now. */
  longExpiry: boolean;
}

export interface ValidatedTypedData {
  types: TypedTypes;
  primaryType: string;
  domain: TypedDomain;
  /** Only the typed fields, in type order: show exactly this. */
  message: Record<string, unknown>;
  /** EIP-712 digest that will be signed. */
  hash: Hex;
  permits: PermitApproval[];
}

export interface TypedDataOptions {
  /** The origin's active chain id. */
  activeChainId: number;
  /** Current time, seconds (tests). */
  nowSeconds?: number;
  longExpirySeconds?: number;
}

function baseType(t: string): string {
  return t.replace(/(\[\d*\])+$/, '');
}

function checkType(t: string, types: Record<string, unknown>, where: string): void {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*(\[(0|[1-9]\d{0,4})?\])*$/.test(t)) throw invalidParams(`${where}: invalid type ${JSON.stringify(t.slice(0, 60))}`);
  const b = baseType(t);
  if (!ATOMIC.has(b) && !Object.prototype.hasOwnProperty.call(types, b)) throw invalidParams(`${where}: type ${JSON.stringify(b.slice(0, 60))} is not defined`);
}

function readTypes(raw: unknown): TypedTypes {
  if (!isPlainObject(raw)) throw invalidParams('typed data "types" must be an object');
  const names = Object.keys(raw);
  if (names.length === 0 || names.length > MAX_TYPES) throw invalidParams(`typed data must define 1..${MAX_TYPES} types`);
  const out: TypedTypes = {};
  for (const name of names) {
    if (!IDENT_RE.test(name)) throw invalidParams(`invalid type name ${JSON.stringify(name.slice(0, 60))}`);
    if (ATOMIC.has(name)) throw invalidParams(`type name ${name} shadows an atomic type`);
    const fields = raw[name];
    if (!Array.isArray(fields) || fields.length > MAX_FIELDS) throw invalidParams(`types.${name} must be an array of at most ${MAX_FIELDS} { name, type } fields`);
    const seen = new Set<string>();
    out[name] = fields.map((f, i) => {
      if (!isPlainObject(f) || typeof f.name !== 'string' || typeof f.type !== 'string') throw invalidParams(`types.${name}[${i}] must be { name: string, type: string }`);
      if (!IDENT_RE.test(f.name)) throw invalidParams(`types.${name}[${i}].name is not a valid identifier`);
      if (seen.has(f.name)) throw invalidParams(`types.${name} declares field ${f.name} twice`);
      seen.add(f.name);
      checkType(f.type, raw, `types.${name}.${f.name}`);
      return { name: f.name, type: f.type };
    });
  }
  return out;
}

function parseChainId(v: unknown): number {
  let n: bigint;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) n = BigInt(v);
  else if (typeof v === 'string' && /^(0x[0-9a-fA-F]{1,16}|\d{1,20})$/.test(v)) n = BigInt(v);
  else throw invalidParams('domain.chainId must be a number, a decimal string or a hex string');
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw invalidParams('domain.chainId is too large');
  return Number(n);
}

function readDomain(raw: unknown, types: TypedTypes): TypedDomain {
  if (!isPlainObject(raw)) throw invalidParams('typed data "domain" must be an object');
  const declared = types.EIP712Domain;
  const out: TypedDomain = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    if (!(k in DOMAIN_FIELDS)) throw invalidParams(`domain.${k.slice(0, 40)} is not an EIP-712 domain field`);
    if (declared && !declared.some((f) => f.name === k)) throw invalidParams(`domain.${k} is not declared in types.EIP712Domain`);
    switch (k) {
      case 'name':
      case 'version':
        if (typeof v !== 'string' || v.length > 256) throw invalidParams(`domain.${k} must be a string`);
        out[k] = v;
        break;
      case 'chainId':
        out.chainId = parseChainId(v);
        break;
      case 'verifyingContract':
        // Case is not signed (an address is a number in EIP-712): accept it, show it checksummed.
        out.verifyingContract = readAnyCaseAddress(v, 'domain.verifyingContract');
        break;
      case 'salt':
        if (typeof v !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(v)) throw invalidParams('domain.salt must be 32 bytes of hex');
        out.salt = v.toLowerCase() as Hex;
        break;
    }
  }
  if (declared) {
    for (const f of declared) {
      const expected = DOMAIN_FIELDS[f.name];
      if (expected === undefined || expected !== f.type) throw invalidParams(`types.EIP712Domain.${f.name} must have type ${expected ?? '(not a domain field)'}`);
      if (!(f.name in out)) throw invalidParams(`domain.${f.name} is declared in EIP712Domain but missing`);
    }
  }
  return out;
}

/** Walks `value` as `type`, copying only declared fields and bounding depth, size and numbers. */
function cleanValue(value: unknown, type: string, types: TypedTypes, path: string, depth: number, budget: { nodes: number }): unknown {
  if (depth > MAX_DEPTH) throw invalidParams(`typed data is nested deeper than ${MAX_DEPTH} levels`);
  if (++budget.nodes > MAX_NODES) throw invalidParams(`typed data has more than ${MAX_NODES} values`);
  const arr = /^(.*)\[(\d*)\]$/.exec(type);
  if (arr) {
    if (!Array.isArray(value)) throw invalidParams(`${path} must be an array`);
    if (value.length > MAX_ARRAY) throw invalidParams(`${path} has more than ${MAX_ARRAY} items`);
    if (arr[2] !== '' && value.length !== Number(arr[2])) throw invalidParams(`${path} must have exactly ${arr[2]} items`);
    return value.map((v, i) => cleanValue(v, arr[1] ?? '', types, `${path}[${i}]`, depth + 1, budget));
  }
  const struct = types[type];
  if (struct) {
    if (!isPlainObject(value)) throw invalidParams(`${path} must be an object of type ${type}`);
    const out: Record<string, unknown> = {};
    for (const f of struct) {
      if (!(f.name in value) || value[f.name] === undefined) throw invalidParams(`${path}.${f.name} is missing`);
      out[f.name] = cleanValue(value[f.name], f.type, types, `${path}.${f.name}`, depth + 1, budget);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw invalidParams(`${path} is a number outside the safe integer range; pass it as a string`);
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw invalidParams(`${path} must be a string, number or boolean`);
  // Any valid 20-byte hex: a wrong EIP-55 case signs the same number (MetaMask accepts it too).
  if (type === 'address') {
    if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value)) throw invalidParams(`${path} is not a valid address (0x and 40 hex digits)`);
    return readAnyCaseAddress(value, path);
  }
  return value;
}

const toBig = (v: unknown): bigint | undefined => {
  try {
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' ? BigInt(v) : undefined;
  } catch {
    return undefined;
  }
};

const addr = (v: unknown): Address | undefined => {
  try {
    return typeof v === 'string' ? readAddress(v, 'address') : undefined;
  } catch {
    return undefined;
  }
};

/** Seconds value as a number; values beyond 2^53 are "never". */
const secs = (v: bigint | undefined): number | undefined => (v === undefined ? undefined : v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v));

function expiry(seconds: number | undefined, zeroMeansNever: boolean, now: number, longAfter: number): { noExpiry: boolean; longExpiry: boolean } {
  if (seconds === undefined) return { noExpiry: false, longExpiry: false };
  // 2^32 seconds is year 2106: anything at or beyond is a "never" sentinel.
  const never = (zeroMeansNever && seconds === 0) || seconds >= 2 ** 32 - 1;
  return { noExpiry: never, longExpiry: never || seconds > now + longAfter };
}

/** Recognises permit-style typed data (ERC-2612, DAI, Permit2). */
export function decodePermits(td: Pick<ValidatedTypedData, 'primaryType' | 'domain' | 'message'>, nowSeconds = Math.floor(Date.now() / 1000), longExpirySeconds = 365 * 24 * 3600): PermitApproval[] {
  const m = td.message;
  const isPermit2 = td.domain.name === 'Permit2' || td.domain.verifyingContract?.toLowerCase() === PERMIT2_ADDRESS.toLowerCase();
  const spender = addr(m.spender);
  if (!spender) return [];
  const allowanceFields = (amount: bigint, bits: number): Pick<PermitApproval, 'amount' | 'unlimited' | 'unlimitedReason'> => {
    const v = classifyAllowance(amount, { bits });
    return { amount, unlimited: v.unlimited, ...(v.reason !== undefined ? { unlimitedReason: v.reason } : {}) };
  };

  if (td.primaryType === 'Permit' && !isPermit2) {
    const token = td.domain.verifyingContract;
    if ('allowed' in m && 'expiry' in m) {
      const allowed = m.allowed === true || m.allowed === 'true';
      const exp = secs(toBig(m.expiry));
      return [
        {
          standard: 'dai',
          ...(token ? { token } : {}),
          spender,
          ...allowanceFields(allowed ? MAX_UINT256 : 0n, 256),
          ...(exp !== undefined ? { signatureDeadline: exp, allowanceExpiration: exp } : {}),
          ...expiry(exp, true, nowSeconds, longExpirySeconds),
        },
      ];
    }
    const value = toBig(m.value);
    if (value === undefined) return [];
    const deadline = secs(toBig(m.deadline));
    return [
      {
        standard: 'erc2612',
        ...(token ? { token } : {}),
        spender,
        ...allowanceFields(value, 256),
        ...(deadline !== undefined ? { signatureDeadline: deadline } : {}),
        ...expiry(deadline, false, nowSeconds, longExpirySeconds),
      },
    ];
  }

  if (!isPermit2) return [];
  const sigDeadline = secs(toBig(m.sigDeadline ?? m.deadline));
  if (td.primaryType === 'PermitSingle' || td.primaryType === 'PermitBatch') {
    const details = Array.isArray(m.details) ? m.details : [m.details];
    return details.flatMap((d): PermitApproval[] => {
      if (!isPlainObject(d)) return [];
      const token = addr(d.token);
      const amount = toBig(d.amount);
      if (amount === undefined) return [];
      const exp = secs(toBig(d.expiration));
      return [
        {
          standard: td.primaryType === 'PermitSingle' ? 'permit2_single' : 'permit2_batch',
          ...(token ? { token } : {}),
          spender,
          ...allowanceFields(amount, 160),
          ...(sigDeadline !== undefined ? { signatureDeadline: sigDeadline } : {}),
          ...(exp !== undefined ? { allowanceExpiration: exp } : {}),
          // uint48 max is Permit2's "never".
          ...expiry(exp !== undefined && exp >= 2 ** 48 - 1 ? Number.POSITIVE_INFINITY : exp, false, nowSeconds, longExpirySeconds),
        },
      ];
    });
  }
  if (/^Permit(Batch)?(Witness)?TransferFrom$/.test(td.primaryType)) {
    const permitted = Array.isArray(m.permitted) ? m.permitted : [m.permitted];
    const batch = td.primaryType.startsWith('PermitBatch');
    return permitted.flatMap((p): PermitApproval[] => {
      if (!isPlainObject(p)) return [];
      const token = addr(p.token);
      const amount = toBig(p.amount);
      if (amount === undefined) return [];
      return [
        {
          standard: batch ? 'permit2_batch_transfer' : 'permit2_transfer',
          ...(token ? { token } : {}),
          spender,
          ...allowanceFields(amount, 256),
          ...(sigDeadline !== undefined ? { signatureDeadline: sigDeadline } : {}),
          ...expiry(sigDeadline, false, nowSeconds, longExpirySeconds),
        },
      ];
    });
  }
  return [];
}

/** Our runtime-validated shape, handed to viem's generic (compile-time-typed) API. */
function asViemTypedData(td: Pick<ValidatedTypedData, 'types' | 'primaryType' | 'domain' | 'message'>): TypedDataDefinition {
  return { types: td.types, primaryType: td.primaryType, domain: td.domain, message: td.message } as unknown as TypedDataDefinition;
}

/**
 * Validates a typed-data payload (JSON string or object) for the origin's active chain. Throws a
 * -32602 ProviderRpcError naming the problem; a different domain.chainId is refused.
 */
export function validateTypedData(raw: unknown, opts: TypedDataOptions): ValidatedTypedData {
  let data: unknown = raw;
  if (typeof raw === 'string') {
    data = parseTypedDataJson(raw, MAX_TYPED_DATA_BYTES);
  } else {
    let size: number;
    try {
      size = JSON.stringify(raw)?.length ?? 0;
    } catch {
      throw invalidParams('typed data is not serialisable');
    }
    if (size > MAX_TYPED_DATA_BYTES) throw invalidParams(`typed data is larger than ${MAX_TYPED_DATA_BYTES} bytes`);
  }
  if (!isPlainObject(data)) throw invalidParams('typed data must be an object with types, primaryType, domain and message');
  const types = readTypes(data.types);
  if (typeof data.primaryType !== 'string' || !Object.prototype.hasOwnProperty.call(types, data.primaryType)) {
    throw invalidParams('typed data "primaryType" must name one of its types');
  }
  const primaryType = data.primaryType;
  const domain = readDomain(data.domain ?? {}, types);
  if (domain.chainId !== undefined && domain.chainId !== opts.activeChainId) {
    throw invalidParams(`Provided chainId "${domain.chainId}" must match the active chainId "${opts.activeChainId}"`, {
      domainChainId: domain.chainId,
      activeChainId: opts.activeChainId,
    });
  }
  const budget = { nodes: 0 };
  let message: Record<string, unknown> = {};
  if (primaryType !== 'EIP712Domain') {
    if (!isPlainObject(data.message)) throw invalidParams('typed data "message" must be an object');
    message = cleanValue(data.message, primaryType, types, 'message', 0, budget) as Record<string, unknown>;
  }
  let hash: Hex;
  try {
    hash = hashTypedData(asViemTypedData({ types, primaryType, domain, message }));
  } catch (err) {
    const e = err as { shortMessage?: unknown; message?: unknown };
    const why = typeof e.shortMessage === 'string' ? e.shortMessage : typeof e.message === 'string' ? e.message : 'cannot be encoded';
    throw invalidParams(`typed data cannot be encoded: ${why.slice(0, 300)}`);
  }
  const permits = decodePermits({ primaryType, domain, message }, opts.nowSeconds, opts.longExpirySeconds);
  return { types, primaryType, domain, message, hash, permits };
}

/**
 * eth_signTypedData_v4 params: [address, typedData]. Returns the address (checksummed) and the
 * validated typed data; the caller checks the address is permitted for the origin.
 */
export function parseSignTypedDataParams(params: unknown, opts: TypedDataOptions): { address: Address; typedData: ValidatedTypedData } {
  if (!Array.isArray(params) || params.length !== 2) throw invalidParams('eth_signTypedData_v4 expects [address, typedData]');
  const address = readAddress(params[0], 'address');
  return { address, typedData: validateTypedData(params[1], opts) };
}

/** Signs validated typed data with a secp256k1 private key. */
export async function signTypedDataV4(td: ValidatedTypedData, privateKey: PrivateKeyInput): Promise<Hex> {
  return viemSignTypedData({ privateKey: privateKeyHex(privateKey), ...asViemTypedData(td) });
}
