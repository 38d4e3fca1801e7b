/**
 * Legacy / compatibility KDFs and the upgrade on unlock (item 28): a pinned PBKDF2-600k vault,
 * a PBKDF2 vault hand-built with raw WebCrypto from the documented format (independent of the
 * vault code), scrypt vaults, and authenticated-but-invalid plaintext.
 */
import { describe, expect, it } from 'vitest';
import { base64 } from '@scure/base';
import {
  CURRENT_KDF,
  changePassword,
  createVault,
  openVaultWithDek,
  unlockVault,
  type VaultFile,
} from '../../../src/core/vault';
import { expectVaultError, fileJson, samplePayload, PASSWORD } from './helpers';

/** Generated once by createVault(…, { kdf: pbkdf2-sha256 600k }) and pinned: format stability. */
const LEGACY_PASSWORD = 'legacy-fixture-pw-7Qx!';
const LEGACY_PBKDF2_VAULT = {
  v: 1,
  kdf: { name: 'pbkdf2-sha256', iterations: 600000, salt: 'BsjCsOF78+xlT3iO13eO3Q==' },
  wrap: { iv: 'XFQf6sksuKztv79e', ct: 'dRSf1ZIKFNRUInBMpFsLpBlhOHNMj8HXqY07OB9Zfw01ANs4pnFCdaW0SYIyjOyG' },
  data: {
    iv: 'eeJFJjdbO1/uiLOo',
    ct:
      '0h6FQlmw1ljXMD7rGpMNKHRbQAiTsOxlULvcgsDLZ/5HDUDY35yGiMQC9cogO72GQI51QRks5Lh5SARUcB4tdJ4gmnwe6lBFthKIUSqSP64eDg+z2zd9' +
      'FkiGjV/XTdhswfHuB+vOh2kgRkyueeDuV9/GSP80BVMj8gCXk1jGREZhyOAUHV3c7e9gg1NlOsJYF/64czI8IXRMp8Rq8S0X3ZuzNoXzScv24zgqfKoW' +
      'fuiqWI7x9YI5RqbDJAuxJRQ9K4YL1jeKeYnPWf/9mDzyhrxab8YKNGes3CPtCJVfl+ZZ9haYTe3rtJIIcGpMJFYa7kvyTep+6d46LP15kEoWTQbagqiP' +
      'wUQQqtnRpszMaYrQzvuZFvLsxr/v98mCXWX++4tGVu5MdLLhpI80WNRZF+aWSyycRAtUjSQv0vEDYiC6SAr2pol072t3TismSyFGKsKBbLmd2sDvMrTJ' +
      'eqlaxXwV2gQN82X6uznH60jMxDVcSqNmsY0MzkbCq6qHeJ/Zlj25bB+0T/Y=',
  },
};
const LEGACY_PAYLOAD = {
  wallets: [
    {
      id: 'w1', name: 'Legacy wallet', createdAt: 1700000000000, kind: 'mnemonic',
      mnemonic: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
    },
    {
      id: 'w2', name: 'Imported key', createdAt: 1700000000001, kind: 'privateKey', family: 'evm',
      privateKey: '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318',
    },
  ],
};

/** Builds a PBKDF2 vault with nothing but WebCrypto and the format as documented. */
async function handBuiltPbkdf2Vault(password: string, plaintext: string, iterations = 600_000): Promise<{ file: unknown; dek: Uint8Array }> {
  const subtle = globalThis.crypto.subtle;
  const rnd = (n: number): Uint8Array<ArrayBuffer> => globalThis.crypto.getRandomValues(new Uint8Array(n));
  const salt = rnd(16);
  const saltB64 = base64.encode(salt);
  const aad = (purpose: string): Uint8Array<ArrayBuffer> =>
    new TextEncoder().encode(JSON.stringify(['multichain-wallet/vault', 1, purpose, ['pbkdf2-sha256', iterations, saltB64]]));
  const base = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  const kek = await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const dek = rnd(32);
  const dekKey = await subtle.importKey('raw', dek, 'AES-GCM', false, ['encrypt']);
  const wrapIv = rnd(12);
  const dataIv = rnd(12);
  const wrapCt = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: wrapIv, additionalData: aad('wrap') }, kek, dek));
  const dataCt = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: dataIv, additionalData: aad('data') }, dekKey, new TextEncoder().encode(plaintext)));
  return {
    file: {
      v: 1,
      kdf: { name: 'pbkdf2-sha256', iterations, salt: saltB64 },
      wrap: { iv: base64.encode(wrapIv), ct: base64.encode(wrapCt) },
      data: { iv: base64.encode(dataIv), ct: base64.encode(dataCt) },
    },
    dek,
  };
}

function expectUpgradedAway(old: VaultFile | typeof LEGACY_PBKDF2_VAULT, upgraded: VaultFile | undefined): VaultFile {
  expect(upgraded).toBeDefined();
  const up = upgraded!;
  expect(up.kdf).toMatchObject(CURRENT_KDF);
  const json = fileJson(up);
  // The old salt, IVs and ciphertexts appear nowhere in the upgraded file.
  for (const s of [old.kdf.salt, old.wrap.iv, old.wrap.ct, old.data.iv, old.data.ct]) expect(json).not.toContain(s);
  expect(json).not.toContain('pbkdf2');
  expect(json).not.toContain('scrypt');
  return up;
}

describe('legacy PBKDF2-SHA256 600k', () => {
  it('the pinned fixture opens and returns an Argon2id upgrade with the old ciphertext gone', async () => {
    const opened = await unlockVault(LEGACY_PBKDF2_VAULT, LEGACY_PASSWORD);
    expect(opened.payload).toEqual(LEGACY_PAYLOAD);
    const up = expectUpgradedAway(LEGACY_PBKDF2_VAULT, opened.upgraded);

    const again = await unlockVault(up, LEGACY_PASSWORD);
    expect(again.payload).toEqual(LEGACY_PAYLOAD);
    expect(again.upgraded).toBeUndefined(); // upgraded once, not on every unlock
    // Same DEK, so a session key taken before the upgrade still opens the upgraded file.
    expect(base64.encode(again.dek)).toBe(base64.encode(opened.dek));
    expect(await openVaultWithDek(up, opened.dek)).toEqual(LEGACY_PAYLOAD);
  });

  it('a wrong password on the legacy vault is WRONG_PASSWORD, with no upgrade', async () => {
    await expectVaultError(unlockVault(LEGACY_PBKDF2_VAULT, 'legacy-fixture-pw-7Qx?'), 'WRONG_PASSWORD', ['legacy-fixture']);
  });

  it('a vault hand-built with raw WebCrypto from the documented format opens', async () => {
    const { file, dek } = await handBuiltPbkdf2Vault(PASSWORD, JSON.stringify(samplePayload()), 900_000);
    const opened = await unlockVault(file, PASSWORD);
    expect(opened.payload).toEqual(samplePayload());
    expect(base64.encode(opened.dek)).toBe(base64.encode(dek));
    expectUpgradedAway(file as VaultFile, opened.upgraded);
  });

  it('a 599,999-iteration vault is refused (WEAK_PARAMETERS), even with the right password', async () => {
    const weak = structuredClone(LEGACY_PBKDF2_VAULT);
    weak.kdf.iterations = 599_999;
    await expectVaultError(unlockVault(weak, LEGACY_PASSWORD), 'WEAK_PARAMETERS');
  });

  it('changePassword on a legacy vault moves it to Argon2id as well', async () => {
    const changed = await changePassword(LEGACY_PBKDF2_VAULT, LEGACY_PASSWORD, 'new long passphrase here');
    expect(changed.file.kdf).toMatchObject(CURRENT_KDF);
    const opened = await unlockVault(changed.file, 'new long passphrase here');
    expect(opened.payload).toEqual(LEGACY_PAYLOAD);
    expect(opened.upgraded).toBeUndefined();
  });
});

describe('scrypt vaults (no-WASM fallback)', () => {
  it('N=2^15 (floor) opens and is upgraded to Argon2id', async () => {
    const { file, dek } = await createVault(PASSWORD, samplePayload(), { kdf: { name: 'scrypt', N: 2 ** 15, r: 8, p: 1 } });
    expect(file.kdf).toMatchObject({ name: 'scrypt', N: 32768, r: 8, p: 1 });
    const opened = await unlockVault(file, PASSWORD);
    expect(opened.payload).toEqual(samplePayload());
    expect(base64.encode(opened.dek)).toBe(base64.encode(dek));
    expectUpgradedAway(file, opened.upgraded);
  });

  it('N=2^17 (the §3 fallback setting) round-trips', async () => {
    const { file } = await createVault(PASSWORD, samplePayload(), { kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } });
    expect((await unlockVault(file, PASSWORD)).payload).toEqual(samplePayload());
  });

  it('N=2^14 is refused', async () => {
    const { file } = await createVault(PASSWORD, samplePayload(), { kdf: { name: 'scrypt', N: 2 ** 15, r: 8, p: 1 } });
    const weak = structuredClone(file);
    if (weak.kdf.name === 'scrypt') weak.kdf.N = 2 ** 14;
    await expectVaultError(unlockVault(weak, PASSWORD), 'WEAK_PARAMETERS');
  });
});

describe('argon2id above the floor but below current', () => {
  it('is upgraded; one stronger than current is left alone', async () => {
    const low = await createVault(PASSWORD, samplePayload(), { kdf: { name: 'argon2id', m: 19456, t: 2, p: 1 } });
    expectUpgradedAway(low.file, (await unlockVault(low.file, PASSWORD)).upgraded);
    const high = await createVault(PASSWORD, samplePayload(), { kdf: { name: 'argon2id', m: 65536, t: 4, p: 1 } });
    expect((await unlockVault(high.file, PASSWORD)).upgraded).toBeUndefined();
  });
});

describe('authenticated but invalid plaintext', () => {
  it('is CORRUPT_VAULT, and the parser error (which would quote the secret) is not propagated', async () => {
    const secretish = 'zebra quantum lattice orchid mnemonic words';
    const notJson = await handBuiltPbkdf2Vault(PASSWORD, `{"wallets":[{"mnemonic":"${secretish}"`);
    await expectVaultError(unlockVault(notJson.file, PASSWORD), 'CORRUPT_VAULT', [secretish, 'zebra']);
    await expectVaultError(openVaultWithDek(notJson.file, notJson.dek), 'CORRUPT_VAULT', [secretish, 'zebra']);

    const wrongShape = await handBuiltPbkdf2Vault(PASSWORD, JSON.stringify({ wallets: [{ id: 'a', kind: 'mnemonic', mnemonic: secretish }] }));
    await expectVaultError(unlockVault(wrongShape.file, PASSWORD), 'CORRUPT_VAULT', [secretish, 'zebra']);
  });
});
