/**
 * Aptos raw transactions as BCS: the payload variants (script, entry function, multisig), the
 * signing messages (sha3-256 domain prefixes "APTOS::RawTransaction" and, for multi-agent and
 * fee-payer transactions, "APTOS::RawTransactionWithData"), the signed transaction with an Ed25519
 * authenticator, the account authenticator dApps receive from signTransaction and the transaction
 * hash the node reports. Decoding is strict (no trailing bytes) so what is shown is what is signed.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '../../../core/derive/bytes.ts';
import { BcsReader, BcsWriter } from './bcs.ts';
import { AptosError, malformed } from './errors.ts';
import { addressBytes, addressFromBytes, readTypeTag, writeTypeTag, type TypeTag } from './typeTag.ts';

export interface EntryFunction {
  kind: 'entry';
  /** Long address of the module's account. */
  address: string;
  module: string;
  function: string;
  typeArgs: TypeTag[];
  /** Each argument's BCS bytes (the transaction carries them length-prefixed). */
  args: Uint8Array[];
}

export interface ScriptPayload {
  kind: 'script';
  code: Uint8Array;
  typeArgs: TypeTag[];
  argCount: number;
}

export interface MultisigPayload {
  kind: 'multisig';
  multisigAddress: string;
  entry?: EntryFunction;
}

export type Payload = EntryFunction | ScriptPayload | MultisigPayload;

export interface RawTransaction {
  sender: string;
  sequenceNumber: bigint;
  payload: Payload;
  maxGasAmount: bigint;
  gasUnitPrice: bigint;
  expirationTimestampSecs: bigint;
  chainId: number;
}

/** Multi-agent / fee-payer data signed with the raw transaction (AIP-39). */
export interface TransactionExtras {
  secondarySigners?: string[];
  feePayer?: string;
}

const PAYLOAD = { script: 0, moduleBundle: 1, entry: 2, multisig: 3 } as const;
const ED25519_AUTH = 0;
const MAX_ARG_BYTES = 64 * 1024;

export const domainHash = (name: string): Uint8Array => sha3_256(utf8ToBytes(name));

function writeEntry(w: BcsWriter, e: EntryFunction): void {
  w.fixed(addressBytes(e.address)).str(e.module).str(e.function).uleb(e.typeArgs.length);
  for (const t of e.typeArgs) writeTypeTag(w, t);
  w.uleb(e.args.length);
  for (const a of e.args) w.bytes(a);
}

function readEntry(r: BcsReader): EntryFunction {
  const address = addressFromBytes(r.fixed(32));
  const module = r.str();
  const fn = r.str();
  const typeArgs = r.vec((x) => readTypeTag(x), 32);
  const args = r.vec((x) => {
    const b = x.bytes();
    if (b.length > MAX_ARG_BYTES) throw malformed('an entry function argument is too large');
    return b;
  }, 256);
  return { kind: 'entry', address, module, function: fn, typeArgs, args };
}

/** Script arguments (TransactionArgument): read only to know where the payload ends. */
function skipScriptArg(r: BcsReader): void {
  const v = r.uleb();
  const widths: Record<number, number> = { 0: 1, 1: 8, 2: 16, 3: 32, 5: 1, 6: 2, 7: 4, 8: 32 };
  if (v === 4 || v === 9) r.bytes();
  else if (widths[v] !== undefined) r.fixed(widths[v]!);
  else throw malformed(`unknown script argument variant ${v}`);
}

export function writePayload(w: BcsWriter, p: Payload): void {
  if (p.kind === 'entry') {
    w.uleb(PAYLOAD.entry);
    writeEntry(w, p);
  } else {
    throw new AptosError('UNSUPPORTED', `the wallet does not build ${p.kind} payloads`);
  }
}

export function readPayload(r: BcsReader): Payload {
  const v = r.uleb();
  if (v === PAYLOAD.entry) return readEntry(r);
  if (v === PAYLOAD.script) {
    const code = r.bytes();
    const typeArgs = r.vec((x) => readTypeTag(x), 32);
    const n = r.uleb();
    for (let i = 0; i < n; i++) skipScriptArg(r);
    return { kind: 'script', code, typeArgs, argCount: n };
  }
  if (v === PAYLOAD.multisig) {
    const multisigAddress = addressFromBytes(r.fixed(32));
    const has = r.u8();
    if (has > 1) throw malformed('invalid multisig payload option');
    if (has === 0) return { kind: 'multisig', multisigAddress };
    const inner = r.uleb();
    if (inner !== 0) throw malformed(`unknown multisig payload variant ${inner}`);
    return { kind: 'multisig', multisigAddress, entry: readEntry(r) };
  }
  if (v === PAYLOAD.moduleBundle) throw new AptosError('UNSUPPORTED', 'module bundle payloads are deprecated and refused');
  throw new AptosError('UNSUPPORTED', `transaction payload variant ${v} is not supported by this wallet`);
}

export function encodeRawTransaction(t: RawTransaction): Uint8Array {
  const w = new BcsWriter().fixed(addressBytes(t.sender)).u64(t.sequenceNumber);
  writePayload(w, t.payload);
  return w.u64(t.maxGasAmount).u64(t.gasUnitPrice).u64(t.expirationTimestampSecs).u8(t.chainId).toBytes();
}

/** Strict decode of a dApp's raw transaction bytes. */
export function decodeRawTransaction(bytes: Uint8Array): RawTransaction {
  const r = new BcsReader(bytes);
  const sender = addressFromBytes(r.fixed(32));
  const sequenceNumber = r.u64();
  const payload = readPayload(r);
  const tx: RawTransaction = { sender, sequenceNumber, payload, maxGasAmount: r.u64(), gasUnitPrice: r.u64(), expirationTimestampSecs: r.u64(), chainId: r.u8() };
  r.end('The raw transaction');
  return tx;
}

/** What the account's key signs: domain prefix + BCS (with the multi-agent / fee-payer wrapper). */
export function signingMessage(rawBytes: Uint8Array, extras: TransactionExtras = {}): Uint8Array {
  if (extras.feePayer === undefined && extras.secondarySigners === undefined) return concatBytes(domainHash('APTOS::RawTransaction'), rawBytes);
  const w = new BcsWriter().uleb(extras.feePayer !== undefined ? 1 : 0).fixed(rawBytes);
  const secondary = extras.secondarySigners ?? [];
  w.uleb(secondary.length);
  for (const a of secondary) w.fixed(addressBytes(a));
  if (extras.feePayer !== undefined) w.fixed(addressBytes(extras.feePayer));
  return concatBytes(domainHash('APTOS::RawTransactionWithData'), w.toBytes());
}

export function signEd25519(message: Uint8Array, secretKey: Uint8Array): { publicKey: Uint8Array; signature: Uint8Array } {
  if (secretKey.length !== 32) throw new AptosError('MALFORMED', 'An Aptos signing key is a 32-byte ed25519 seed');
  return { publicKey: ed25519.getPublicKey(secretKey), signature: ed25519.sign(message, secretKey) };
}

/** SignedTransaction = raw || TransactionAuthenticator::Ed25519 { public_key, signature }. */
export function signedTransactionBytes(rawBytes: Uint8Array, publicKey: Uint8Array, signature: Uint8Array): Uint8Array {
  return concatBytes(rawBytes, new BcsWriter().uleb(ED25519_AUTH).bytes(publicKey).bytes(signature).toBytes());
}

/** AccountAuthenticator::Ed25519 — what aptos:signTransaction returns. */
export function accountAuthenticatorBytes(publicKey: Uint8Array, signature: Uint8Array): Uint8Array {
  return new BcsWriter().uleb(ED25519_AUTH).bytes(publicKey).bytes(signature).toBytes();
}

/** Simulation takes the real public key and an all-zero signature (the node refuses a valid one). */
export function simulationBytes(rawBytes: Uint8Array, publicKey: Uint8Array): Uint8Array {
  return signedTransactionBytes(rawBytes, publicKey, new Uint8Array(64));
}

/** The hash the node reports: sha3-256("APTOS::Transaction" prefix || 0 (UserTransaction) || signed). */
export function transactionHash(signedBytes: Uint8Array): string {
  return `0x${bytesToHex(sha3_256(concatBytes(domainHash('APTOS::Transaction'), Uint8Array.of(0), signedBytes)))}`;
}

export const entryFunctionId = (e: EntryFunction): string => `${e.address}::${e.module}::${e.function}`;
