/**
 * A minimal protobuf wire-format reader (varint, 64-bit, length-delimited, 32-bit fields) with
 * bounds checks, so the wallet decodes the exact raw_data bytes it signs instead of trusting the
 * node's JSON rendering of them. Groups (wire types 3/4) are refused.
 */
export type ProtoValue = { wire: 0; value: bigint } | { wire: 1 | 5; value: bigint } | { wire: 2; value: Uint8Array };
export type ProtoField = ProtoValue & { field: number };

export class ProtobufError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufError';
  }
}

function readVarint(bytes: Uint8Array, offset: number): { value: bigint; next: number } {
  let value = 0n;
  let shift = 0n;
  for (let i = offset; i < bytes.length && i < offset + 10; i++) {
    const b = bytes[i] as number;
    value |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return { value, next: i + 1 };
    shift += 7n;
  }
  throw new ProtobufError('truncated or overlong varint');
}

/** All fields of one message, in order. */
export function readFields(bytes: Uint8Array): ProtoField[] {
  const out: ProtoField[] = [];
  let i = 0;
  while (i < bytes.length) {
    const tag = readVarint(bytes, i);
    i = tag.next;
    const field = Number(tag.value >> 3n);
    const wire = Number(tag.value & 7n);
    if (field === 0) throw new ProtobufError('field number 0');
    if (wire === 0) {
      const v = readVarint(bytes, i);
      i = v.next;
      out.push({ field, wire: 0, value: v.value });
    } else if (wire === 1 || wire === 5) {
      const n = wire === 1 ? 8 : 4;
      if (i + n > bytes.length) throw new ProtobufError('truncated fixed-width field');
      let v = 0n;
      for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(bytes[i + k] as number);
      i += n;
      out.push({ field, wire, value: v });
    } else if (wire === 2) {
      const len = readVarint(bytes, i);
      i = len.next;
      const end = i + Number(len.value);
      if (len.value > BigInt(bytes.length) || end > bytes.length) throw new ProtobufError('length-delimited field runs past the end');
      out.push({ field, wire: 2, value: bytes.subarray(i, end) });
      i = end;
    } else {
      throw new ProtobufError(`unsupported wire type ${wire}`);
    }
  }
  return out;
}

/** int64 varints are two's complement over 64 bits. */
export function asInt64(v: bigint): bigint {
  return v >= 1n << 63n ? v - (1n << 64n) : v;
}
