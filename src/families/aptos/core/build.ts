/**
 * Building transactions: the wallet's own transfers (APT through 0x1::aptos_account::transfer, which
 * creates a missing recipient account; fungible assets through primary_fungible_store::transfer;
 * legacy coins through aptos_account::transfer_coins) and a dApp's JSON entry-function payload,
 * whose arguments are encoded with the function's ABI fetched from the node.
 */
import { addressArg, encodeArgument, u64Bytes } from './args.ts';
import type { EntrySignature } from './abi.ts';
import { malformed } from './errors.ts';
import type { EntryFunction, RawTransaction } from './transaction.ts';
import { longAddress, parseTypeTag, substitute, type TypeTag } from './typeTag.ts';

export const FA_METADATA_TYPE = '0x1::fungible_asset::Metadata';
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_ARGS = 64;

export function aptTransfer(to: string, octas: bigint): EntryFunction {
  return { kind: 'entry', address: longAddress('0x1'), module: 'aptos_account', function: 'transfer', typeArgs: [], args: [addressArg(to), u64Bytes(octas)] };
}

export function fungibleAssetTransfer(metadata: string, to: string, amount: bigint): EntryFunction {
  return { kind: 'entry', address: longAddress('0x1'), module: 'primary_fungible_store', function: 'transfer', typeArgs: [parseTypeTag(FA_METADATA_TYPE)], args: [addressArg(metadata), addressArg(to), u64Bytes(amount)] };
}

export function coinTransfer(coinType: string, to: string, amount: bigint): EntryFunction {
  return { kind: 'entry', address: longAddress('0x1'), module: 'aptos_account', function: 'transfer_coins', typeArgs: [parseTypeTag(coinType)], args: [addressArg(to), u64Bytes(amount)] };
}

/** A dApp's { function, typeArguments, functionArguments } checked for shape (no ABI yet). */
export interface EntryInput {
  address: string;
  module: string;
  function: string;
  typeArgs: TypeTag[];
  args: unknown[];
}

export function parseEntryInput(v: unknown): EntryInput {
  if (typeof v !== 'object' || v === null) throw malformed('payload must be an object { function, typeArguments, functionArguments }');
  const p = v as Record<string, unknown>;
  if ('bytecode' in p) throw malformed('script payloads are not accepted by signAndSubmitTransaction; send an entry function');
  if ('multisigAddress' in p) throw malformed('multisig payloads are not supported by this wallet');
  if (typeof p.function !== 'string') throw malformed('payload.function must be "address::module::function"');
  const parts = p.function.split('::');
  if (parts.length !== 3 || !IDENT.test(parts[1]!) || !IDENT.test(parts[2]!)) throw malformed(`payload.function ${JSON.stringify(p.function.slice(0, 120))} is not "address::module::function"`);
  const typeArgsIn = p.typeArguments ?? [];
  const argsIn = p.functionArguments ?? [];
  if (!Array.isArray(typeArgsIn) || typeArgsIn.length > 32) throw malformed('payload.typeArguments must be a list of Move types');
  if (!Array.isArray(argsIn) || argsIn.length > MAX_ARGS) throw malformed(`payload.functionArguments must be a list of at most ${MAX_ARGS} values`);
  return { address: longAddress(parts[0]!), module: parts[1]!, function: parts[2]!, typeArgs: typeArgsIn.map((t, i) => (typeof t === 'string' ? parseTypeTag(t) : (() => { throw malformed(`typeArguments[${i}] must be a string`); })())), args: argsIn };
}

/** Encodes the dApp's arguments with the function's ABI: count and every value checked. */
export function buildEntryFunction(input: EntryInput, sig: EntrySignature): EntryFunction {
  if (input.typeArgs.length !== sig.typeParamCount) throw malformed(`${input.module}::${input.function} takes ${sig.typeParamCount} type arguments, got ${input.typeArgs.length}`);
  if (input.args.length !== sig.params.length) throw malformed(`${input.module}::${input.function} takes ${sig.params.length} arguments, got ${input.args.length}`);
  const args = sig.params.map((t, i) => encodeArgument(substitute(t, input.typeArgs), input.args[i], `functionArguments[${i}]`));
  return { kind: 'entry', address: input.address, module: input.module, function: input.function, typeArgs: input.typeArgs, args };
}

export const DEFAULT_EXPIRATION_SECS = 60;

export function rawTransaction(p: { sender: string; sequenceNumber: bigint; payload: EntryFunction; maxGasAmount: bigint; gasUnitPrice: bigint; nowSecs: number; chainId: number; expirationSecs?: number }): RawTransaction {
  return {
    sender: longAddress(p.sender),
    sequenceNumber: p.sequenceNumber,
    payload: p.payload,
    maxGasAmount: p.maxGasAmount,
    gasUnitPrice: p.gasUnitPrice,
    expirationTimestampSecs: BigInt(Math.floor(p.nowSecs) + (p.expirationSecs ?? DEFAULT_EXPIRATION_SECS)),
    chainId: p.chainId,
  };
}

/** Max gas from a simulation: used gas with 50 % headroom (ts-sdk's wallets use a similar fuzz), at least 200. */
export function maxGasFromSimulation(gasUsed: bigint): bigint {
  const padded = (gasUsed * 3n) / 2n;
  return padded < 200n ? 200n : padded;
}
