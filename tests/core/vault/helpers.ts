/** Shared fixtures for the vault tests. Not a test file (no .test suffix). */
import { expect } from 'vitest';
import { base64 } from '@scure/base';
import { VaultError, type VaultErrorCode, type VaultFile, type VaultPayload } from '../../../src/core/vault';

export const PASSWORD = 'correct horse battery staple 42';
export const MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
export const PRIVATE_KEY = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';

/** Every secret that must never appear in an error message. */
export const SECRETS = [PASSWORD, MNEMONIC, PRIVATE_KEY, 'legal winner', '4c0883a6', 'horse battery'];

export function samplePayload(): VaultPayload {
  return {
    wallets: [
      { id: 'w-1', name: 'Main', createdAt: 1_700_000_000_000, kind: 'mnemonic', mnemonic: MNEMONIC },
      { id: 'w-2', name: 'Imported', createdAt: 1_700_000_000_001, kind: 'privateKey', family: 'evm', privateKey: PRIVATE_KEY },
    ],
  };
}

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Flips one bit of one byte of a base64 field. */
export function flipB64(b64: string, index = 0): string {
  const bytes = base64.decode(b64);
  const i = index < 0 ? bytes.length + index : index;
  bytes[i] = (bytes[i] ?? 0) ^ 0x01;
  return base64.encode(bytes);
}

/** Asserts the promise rejects with a VaultError of `code` whose message leaks no secret. */
export async function expectVaultError(p: Promise<unknown>, code: VaultErrorCode, extraSecrets: string[] = []): Promise<VaultError> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected VaultError ${code}`).toBeInstanceOf(VaultError);
  const err = caught as VaultError;
  expect(err.code).toBe(code);
  assertNoSecret(err, extraSecrets);
  return err;
}

export function assertNoSecret(err: Error, extraSecrets: string[] = []): void {
  const text = `${err.message}\n${err.stack ?? ''}\n${JSON.stringify(err)}\n${String((err as { cause?: unknown }).cause ?? '')}`;
  for (const s of [...SECRETS, ...extraSecrets]) expect(text).not.toContain(s);
}

export function fileJson(file: VaultFile): string {
  return JSON.stringify(file);
}
