/**
 * What the approval window shows for a transaction: the entry function (module, function, type
 * arguments) with every argument decoded by the ABI's types, and the transfer it makes when it is
 * one of the framework's transfer functions (amount in APT or in the asset's units).
 */
import type { EntrySignature } from './abi.ts';
import { decodeArgument } from './args.ts';
import { bytesToHex } from '../../../core/derive/bytes.ts';
import type { EntryFunction, Payload } from './transaction.ts';
import { addressFromBytes, displayAddress, longAddress, substitute, typeTagToString } from './typeTag.ts';
import { BcsReader } from './bcs.ts';

export interface DecodedArgument {
  type: string;
  value: string;
}

export interface DecodedCall {
  kind: 'entry' | 'script' | 'multisig';
  /** "0x1::aptos_account::transfer" (special addresses short). */
  function: string;
  typeArgs: string[];
  args: DecodedArgument[];
}

export type TransferAsset = { kind: 'apt' } | { kind: 'fa'; metadata: string } | { kind: 'coin'; type: string };

export interface TransferIntent {
  asset: TransferAsset;
  to: string;
  amount: bigint;
}

export const APT_COIN_TYPE = '0x1::aptos_coin::AptosCoin';
const APT_FA = longAddress('0xa');
const ONE = longAddress('0x1');

export function callName(e: EntryFunction): string {
  return `${displayAddress(e.address)}::${e.module}::${e.function}`;
}

export function describePayload(p: Payload, sig: EntrySignature | null): DecodedCall {
  if (p.kind === 'script') return { kind: 'script', function: 'script', typeArgs: p.typeArgs.map(typeTagToString), args: [{ type: 'bytecode', value: `${p.code.length} bytes` }] };
  const e = p.kind === 'multisig' ? p.entry : p;
  if (!e) return { kind: 'multisig', function: `multisig ${p.kind === 'multisig' ? p.multisigAddress : ''}`, typeArgs: [], args: [] };
  const typeArgs = e.typeArgs.map(typeTagToString);
  const args = e.args.map((bytes, i) => {
    const t = sig?.params[i];
    if (!t || sig.params.length !== e.args.length) return { type: 'bytes', value: `0x${bytesToHex(bytes)}` };
    const concrete = substitute(t, e.typeArgs);
    return { type: typeTagToString(concrete), value: decodeArgument(concrete, bytes, `argument ${i}`) };
  });
  return { kind: p.kind, function: callName(e), typeArgs, args };
}

const u64Of = (b: Uint8Array | undefined): bigint => {
  const r = new BcsReader(b ?? new Uint8Array());
  const v = r.u64();
  r.end('an amount');
  return v;
};
const addressOf = (b: Uint8Array | undefined): string => {
  if (!b || b.length !== 32) throw new Error('not an address');
  return addressFromBytes(b);
};

/** The transfer a framework transfer function makes, or null for any other call. */
export function transferIntent(p: Payload): TransferIntent | null {
  if (p.kind !== 'entry' || p.address !== ONE) return null;
  const ty = p.typeArgs.map(typeTagToString);
  try {
    const fn = `${p.module}::${p.function}`;
    if (fn === 'aptos_account::transfer') return { asset: { kind: 'apt' }, to: addressOf(p.args[0]), amount: u64Of(p.args[1]) };
    if ((fn === 'aptos_account::transfer_coins' || fn === 'coin::transfer') && ty.length === 1) {
      return { asset: ty[0] === APT_COIN_TYPE ? { kind: 'apt' } : { kind: 'coin', type: ty[0]! }, to: addressOf(p.args[0]), amount: u64Of(p.args[1]) };
    }
    if (fn === 'primary_fungible_store::transfer') {
      const metadata = addressOf(p.args[0]);
      return { asset: metadata === APT_FA ? { kind: 'apt' } : { kind: 'fa', metadata }, to: addressOf(p.args[1]), amount: u64Of(p.args[2]) };
    }
  } catch {
    return null;
  }
  return null;
}
