/** HKDF-derived HMAC over non-secret state (item 31). */
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import { hmac } from '@noble/hashes/hmac.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson, deriveMacKey, macState, verifyStateMac } from '../../../src/core/vault';

const dek = new Uint8Array(32).map((_, i) => i);
const otherDek = new Uint8Array(32).fill(7);

describe('state MAC', () => {
  it('the MAC key is HKDF-SHA256(dek, info) and differs from the DEK', () => {
    const key = deriveMacKey(dek);
    expect(key).toHaveLength(32);
    expect(bytesToHex(key)).toBe(bytesToHex(hkdf(sha256, dek, undefined, new TextEncoder().encode('multichain-wallet/v1/state-mac'), 32)));
    expect(bytesToHex(key)).not.toBe(bytesToHex(dek));
  });

  it('is HMAC-SHA256 over a length-prefixed context and the data', () => {
    const input = new Uint8Array([0, 0, 0, 8, ...new TextEncoder().encode('accounts'), ...new TextEncoder().encode('[1,2]')]);
    expect(macState(dek, '[1,2]', 'accounts')).toBe(bytesToHex(hmac(sha256, deriveMacKey(dek), input)));
  });

  it('verifies, and rejects any change of data, context, key or MAC', () => {
    const record = canonicalJson({ accounts: [{ address: '0xabc', index: 0 }], v: 1 });
    const mac = macState(dek, record, 'wallets');
    expect(mac).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyStateMac(dek, record, mac, 'wallets')).toBe(true);
    expect(verifyStateMac(dek, record.replace('0xabc', '0xabd'), mac, 'wallets')).toBe(false);
    expect(verifyStateMac(dek, record, mac, 'addressBook')).toBe(false);
    expect(verifyStateMac(otherDek, record, mac, 'wallets')).toBe(false);
    expect(verifyStateMac(dek, record, mac.replace(/.$/, (c) => (c === '0' ? '1' : '0')), 'wallets')).toBe(false);
    expect(verifyStateMac(dek, record, 'zz', 'wallets')).toBe(false);
    expect(verifyStateMac(dek, record, mac.toUpperCase(), 'wallets')).toBe(false);
    expect(verifyStateMac(dek, new TextEncoder().encode(record), mac, 'wallets')).toBe(true);
  });

  it('context and data cannot be shifted into each other', () => {
    expect(macState(dek, 'bc', 'a')).not.toBe(macState(dek, 'c', 'ab'));
  });

  it('canonicalJson sorts keys and refuses non-JSON values', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: 2 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":2,"z":1}}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(() => canonicalJson({ a: undefined })).toThrow();
    expect(() => canonicalJson(Number.NaN)).toThrow();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow();
  });
});
