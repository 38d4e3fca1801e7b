/**
 * signRaw: the wallet signs `<Bytes>` ‖ data ‖ `</Bytes>` (u8aWrapBytes, as the polkadot.js
 * extension does), so a signature over a message can never pass as a transaction signature. On top
 * of that, data that itself decodes as a call of the runtime, or as a whole signing payload (call +
 * signed extensions), is refused: a dApp asking to "sign a message" with those bytes is phishing.
 */
import { concatBytes, equalBytes, utf8ToBytes } from '../../../core/derive/bytes.ts';
import { PolkadotError } from './errors.ts';
import type { ChainMetadata } from './metadata.ts';

const PREFIX = utf8ToBytes('<Bytes>');
const POSTFIX = utf8ToBytes('</Bytes>');
/** Messages longer than this are refused (SIWS-style sign-ins are a few hundred bytes). */
export const MAX_RAW_BYTES = 64 * 1024;

export function isWrapped(data: Uint8Array): boolean {
  return data.length >= PREFIX.length + POSTFIX.length && equalBytes(data.subarray(0, PREFIX.length), PREFIX) && equalBytes(data.subarray(data.length - POSTFIX.length), POSTFIX);
}

/** The bytes signRaw signs: `data` wrapped once (already-wrapped data is not wrapped again, like u8aWrapBytes). */
export function wrapBytes(data: Uint8Array): Uint8Array {
  return isWrapped(data) ? data : concatBytes(PREFIX, data, POSTFIX);
}

function unwrap(data: Uint8Array): Uint8Array {
  // A copy, not a view: the SCALE decoders read the underlying buffer from offset 0.
  return isWrapped(data) ? data.slice(PREFIX.length, data.length - POSTFIX.length) : data;
}

/**
 * Whether `data` (unwrapped) reads as a call, or as call ‖ extra ‖ additional-signed, of this
 * runtime: the two shapes an extrinsic signature covers.
 */
export function looksLikeExtrinsic(md: ChainMetadata, data: Uint8Array): boolean {
  const bytes = unwrap(data);
  const head = md.decodeCallPrefix(bytes);
  if (!head) return false;
  if (head.length === bytes.length) return true;
  // Otherwise read the rest as the runtime's signed extensions: each one's extra, then each one's
  // additional-signed, in metadata order; a payload uses up the bytes exactly.
  let at = head.length;
  const compactLen = (b: number | undefined): number => (b === undefined ? Infinity : [1, 2, 4][b & 3] ?? (b >> 2) + 5);
  for (const ext of md.extensions) {
    const b = bytes[at];
    switch (ext.identifier) {
      case 'CheckMortality':
        at += b === 0 ? 1 : 2;
        break;
      case 'CheckNonce':
      case 'ChargeTransactionPayment':
        at += compactLen(b);
        break;
      case 'ChargeAssetTxPayment':
        at += compactLen(b);
        at += bytes[at] === 0 ? 1 : Infinity;
        break;
      case 'CheckMetadataHash':
        at += 1;
        break;
      default:
        if (ext.extra.type !== 'void') return false;
    }
  }
  for (const ext of md.extensions) {
    switch (ext.identifier) {
      case 'CheckSpecVersion':
      case 'CheckTxVersion':
        at += 4;
        break;
      case 'CheckGenesis':
      case 'CheckMortality':
        at += 32;
        break;
      case 'CheckMetadataHash':
        at += bytes[at] === 0 ? 1 : 33;
        break;
      default:
        if (ext.additional.type !== 'void') return false;
    }
  }
  return at === bytes.length;
}

export function checkRawData(md: ChainMetadata | null, data: Uint8Array): Uint8Array {
  if (data.length === 0) throw new PolkadotError('invalid', 'Nothing to sign: data is empty');
  if (data.length > MAX_RAW_BYTES) throw new PolkadotError('invalid', `The message is too long (${data.length} bytes; at most ${MAX_RAW_BYTES})`);
  if (md && looksLikeExtrinsic(md, data)) throw new PolkadotError('refused', 'These bytes decode as a transaction of this chain; signRaw refuses to sign them as a message');
  return wrapBytes(data);
}
