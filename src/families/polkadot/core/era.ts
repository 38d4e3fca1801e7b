/**
 * Transaction eras (sp-runtime generic::Era): immortal is one 0x00 byte; mortal is a u16 LE of
 * (quantized phase << 4) | (log2(period) - 1), period a power of two in 4..65536. A mortal
 * transaction is valid from its birth block for `period` blocks, so a signature cannot be replayed
 * on a chain that has moved on.
 */
import { invalid } from './errors.ts';

export type Era = { immortal: true } | { immortal: false; period: number; phase: number };

export function decodeEra(bytes: Uint8Array): Era {
  if (bytes.length === 1 && bytes[0] === 0) return { immortal: true };
  if (bytes.length !== 2) throw invalid('era must be 0x00 (immortal) or two bytes (mortal)');
  const enc = bytes[0]! | (bytes[1]! << 8);
  const period = 2 << enc % 16;
  const quantize = Math.max(period >> 12, 1);
  const phase = (enc >> 4) * quantize;
  if (period < 4 || phase >= period) throw invalid('era is not a valid mortal era');
  return { immortal: false, period, phase };
}

/** A mortal era starting at block `current`, valid for `period` blocks (rounded up to a power of two, 4..65536). */
export function mortalEra(current: number, period = 64): Uint8Array {
  let p = 4;
  while (p < period && p < 65536) p *= 2;
  const phase = current % p;
  const quantize = Math.max(p >> 12, 1);
  const quantizedPhase = Math.floor(phase / quantize) * quantize;
  const tz = Math.log2(p);
  const encoded = Math.min(15, Math.max(1, tz - 1)) | ((quantizedPhase / quantize) << 4);
  return Uint8Array.of(encoded & 0xff, encoded >> 8);
}

/** The block from which a mortal era counts when signed at block `current`. */
export function eraBirth(era: Extract<Era, { immortal: false }>, current: number): number {
  return Math.floor((Math.max(current, era.phase) - era.phase) / era.period) * era.period + era.phase;
}
