/**
 * The vault format and operations: round trip, wrong password, one-byte tampering, header
 * binding, fresh salt/IV per write, downgrade refusal, DEK resume, rewrite, password change.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { base64 } from '@scure/base';
import {
  CURRENT_KDF,
  KDF_FLOOR,
  changePassword,
  createVault,
  openVaultWithDek,
  rewriteVault,
  unlockVault,
  verifyPassword,
  type VaultFile,
  type VaultPayload,
} from '../../../src/core/vault';
import { importAesKey, seal } from '../../../src/core/vault/aead';
import { headerAad, utf8 } from '../../../src/core/vault/encoding';
import { MNEMONIC, PASSWORD, PRIVATE_KEY, clone, expectVaultError, fileJson, flipB64, samplePayload } from './helpers';

let file: VaultFile;
let dek: Uint8Array;

beforeAll(async () => {
  ({ file, dek } = await createVault(PASSWORD, samplePayload()));
});

describe('format (item 27)', () => {
  it('has the documented shape, current parameters and the right lengths', () => {
    expect(Object.keys(file).sort()).toEqual(['data', 'kdf', 'v', 'wrap']);
    expect(file.v).toBe(1);
    expect(file.kdf).toMatchObject({ name: 'argon2id', m: 65536, t: 3, p: 1 });
    if (file.kdf.name !== 'argon2id') throw new Error('unreachable');
    expect(file.kdf.m).toBeGreaterThanOrEqual(KDF_FLOOR.argon2id.m);
    expect(file.kdf.t).toBeGreaterThanOrEqual(KDF_FLOOR.argon2id.t);
    expect(base64.decode(file.kdf.salt)).toHaveLength(16);
    expect(base64.decode(file.wrap.iv)).toHaveLength(12);
    expect(base64.decode(file.wrap.ct)).toHaveLength(32 + 16);
    expect(base64.decode(file.data.iv)).toHaveLength(12);
    expect(dek).toHaveLength(32);
  });

  it('stores no secret in the clear', () => {
    const json = fileJson(file);
    for (const s of [PASSWORD, MNEMONIC, PRIVATE_KEY, 'legal', 'Main', 'Imported', 'w-1']) expect(json).not.toContain(s);
  });

  it('uses a fresh salt, IVs and DEK for every write', async () => {
    const second = await createVault(PASSWORD, samplePayload());
    expect(second.file.kdf.salt).not.toBe(file.kdf.salt);
    expect(second.file.wrap.iv).not.toBe(file.wrap.iv);
    expect(second.file.data.iv).not.toBe(file.data.iv);
    expect(second.file.data.ct).not.toBe(file.data.ct);
    expect(base64.encode(second.dek)).not.toBe(base64.encode(dek));
    const rewritten = await rewriteVault(file, dek, samplePayload());
    const rewrittenAgain = await rewriteVault(file, dek, samplePayload());
    const ivs = new Set([file.data.iv, rewritten.data.iv, rewrittenAgain.data.iv, file.wrap.iv]);
    expect(ivs.size).toBe(4);
  });
});

describe('unlock', () => {
  it('round-trips the payload', async () => {
    const opened = await unlockVault(file, PASSWORD);
    expect(opened.payload).toEqual(samplePayload());
    expect(base64.encode(opened.dek)).toBe(base64.encode(dek));
    expect(opened.upgraded).toBeUndefined(); // already current
  });

  it('accepts the file as a JSON string as well', async () => {
    const opened = await unlockVault(JSON.stringify(file), PASSWORD);
    expect(opened.payload).toEqual(samplePayload());
  });

  it('opens with a differently composed but canonically equal password (NFC)', async () => {
    const { file: f } = await createVault('caf\u00e9 au lait, s\u2019il vous pla\u00eet', { wallets: [] });
    const opened = await unlockVault(f, 'cafe\u0301 au lait, s\u2019il vous plai\u0302t');
    expect(opened.payload).toEqual({ wallets: [] });
  });

  it('rejects a wrong password with WRONG_PASSWORD and a generic message', async () => {
    const err = await expectVaultError(unlockVault(file, 'correct horse battery staple 43'), 'WRONG_PASSWORD', ['staple 43']);
    expect(err.message).toBe('Incorrect password');
    await expectVaultError(unlockVault(file, ''), 'WRONG_PASSWORD');
  });

  it('holds many wallets', async () => {
    const payload: VaultPayload = {
      wallets: Array.from({ length: 25 }, (_, i) =>
        i % 2 === 0
          ? { id: `m${i}`, name: `Wallet ${i}`, createdAt: i, kind: 'mnemonic' as const, mnemonic: MNEMONIC, passphrase: `pp${i}` }
          : { id: `k${i}`, name: `Key ${i}`, createdAt: i, kind: 'privateKey' as const, family: (['bitcoin', 'tron', 'solana', 'aptos', 'polkadot', 'eos'] as const)[i % 6]!, privateKey: `${i}`.padStart(64, 'a') },
      ),
    };
    const created = await createVault(PASSWORD, payload);
    expect((await unlockVault(created.file, PASSWORD)).payload).toEqual(payload);
    expect(await openVaultWithDek(created.file, created.dek)).toEqual(payload);
  });
});

describe('tampering (one byte anywhere fails closed, never with a revealing error)', () => {
  const cases: Array<[string, (f: VaultFile) => void]> = [
    ['wrap ct, first byte', (f) => (f.wrap.ct = flipB64(f.wrap.ct, 0))],
    ['wrap ct, tag byte', (f) => (f.wrap.ct = flipB64(f.wrap.ct, -1))],
    ['wrap iv', (f) => (f.wrap.iv = flipB64(f.wrap.iv, 5))],
    ['data ct, first byte', (f) => (f.data.ct = flipB64(f.data.ct, 0))],
    ['data ct, tag byte', (f) => (f.data.ct = flipB64(f.data.ct, -1))],
    ['data iv', (f) => (f.data.iv = flipB64(f.data.iv, 11))],
    ['kdf salt', (f) => (f.kdf.salt = flipB64(f.kdf.salt, 3))],
    ['kdf t (header param, bound as AAD)', (f) => f.kdf.name === 'argon2id' && (f.kdf.t = 4)],
    ['kdf m (header param, bound as AAD)', (f) => f.kdf.name === 'argon2id' && (f.kdf.m = 65537)],
    ['wrap and data swapped', (f) => ([f.wrap, f.data] = [f.data, f.wrap])],
  ];

  it.each(cases)('%s → rejected', async (name, mutate) => {
    const bad = clone(file);
    mutate(bad);
    // Swapping also breaks the fixed wrap length, so the parser refuses it before any crypto.
    await expectVaultError(unlockVault(bad, PASSWORD), name === 'wrap and data swapped' ? 'CORRUPT_VAULT' : 'WRONG_PASSWORD');
  });

  it('the header is bound into the data ciphertext itself (AAD), not only through the KEK', async () => {
    // openVaultWithDek runs no KDF: only the AAD can notice a changed header here.
    for (const mutate of [
      (f: VaultFile) => f.kdf.name === 'argon2id' && (f.kdf.t = 4),
      (f: VaultFile) => f.kdf.name === 'argon2id' && (f.kdf.p = 2),
      (f: VaultFile) => (f.kdf.salt = flipB64(f.kdf.salt, 0)),
    ]) {
      const bad = clone(file);
      mutate(bad);
      await expectVaultError(openVaultWithDek(bad, dek), 'WRONG_KEY');
    }
  });

  it('a box sealed for the other purpose does not open (purpose label in the AAD)', async () => {
    // Seal a valid payload under the right DEK and the right header, but labelled 'wrap':
    // only the purpose label distinguishes it from a genuine data box.
    const key = await importAesKey(dek);
    const plaintext = utf8(JSON.stringify(samplePayload()));
    const asWrap = await seal(key, plaintext, headerAad(1, file.kdf, 'wrap'));
    const asData = await seal(key, plaintext, headerAad(1, file.kdf, 'data'));
    const mislabelled = { ...clone(file), data: { iv: base64.encode(asWrap.iv), ct: base64.encode(asWrap.ct) } };
    const control = { ...clone(file), data: { iv: base64.encode(asData.iv), ct: base64.encode(asData.ct) } };
    expect(await openVaultWithDek(control, dek)).toEqual(samplePayload());
    await expectVaultError(openVaultWithDek(mislabelled, dek), 'WRONG_KEY');
    await expectVaultError(unlockVault(mislabelled, PASSWORD), 'WRONG_PASSWORD');
  });

  it('the AAD is the documented canonical string', () => {
    const aad = new TextDecoder().decode(headerAad(1, file.kdf, 'data'));
    expect(aad).toBe(`["multichain-wallet/vault",1,"data",["argon2id",65536,3,1,"${file.kdf.salt}"]]`);
  });

  it('rejects a parameter downgrade (m=1) before deriving anything', async () => {
    const bad = clone(file);
    if (bad.kdf.name === 'argon2id') bad.kdf.m = 1;
    const start = performance.now();
    await expectVaultError(unlockVault(bad, PASSWORD), 'WEAK_PARAMETERS');
    expect(performance.now() - start).toBeLessThan(50);
    await expectVaultError(openVaultWithDek(bad, dek), 'WEAK_PARAMETERS');
    await expectVaultError(verifyPassword(bad, PASSWORD), 'WEAK_PARAMETERS');
    await expectVaultError(rewriteVault(bad, dek, samplePayload()), 'WEAK_PARAMETERS');
  });

  it('rejects a downgrade to a weak legacy KDF', async () => {
    const bad = clone(file) as unknown as { kdf: Record<string, unknown> };
    bad.kdf = { name: 'pbkdf2-sha256', iterations: 1000, salt: file.kdf.salt };
    await expectVaultError(unlockVault(bad, PASSWORD), 'WEAK_PARAMETERS');
  });

  it('refuses to create a vault below the floor', async () => {
    await expectVaultError(createVault(PASSWORD, samplePayload(), { kdf: { name: 'argon2id', m: 1024, t: 1, p: 1 } }), 'WEAK_PARAMETERS');
    await expectVaultError(createVault(PASSWORD, samplePayload(), { kdf: { name: 'pbkdf2-sha256', iterations: 310_000 } }), 'WEAK_PARAMETERS');
  });
});

describe('malformed and unknown files', () => {
  const corrupt: Array<[string, unknown]> = [
    ['null', null],
    ['number', 42],
    ['array', []],
    ['bad JSON string', '{"v":1,'],
    ['no version', { ...{} }],
    ['version as string', { v: '1' }],
    ['missing kdf', { v: 1, wrap: {}, data: {} }],
    ['missing data', { v: 1, kdf: {}, wrap: {} }],
  ];
  it.each(corrupt)('%s → CORRUPT_VAULT', async (_name, value) => {
    await expectVaultError(unlockVault(value, PASSWORD), 'CORRUPT_VAULT');
  });

  const mutations: Array<[string, (f: Record<string, unknown> & VaultFile) => void]> = [
    ['short IV', (f) => (f.data.iv = base64.encode(new Uint8Array(8)))],
    ['short salt', (f) => (f.kdf.salt = base64.encode(new Uint8Array(8)))],
    ['wrap ct of wrong length', (f) => (f.wrap.ct = base64.encode(new Uint8Array(40)))],
    ['empty data ct', (f) => (f.data.ct = '')],
    ['non-base64 salt', (f) => (f.kdf.salt = 'not base64!')],
    ['unknown top-level key', (f) => (f.extra = 'x')],
    ['unknown kdf key', (f) => Object.assign(f.kdf, { pepper: 'x' })],
  ];
  it.each(mutations)('%s → CORRUPT_VAULT', async (_name, mutate) => {
    const bad = clone(file) as Record<string, unknown> & VaultFile;
    mutate(bad);
    await expectVaultError(unlockVault(bad, PASSWORD), 'CORRUPT_VAULT');
  });

  it('unknown version → UNSUPPORTED_VERSION; unknown KDF → UNSUPPORTED_KDF', async () => {
    await expectVaultError(unlockVault({ ...clone(file), v: 2 }, PASSWORD), 'UNSUPPORTED_VERSION');
    const bad = clone(file) as unknown as { kdf: Record<string, unknown> };
    bad.kdf = { name: 'bcrypt', cost: 12, salt: file.kdf.salt };
    await expectVaultError(unlockVault(bad, PASSWORD), 'UNSUPPORTED_KDF');
  });
});

describe('DEK resume, rewrite and verify', () => {
  it('openVaultWithDek returns the payload; a wrong DEK is WRONG_KEY', async () => {
    expect(await openVaultWithDek(file, dek)).toEqual(samplePayload());
    const wrong = crypto.getRandomValues(new Uint8Array(32));
    await expectVaultError(openVaultWithDek(file, wrong), 'WRONG_KEY');
    await expectVaultError(openVaultWithDek(file, new Uint8Array(16)), 'INVALID_ARGUMENT');
  });

  it('rewriteVault keeps header and wrap, changes the data, and opens with the password', async () => {
    const payload = samplePayload();
    payload.wallets.push({ id: 'w-3', name: 'Sol', createdAt: 3, kind: 'privateKey', family: 'solana', privateKey: 'abc' });
    const next = await rewriteVault(file, dek, payload);
    expect(next.kdf).toEqual(file.kdf);
    expect(next.wrap).toEqual(file.wrap);
    expect(next.data.iv).not.toBe(file.data.iv);
    expect((await unlockVault(next, PASSWORD)).payload).toEqual(payload);
    expect(await openVaultWithDek(next, dek)).toEqual(payload);
    expect(fileJson(file)).not.toContain('w-3'); // input not mutated
  });

  it('rewriteVault with a stale or wrong DEK refuses instead of writing an unreadable vault', async () => {
    const other = await createVault(PASSWORD, samplePayload());
    await expectVaultError(rewriteVault(file, other.dek, samplePayload()), 'WRONG_KEY');
  });

  it('rewriteVault refuses an invalid payload', async () => {
    const bad = { wallets: [{ id: 'x', name: 'n', createdAt: 1, kind: 'privateKey', family: 'dogecoin', privateKey: 'k' }] };
    await expectVaultError(rewriteVault(file, dek, bad as unknown as VaultPayload), 'INVALID_PAYLOAD');
    const dup = { wallets: [samplePayload().wallets[0]!, samplePayload().wallets[0]!] };
    await expectVaultError(rewriteVault(file, dek, dup), 'INVALID_PAYLOAD');
    const extra = { wallets: [{ ...samplePayload().wallets[0]!, note: 'x' }] };
    await expectVaultError(createVault(PASSWORD, extra as VaultPayload), 'INVALID_PAYLOAD');
  });

  it('verifyPassword answers true/false', async () => {
    expect(await verifyPassword(file, PASSWORD)).toBe(true);
    expect(await verifyPassword(file, `${PASSWORD}!`)).toBe(false);
    expect(await verifyPassword(file, '')).toBe(false);
  });
});

describe('changePassword (items 28-29)', () => {
  it('re-wraps the same DEK under the new password; the old one no longer opens it', async () => {
    const NEW = 'a completely different passphrase';
    const changed = await changePassword(file, PASSWORD, NEW);
    expect(base64.encode(changed.dek)).toBe(base64.encode(dek));
    expect(changed.file.kdf.salt).not.toBe(file.kdf.salt);
    expect(changed.file.wrap.ct).not.toBe(file.wrap.ct);
    expect(changed.file.data.iv).not.toBe(file.data.iv);
    expect(changed.file.kdf).toMatchObject(CURRENT_KDF);

    await expectVaultError(unlockVault(changed.file, PASSWORD), 'WRONG_PASSWORD');
    const opened = await unlockVault(changed.file, NEW);
    expect(opened.payload).toEqual(samplePayload());
    expect(base64.encode(opened.dek)).toBe(base64.encode(dek));
    // A DEK kept in storage.session across the change still opens the new file.
    expect(await openVaultWithDek(changed.file, dek)).toEqual(samplePayload());
    // The old object is untouched: a crash before the single storage write leaves it usable.
    expect((await unlockVault(file, PASSWORD)).payload).toEqual(samplePayload());
  });

  it('requires the right old password and a non-empty new one', async () => {
    await expectVaultError(changePassword(file, 'nope nope nope', 'new password here'), 'WRONG_PASSWORD');
    await expectVaultError(changePassword(file, PASSWORD, ''), 'INVALID_ARGUMENT');
  });
});
