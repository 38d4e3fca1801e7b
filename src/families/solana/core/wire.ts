/**
 * Solana wire-format transactions (legacy and v0): split the signature section from the message,
 * parse the message with web3.js, and refuse anything malformed, oversized, non-canonical or of an
 * unsupported version with a clear error. The exact message bytes a dApp sent are kept, so what is
 * signed is byte-for-byte what was shown, never a re-serialization.
 */
import { VersionedMessage } from '@solana/web3.js';
import { base58 } from '@scure/base';
import { SolanaWalletError } from './errors.ts';

/** Largest serialized transaction a validator accepts (IPv6 MTU minus headers). */
export const PACKET_DATA_SIZE = 1232;

export interface ParsedWireTransaction {
  version: 'legacy' | 0;
  message: VersionedMessage;
  /** The message bytes exactly as received. */
  messageBytes: Uint8Array;
  /** One 64-byte slot per required signer (all zero when not yet signed). */
  signatures: Uint8Array[];
  /** Base58 keys that must sign, in signature-slot order. */
  requiredSigners: string[];
  feePayer: string;
  recentBlockhash: string;
}

function malformed(why: string): SolanaWalletError {
  return new SolanaWalletError('MALFORMED_TRANSACTION', `Malformed Solana transaction: ${why}`);
}

/** compact-u16 ("shortvec"): 1-3 bytes, 7 bits each, minimal encoding only. */
export function readCompactU16(bytes: Uint8Array, offset: number): { value: number; size: number } {
  let value = 0;
  for (let i = 0; i < 3; i++) {
    const b = bytes[offset + i];
    if (b === undefined) throw malformed('truncated length prefix');
    value |= (b & 0x7f) << (7 * i);
    if ((b & 0x80) === 0) {
      if (i > 0 && b === 0) throw malformed('non-canonical length prefix');
      if (value > 0xffff) throw malformed('length prefix out of range');
      return { value, size: i + 1 };
    }
  }
  throw malformed('length prefix too long');
}

export function writeCompactU16(value: number): Uint8Array {
  const out: number[] = [];
  let v = value;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if (v === 0) {
      out.push(b);
      return Uint8Array.from(out);
    }
    out.push(b | 0x80);
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Parses a message alone (as signMessage checks and getFeeForMessage take it). */
export function parseMessageBytes(messageBytes: Uint8Array): { message: VersionedMessage; version: 'legacy' | 0 } {
  const first = messageBytes[0];
  if (first === undefined) throw malformed('empty message');
  if ((first & 0x80) !== 0 && (first & 0x7f) !== 0) {
    throw new SolanaWalletError('UNSUPPORTED_TRANSACTION_VERSION', `Unsupported transaction version ${first & 0x7f} (legacy and version 0 are supported)`);
  }
  let message: VersionedMessage;
  try {
    message = VersionedMessage.deserialize(messageBytes);
  } catch (err) {
    throw malformed(err instanceof Error ? err.message : 'unparseable message');
  }
  // web3.js ignores trailing bytes and some inconsistencies; a faithful round trip rules them out.
  let again: Uint8Array;
  try {
    again = message.serialize();
  } catch (err) {
    throw malformed(err instanceof Error ? err.message : 'inconsistent message');
  }
  if (!equalBytes(again, messageBytes)) throw malformed('message has trailing or non-canonical bytes');
  const h = message.header;
  const keys = message.staticAccountKeys.length;
  if (h.numRequiredSignatures === 0 || h.numRequiredSignatures > keys) throw malformed('invalid signer count in the header');
  if (h.numReadonlySignedAccounts >= h.numRequiredSignatures) throw malformed('the fee payer must be writable');
  if (h.numReadonlySignedAccounts + h.numReadonlyUnsignedAccounts > keys) throw malformed('invalid read-only counts in the header');
  const totalKeys = keys + message.addressTableLookups.reduce((n, l) => n + l.writableIndexes.length + l.readonlyIndexes.length, 0);
  for (const ix of message.compiledInstructions) {
    if (ix.programIdIndex >= keys) throw malformed('program id must be a static account');
    if (ix.programIdIndex === 0) throw malformed('the fee payer cannot be a program');
    for (const k of ix.accountKeyIndexes) if (k >= totalKeys) throw malformed('instruction references a missing account');
  }
  return { message, version: message.version };
}

/** Parses wire bytes (signature count, signatures, message) of a legacy or v0 transaction. */
export function parseWireTransaction(bytes: Uint8Array): ParsedWireTransaction {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw malformed('expected transaction bytes');
  if (bytes.length > PACKET_DATA_SIZE) {
    throw new SolanaWalletError('TRANSACTION_TOO_LARGE', `Transaction is ${bytes.length} bytes; the network accepts at most ${PACKET_DATA_SIZE}`, { size: bytes.length });
  }
  const { value: sigCount, size } = readCompactU16(bytes, 0);
  const sigEnd = size + sigCount * 64;
  if (sigCount === 0 || sigEnd >= bytes.length) throw malformed('missing signatures or message');
  const signatures: Uint8Array[] = [];
  for (let i = 0; i < sigCount; i++) signatures.push(bytes.slice(size + i * 64, size + (i + 1) * 64));
  const messageBytes = bytes.slice(sigEnd);
  const { message, version } = parseMessageBytes(messageBytes);
  if (message.header.numRequiredSignatures !== sigCount) {
    throw malformed(`the message needs ${message.header.numRequiredSignatures} signature(s) but ${sigCount} slot(s) are present`);
  }
  const requiredSigners = message.staticAccountKeys.slice(0, sigCount).map((k) => k.toBase58());
  return {
    version,
    message,
    messageBytes,
    signatures,
    requiredSigners,
    feePayer: requiredSigners[0] as string,
    recentBlockhash: message.recentBlockhash,
  };
}

/** Wire bytes from signature slots and message bytes. */
export function serializeWireTransaction(signatures: readonly Uint8Array[], messageBytes: Uint8Array): Uint8Array {
  const prefix = writeCompactU16(signatures.length);
  const out = new Uint8Array(prefix.length + signatures.length * 64 + messageBytes.length);
  out.set(prefix, 0);
  signatures.forEach((s, i) => out.set(s, prefix.length + i * 64));
  out.set(messageBytes, prefix.length + signatures.length * 64);
  return out;
}

/** An unsigned transaction (zeroed signature slots) around compiled message bytes. */
export function unsignedWireTransaction(messageBytes: Uint8Array): Uint8Array {
  const { message } = parseMessageBytes(messageBytes);
  const slots = Array.from({ length: message.header.numRequiredSignatures }, () => new Uint8Array(64));
  return serializeWireTransaction(slots, messageBytes);
}

/** The transaction id: base58 of the first (fee payer's) signature. */
export function transactionSignature(wire: ParsedWireTransaction | Uint8Array): string {
  const parsed = wire instanceof Uint8Array ? parseWireTransaction(wire) : wire;
  return base58.encode(parsed.signatures[0] as Uint8Array);
}
