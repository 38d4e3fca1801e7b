/**
 * Decodes a TRON transaction's raw_data bytes (the protobuf whose sha256 is the txID and what the
 * signature covers): reference block, expiration, fee limit, memo, and the contract with its
 * parameters for the types a wallet meets (TRX and TRC-10 transfers, smart-contract calls with
 * TRC-20 recognition, staking/resource delegation, votes, permission updates); other types by
 * name and owner. Also compares the node's/dApp's JSON raw_data with these decoded bytes.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { decodeTrc20Call, type Trc20Call } from './abi.ts';
import { normalizeTronAddress, tronAddressFromBytes } from './addressInput.ts';
import { TronWalletError } from './errors.ts';
import { asInt64, ProtobufError, readFields, type ProtoField } from './protobuf.ts';

/** ContractType enum of java-tron's Tron.proto. */
export const CONTRACT_TYPES: Readonly<Record<number, string>> = {
  0: 'AccountCreateContract', 1: 'TransferContract', 2: 'TransferAssetContract', 3: 'VoteAssetContract', 4: 'VoteWitnessContract',
  5: 'WitnessCreateContract', 6: 'AssetIssueContract', 8: 'WitnessUpdateContract', 9: 'ParticipateAssetIssueContract',
  10: 'AccountUpdateContract', 11: 'FreezeBalanceContract', 12: 'UnfreezeBalanceContract', 13: 'WithdrawBalanceContract',
  14: 'UnfreezeAssetContract', 15: 'UpdateAssetContract', 16: 'ProposalCreateContract', 17: 'ProposalApproveContract',
  18: 'ProposalDeleteContract', 19: 'SetAccountIdContract', 20: 'CustomContract', 30: 'CreateSmartContract',
  31: 'TriggerSmartContract', 32: 'GetContract', 33: 'UpdateSettingContract', 41: 'ExchangeCreateContract',
  42: 'ExchangeInjectContract', 43: 'ExchangeWithdrawContract', 44: 'ExchangeTransactionContract',
  45: 'UpdateEnergyLimitContract', 46: 'AccountPermissionUpdateContract', 48: 'ClearABIContract',
  49: 'UpdateBrokerageContract', 51: 'ShieldedTransferContract', 52: 'MarketSellAssetContract',
  53: 'MarketCancelOrderContract', 54: 'FreezeBalanceV2Contract', 55: 'UnfreezeBalanceV2Contract',
  56: 'WithdrawExpireUnfreezeContract', 57: 'DelegateResourceContract', 58: 'UnDelegateResourceContract',
  59: 'CancelAllUnfreezeV2Contract',
};

export type TronResource = 'BANDWIDTH' | 'ENERGY' | 'TRON_POWER';

export type TronContractValue =
  | { type: 'TransferContract'; owner: string; to: string; amount: bigint }
  | { type: 'TransferAssetContract'; owner: string; to: string; assetName: string; amount: bigint }
  | { type: 'TriggerSmartContract'; owner: string; contract: string; callValue: bigint; data: string; callTokenValue: bigint; tokenId: bigint; call: Trc20Call }
  | { type: 'FreezeBalanceV2Contract' | 'UnfreezeBalanceV2Contract'; owner: string; amount: bigint; resource: TronResource }
  | { type: 'DelegateResourceContract' | 'UnDelegateResourceContract'; owner: string; receiver: string; amount: bigint; resource: TronResource; lock: boolean }
  | { type: 'VoteWitnessContract'; owner: string; votes: { address: string; count: bigint }[] }
  | { type: 'AccountPermissionUpdateContract'; owner: string }
  | { type: 'other'; typeName: string; owner?: string };

export interface TronContractEntry {
  typeId: number;
  typeName: string;
  typeUrl: string;
  permissionId: number;
  value: TronContractValue;
}

export interface TronRawData {
  /** Hex of the 2 ref block bytes (block number bits 16..31 from the end, i.e. bytes 6..8 of the height). */
  refBlockBytes: string;
  /** Hex of 8 bytes of the reference block id (bytes 8..16). */
  refBlockHash: string;
  refBlockNum?: bigint;
  /** Milliseconds since epoch. */
  expiration: bigint;
  timestamp?: bigint;
  feeLimit?: bigint;
  /** Memo bytes as hex, when present. */
  data?: string;
  /** Multi-signature auths / scripts present (the wallet never builds these). */
  hasAuths: boolean;
  hasScripts: boolean;
  contracts: TronContractEntry[];
}

const RESOURCES: readonly TronResource[] = ['BANDWIDTH', 'ENERGY', 'TRON_POWER'];

function malformed(why: string): TronWalletError {
  return new TronWalletError('MALFORMED_TRANSACTION', `Malformed TRON transaction: ${why}`);
}

const bytesOf = (fields: ProtoField[], n: number): Uint8Array | undefined => {
  const f = fields.find((x) => x.field === n);
  if (f === undefined) return undefined;
  if (f.wire !== 2) throw malformed(`field ${n} has the wrong wire type`);
  return f.value;
};
const intOf = (fields: ProtoField[], n: number): bigint | undefined => {
  const f = fields.find((x) => x.field === n);
  if (f === undefined) return undefined;
  if (f.wire === 2) throw malformed(`field ${n} has the wrong wire type`);
  return asInt64(f.value);
};
const addr = (fields: ProtoField[], n: number, what: string): string => {
  const b = bytesOf(fields, n);
  if (!b || b.length !== 21 || b[0] !== 0x41) throw malformed(`${what} is not a TRON address`);
  return tronAddressFromBytes(b);
};

function decodeValue(typeId: number, typeName: string, value: Uint8Array): TronContractValue {
  const f = readFields(value);
  switch (typeId) {
    case 1:
      return { type: 'TransferContract', owner: addr(f, 1, 'owner_address'), to: addr(f, 2, 'to_address'), amount: intOf(f, 3) ?? 0n };
    case 2:
      return { type: 'TransferAssetContract', assetName: new TextDecoder().decode(bytesOf(f, 1) ?? new Uint8Array()), owner: addr(f, 2, 'owner_address'), to: addr(f, 3, 'to_address'), amount: intOf(f, 4) ?? 0n };
    case 31: {
      const data = bytesToHex(bytesOf(f, 4) ?? new Uint8Array());
      return {
        type: 'TriggerSmartContract',
        owner: addr(f, 1, 'owner_address'),
        contract: addr(f, 2, 'contract_address'),
        callValue: intOf(f, 3) ?? 0n,
        data,
        callTokenValue: intOf(f, 5) ?? 0n,
        tokenId: intOf(f, 6) ?? 0n,
        call: decodeTrc20Call(data),
      };
    }
    case 54:
    case 55:
      return { type: typeId === 54 ? 'FreezeBalanceV2Contract' : 'UnfreezeBalanceV2Contract', owner: addr(f, 1, 'owner_address'), amount: intOf(f, 2) ?? 0n, resource: RESOURCES[Number(intOf(f, 3) ?? 0n)] ?? 'BANDWIDTH' };
    case 57:
    case 58:
      return {
        type: typeId === 57 ? 'DelegateResourceContract' : 'UnDelegateResourceContract',
        owner: addr(f, 1, 'owner_address'),
        resource: RESOURCES[Number(intOf(f, 2) ?? 0n)] ?? 'BANDWIDTH',
        amount: intOf(f, 3) ?? 0n,
        receiver: addr(f, 4, 'receiver_address'),
        lock: (intOf(f, 5) ?? 0n) !== 0n,
      };
    case 4:
      return {
        type: 'VoteWitnessContract',
        owner: addr(f, 1, 'owner_address'),
        votes: f.filter((x) => x.field === 2 && x.wire === 2).map((x) => {
          const v = readFields(x.value as Uint8Array);
          return { address: addr(v, 1, 'vote_address'), count: intOf(v, 2) ?? 0n };
        }),
      };
    case 46:
      return { type: 'AccountPermissionUpdateContract', owner: addr(f, 1, 'owner_address') };
    default: {
      const o = bytesOf(f, 1);
      return { type: 'other', typeName, ...(o && o.length === 21 && o[0] === 0x41 ? { owner: tronAddressFromBytes(o) } : {}) };
    }
  }
}

/** Decodes raw_data bytes (hex or bytes). Throws MALFORMED_TRANSACTION on anything unparseable. */
export function decodeRawData(raw: string | Uint8Array): TronRawData {
  let bytes: Uint8Array;
  if (typeof raw === 'string') {
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(raw)) throw malformed('raw_data_hex is not hex');
    bytes = hexToBytes(raw);
  } else {
    bytes = raw;
  }
  try {
    const f = readFields(bytes);
    const contracts = f
      .filter((x) => x.field === 11)
      .map((x): TronContractEntry => {
        if (x.wire !== 2) throw malformed('contract has the wrong wire type');
        const c = readFields(x.value);
        const typeId = Number(intOf(c, 1) ?? 0n);
        const typeName = CONTRACT_TYPES[typeId] ?? `ContractType${typeId}`;
        const any = bytesOf(c, 2);
        if (!any) throw malformed('contract without parameter');
        const a = readFields(any);
        const typeUrl = new TextDecoder().decode(bytesOf(a, 1) ?? new Uint8Array());
        const value = bytesOf(a, 2) ?? new Uint8Array();
        return { typeId, typeName, typeUrl, permissionId: Number(intOf(c, 5) ?? 0n), value: decodeValue(typeId, typeName, value) };
      });
    const refBlockBytes = bytesOf(f, 1);
    const refBlockHash = bytesOf(f, 4);
    const expiration = intOf(f, 8);
    if (!refBlockBytes || refBlockBytes.length !== 2 || !refBlockHash || refBlockHash.length !== 8 || expiration === undefined) {
      throw malformed('missing reference block or expiration');
    }
    const data = bytesOf(f, 10);
    const refBlockNum = intOf(f, 3);
    const timestamp = intOf(f, 14);
    const feeLimit = intOf(f, 18);
    return {
      refBlockBytes: bytesToHex(refBlockBytes),
      refBlockHash: bytesToHex(refBlockHash),
      ...(refBlockNum !== undefined ? { refBlockNum } : {}),
      expiration,
      ...(timestamp !== undefined ? { timestamp } : {}),
      ...(feeLimit !== undefined ? { feeLimit } : {}),
      ...(data !== undefined && data.length > 0 ? { data: bytesToHex(data) } : {}),
      hasAuths: f.some((x) => x.field === 9),
      hasScripts: f.some((x) => x.field === 12 && x.wire === 2 && x.value.length > 0),
      contracts,
    };
  } catch (err) {
    if (err instanceof TronWalletError) throw err;
    if (err instanceof ProtobufError) throw malformed(err.message);
    throw malformed(err instanceof Error ? err.message : 'undecodable raw_data');
  }
}

/** sha256(raw_data bytes) as lower-case hex: what the txID must be. */
export function txIdOfRawData(rawDataHex: string): string {
  return bytesToHex(sha256(hexToBytes(rawDataHex)));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sameInt(json: unknown, value: bigint | undefined): boolean {
  const j = typeof json === 'bigint' ? json : typeof json === 'number' && Number.isSafeInteger(json) ? BigInt(json) : typeof json === 'string' && /^-?\d+$/.test(json) ? BigInt(json) : undefined;
  return (j ?? 0n) === (value ?? 0n) && (json === undefined || j !== undefined);
}

/**
 * Compares the JSON raw_data a node or dApp supplied with the decoded bytes; returns the first
 * field that differs, or undefined when they agree. The bytes are what gets signed, so a JSON that
 * says something else (what a UI or tronweb would show) is refused by the callers.
 */
export function rawDataJsonMismatch(json: unknown, decoded: TronRawData): string | undefined {
  if (!isObject(json)) return 'raw_data';
  if (typeof json.ref_block_bytes !== 'string' || json.ref_block_bytes.toLowerCase() !== decoded.refBlockBytes) return 'ref_block_bytes';
  if (typeof json.ref_block_hash !== 'string' || json.ref_block_hash.toLowerCase() !== decoded.refBlockHash) return 'ref_block_hash';
  if (!sameInt(json.expiration, decoded.expiration)) return 'expiration';
  if (json.timestamp !== undefined && !sameInt(json.timestamp, decoded.timestamp)) return 'timestamp';
  if (!sameInt(json.fee_limit, decoded.feeLimit)) return 'fee_limit';
  if (((typeof json.data === 'string' ? json.data : '') || '').toLowerCase() !== (decoded.data ?? '')) return 'data';
  if (!Array.isArray(json.contract) || json.contract.length !== decoded.contracts.length) return 'contract';
  for (let i = 0; i < decoded.contracts.length; i++) {
    const c = json.contract[i] as unknown;
    const d = decoded.contracts[i] as TronContractEntry;
    if (!isObject(c) || c.type !== d.typeName) return `contract[${i}].type`;
    if (!sameInt(c.Permission_id, BigInt(d.permissionId))) return `contract[${i}].Permission_id`;
    const p = isObject(c.parameter) && isObject(c.parameter.value) ? c.parameter.value : undefined;
    if (!p) return `contract[${i}].parameter`;
    const v = d.value;
    const sameAddr = (key: string, expected: string): boolean => normalizeTronAddress(p[key]) === expected;
    if ('owner' in v && v.owner !== undefined && !sameAddr('owner_address', v.owner)) return `contract[${i}].owner_address`;
    if (v.type === 'TransferContract') {
      if (!sameAddr('to_address', v.to)) return `contract[${i}].to_address`;
      if (!sameInt(p.amount, v.amount)) return `contract[${i}].amount`;
    }
    if (v.type === 'TriggerSmartContract') {
      if (!sameAddr('contract_address', v.contract)) return `contract[${i}].contract_address`;
      if (((typeof p.data === 'string' ? p.data : '') || '').toLowerCase().replace(/^0x/, '') !== v.data) return `contract[${i}].data`;
      if (!sameInt(p.call_value, v.callValue)) return `contract[${i}].call_value`;
      if (!sameInt(p.call_token_value, v.callTokenValue)) return `contract[${i}].call_token_value`;
    }
    if (v.type === 'TransferAssetContract') {
      if (!sameAddr('to_address', v.to)) return `contract[${i}].to_address`;
      if (!sameInt(p.amount, v.amount)) return `contract[${i}].amount`;
    }
  }
  return undefined;
}
