/**
 * Integrity of non-secret state kept outside the vault (account list, address book, connected
 * sites…; checklist item 31): HMAC-SHA256 under a subkey derived from the DEK with HKDF-SHA256,
 * so the MAC key is never the encryption key itself. Pass the storage key name as `context` so
 * a valid record cannot be moved under another name. A MAC does not stop rollback to an older
 * valid (record, MAC) pair; include a counter in the record if that matters.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { utf8, wipe } from './encoding';

const MAC_INFO = utf8('multichain-wallet/v1/state-mac');

/** 32-byte HMAC key for state records. The caller should wipe it when done. */
export function deriveMacKey(dek: Uint8Array): Uint8Array {
  return hkdf(sha256, dek, undefined, MAC_INFO, 32);
}

/** Unambiguous MAC input: u32be(len(context)) ‖ context ‖ data. */
function macInput(data: string | Uint8Array, context: string): Uint8Array {
  const ctx = utf8(context);
  const body = typeof data === 'string' ? utf8(data) : data;
  const out = new Uint8Array(4 + ctx.length + body.length);
  new DataView(out.buffer).setUint32(0, ctx.length);
  out.set(ctx, 4);
  out.set(body, 4 + ctx.length);
  return out;
}

/** Hex HMAC-SHA256 of `data` (a canonical string, e.g. canonicalJson(record)) under the DEK's MAC subkey. */
export function macState(dek: Uint8Array, data: string | Uint8Array, context = ''): string {
  const key = deriveMacKey(dek);
  try {
    return bytesToHex(hmac(sha256, key, macInput(data, context)));
  } finally {
    wipe(key);
  }
}

/** Constant-time check of a MAC produced by macState. False for any malformed MAC. */
export function verifyStateMac(dek: Uint8Array, data: string | Uint8Array, mac: string, context = ''): boolean {
  if (typeof mac !== 'string' || !/^[0-9a-f]{64}$/.test(mac)) return false;
  const expected = hexToBytes(macState(dek, data, context));
  const given = hexToBytes(mac);
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= (expected[i] ?? 0) ^ (given[i] ?? 0);
  return diff === 0;
}

/**
 * Deterministic JSON for MAC input: object keys sorted, no whitespace. Throws on values JSON
 * cannot represent faithfully (undefined, functions, non-finite numbers, bigint, cycles).
 */
export function canonicalJson(value: unknown): string {
  const seen = new Set<object>();
  const walk = (v: unknown): string => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(v);
    }
    if (typeof v !== 'object') throw new TypeError(`canonicalJson: unsupported ${typeof v}`);
    if (seen.has(v)) throw new TypeError('canonicalJson: cycle');
    seen.add(v);
    let out: string;
    if (Array.isArray(v)) {
      out = `[${v.map(walk).join(',')}]`;
    } else {
      const rec = v as Record<string, unknown>;
      const keys = Object.keys(rec).sort();
      out = `{${keys.map((k) => `${JSON.stringify(k)}:${walk(rec[k])}`).join(',')}}`;
    }
    seen.delete(v);
    return out;
  };
  return walk(value);
}
