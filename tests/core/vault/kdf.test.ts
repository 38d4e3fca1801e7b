/**
 * KDF known-answer vectors through the exact call paths the vault uses, floors/ceilings, and a
 * timing sanity check that catches an accidental parameter regression.
 */
import { describe, expect, it } from 'vitest';
import { argon2id as nobleArgon2id } from '@noble/hashes/argon2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import {
  CURRENT_KDF,
  KDF_FLOOR,
  deriveArgon2id,
  deriveKek,
  derivePbkdf2Sha256,
  deriveScrypt,
  needsUpgrade,
  passwordBytes,
  validateKdfParams,
} from '../../../src/core/vault/kdf';
import { VaultError } from '../../../src/core/vault/errors';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const fill = (n: number, b: number): Uint8Array => new Uint8Array(n).fill(b);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof VaultError ? e.code : `non-vault error: ${String(e)}`;
  }
  return undefined;
}

describe('Argon2id known answers (hash-wasm, the vault call path)', () => {
  // phc-winner-argon2 src/test.c, Argon2id v=0x13, password "password", salt "somesalt", 32-byte tag.
  const REFERENCE: Array<{ t: number; m: number; p: number; pw: string; salt: string; tag: string }> = [
    { t: 2, m: 65536, p: 1, pw: 'password', salt: 'somesalt', tag: '09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7' },
    { t: 2, m: 256, p: 1, pw: 'password', salt: 'somesalt', tag: '9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe' },
    { t: 2, m: 256, p: 2, pw: 'password', salt: 'somesalt', tag: '6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037' },
    { t: 1, m: 65536, p: 1, pw: 'password', salt: 'somesalt', tag: 'f6a5adc1ba723dddef9b5ac1d464e180fcd9dffc9d1cbf76cca2fed795d9ca98' },
    { t: 2, m: 65536, p: 1, pw: 'differentpassword', salt: 'somesalt', tag: '0b84d652cf6b0c4beaef0dfe278ba6a80df6696281d7e0d2891b817d8c458fde' },
    { t: 2, m: 65536, p: 1, pw: 'password', salt: 'diffsalt', tag: 'bdf32b05ccc42eb15d58fd19b1f856b113da1e9a5874fdcc544308565aa8141c' },
  ];

  it.each(REFERENCE)('reference test.c m=$m t=$t p=$p pw=$pw salt=$salt', async ({ t, m, p, pw, salt, tag }) => {
    const out = await deriveArgon2id(enc(pw), enc(salt), { m, t, p });
    expect(bytesToHex(out)).toBe(tag);
  });

  it('RFC 9106 §5.3 vector (secret + associated data) via @noble/hashes, cross-checked against hash-wasm', async () => {
    // hash-wasm has no associated-data input, so the RFC vector itself is reproduced with an
    // independent implementation; hash-wasm is then tied to it on the same inputs minus X.
    const P = fill(32, 0x01);
    const S = fill(16, 0x02);
    const K = fill(8, 0x03);
    const X = fill(12, 0x04);
    const rfc = nobleArgon2id(P, S, { t: 3, m: 32, p: 4, dkLen: 32, key: K, personalization: X });
    expect(bytesToHex(rfc)).toBe('0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659');

    const viaWasm = await deriveArgon2id(P, S, { t: 3, m: 32, p: 4, secret: K });
    const viaNoble = nobleArgon2id(P, S, { t: 3, m: 32, p: 4, dkLen: 32, key: K });
    expect(bytesToHex(viaWasm)).toBe(bytesToHex(viaNoble));
  });
});

describe('scrypt known answers (RFC 7914 §12, @noble/hashes scryptAsync as the vault calls it)', () => {
  it.each([
    {
      pw: '', salt: '', N: 16, r: 1, p: 1,
      dk: '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906',
    },
    {
      pw: 'password', salt: 'NaCl', N: 1024, r: 8, p: 16,
      dk: 'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
    },
    {
      pw: 'pleaseletmein', salt: 'SodiumChloride', N: 16384, r: 8, p: 1,
      dk: '7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887',
    },
  ])('N=$N r=$r p=$p', async ({ pw, salt, N, r, p, dk }) => {
    expect(bytesToHex(await deriveScrypt(enc(pw), enc(salt), { N, r, p }, 64))).toBe(dk);
  });
});

describe('PBKDF2-HMAC-SHA256 known answers (RFC 7914 §11, WebCrypto as the vault calls it)', () => {
  it.each([
    {
      pw: 'passwd', salt: 'salt', c: 1,
      dk: '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783',
    },
    {
      pw: 'Password', salt: 'NaCl', c: 80000,
      dk: '4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d',
    },
  ])('c=$c', async ({ pw, salt, c, dk }) => {
    expect(bytesToHex(await derivePbkdf2Sha256(enc(pw), enc(salt), c, 64))).toBe(dk);
  });
});

describe('KDF parameters', () => {
  it('current parameters are the §3 primary KDF and at or above every floor', () => {
    expect(CURRENT_KDF).toEqual({ name: 'argon2id', m: 65536, t: 3, p: 1 });
    expect(CURRENT_KDF.m).toBeGreaterThanOrEqual(KDF_FLOOR.argon2id.m);
    expect(CURRENT_KDF.t).toBeGreaterThanOrEqual(KDF_FLOOR.argon2id.t);
    expect(KDF_FLOOR.argon2id).toEqual({ m: 19456, t: 2, p: 1 });
    expect(KDF_FLOOR.pbkdf2.iterations).toBe(600_000);
    expect(KDF_FLOOR.scrypt.N).toBe(2 ** 15);
    expect(validateKdfParams(CURRENT_KDF)).toEqual(CURRENT_KDF);
    expect(needsUpgrade(CURRENT_KDF)).toBe(false);
  });

  it.each([
    [{ name: 'argon2id', m: 1, t: 3, p: 1 }],
    [{ name: 'argon2id', m: 19455, t: 3, p: 1 }],
    [{ name: 'argon2id', m: 65536, t: 1, p: 1 }],
    [{ name: 'pbkdf2-sha256', iterations: 599_999 }],
    [{ name: 'pbkdf2-sha256', iterations: 10_000 }],
    [{ name: 'scrypt', N: 2 ** 14, r: 8, p: 1 }],
    [{ name: 'scrypt', N: 2 ** 17, r: 1, p: 1 }],
  ])('below floor → WEAK_PARAMETERS: %j', (params) => {
    expect(codeOf(() => validateKdfParams(params))).toBe('WEAK_PARAMETERS');
  });

  it.each([
    [{ name: 'argon2id', m: 65536, t: 3, p: 1 }],
    [{ name: 'argon2id', m: 19456, t: 2, p: 1 }],
    [{ name: 'pbkdf2-sha256', iterations: 600_000 }],
    [{ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 }],
  ])('at or above floor accepted: %j', (params) => {
    expect(validateKdfParams(params)).toEqual(params);
  });

  it('unknown KDFs and resource-exhausting parameters → UNSUPPORTED_KDF; malformed → CORRUPT_VAULT', () => {
    expect(codeOf(() => validateKdfParams({ name: 'bcrypt', cost: 12 }))).toBe('UNSUPPORTED_KDF');
    expect(codeOf(() => validateKdfParams({ name: 'pbkdf2-sha1', iterations: 1e6 }))).toBe('UNSUPPORTED_KDF');
    expect(codeOf(() => validateKdfParams({ name: 'argon2id', m: 2 ** 22, t: 3, p: 1 }))).toBe('UNSUPPORTED_KDF');
    expect(codeOf(() => validateKdfParams({ name: 'pbkdf2-sha256', iterations: 1e9 }))).toBe('UNSUPPORTED_KDF');
    expect(codeOf(() => validateKdfParams({ name: 'scrypt', N: 2 ** 22, r: 8, p: 1 }))).toBe('UNSUPPORTED_KDF');
    expect(codeOf(() => validateKdfParams({ name: 'argon2id', m: '65536', t: 3, p: 1 }))).toBe('CORRUPT_VAULT');
    expect(codeOf(() => validateKdfParams({ name: 'argon2id', m: 65536.5, t: 3, p: 1 }))).toBe('CORRUPT_VAULT');
    expect(codeOf(() => validateKdfParams({ name: 'scrypt', N: 100_000, r: 8, p: 1 }))).toBe('CORRUPT_VAULT');
    expect(codeOf(() => validateKdfParams(null))).toBe('CORRUPT_VAULT');
    expect(codeOf(() => validateKdfParams({ m: 65536 }))).toBe('CORRUPT_VAULT');
  });

  it('legacy and weaker-than-current parameters need an upgrade; stronger ones do not', () => {
    expect(needsUpgrade({ name: 'pbkdf2-sha256', iterations: 900_000 })).toBe(true);
    expect(needsUpgrade({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 })).toBe(true);
    expect(needsUpgrade({ name: 'argon2id', m: 19456, t: 2, p: 1 })).toBe(true);
    expect(needsUpgrade({ name: 'argon2id', m: 262144, t: 3, p: 1 })).toBe(false);
  });

  it('passwords are NFC-normalised before derivation (composed and decomposed é derive the same key)', () => {
    expect(bytesToHex(passwordBytes('caf\u00e9'))).toBe(bytesToHex(passwordBytes('cafe\u0301')));
    expect(hexToBytes(bytesToHex(passwordBytes('x'))).length).toBe(1);
  });
});

describe('timing sanity', () => {
  it('Argon2id at current parameters takes at least 50 ms (catches a parameter regression)', async () => {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await deriveKek('timing check password', salt, CURRENT_KDF);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[1] ?? 0;
    console.info(`[vault] Argon2id m=64MiB t=3 p=1 KEK derivation: median ${median.toFixed(0)} ms (${times.map((x) => x.toFixed(0)).join(', ')})`);
    expect(median).toBeGreaterThanOrEqual(50);
  });
});
