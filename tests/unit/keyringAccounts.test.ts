/**
 * The Accounts screen's rows as the keyring derives them: one row per family's `accountRows` (its
 * core object), in ACCOUNT_FAMILIES' order, and a family's second address form from its core object's
 * `altAddress` (EOS: the legacy EOS… key, cross-checked with @wharfkit/antelope).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PublicKey } from '@wharfkit/antelope';
import { ACCOUNT_ROWS, keyring } from '../../src/background/keyring';
import type { Settings, WalletMeta } from '../../src/protocol/ui';

const MNEMONIC = 'test test test test test test test test test test test junk';
const settings = { autoLockMinutes: 15, language: 'en', bitcoinScheme: 'p2wpkh' } as Settings;
const hd: WalletMeta = { id: 'w1', name: 'HD', kind: 'mnemonic', accountCount: 1, createdAt: 0 };

describe('keyring: account rows', () => {
  keyring.load({ wallets: [{ id: 'w1', name: 'HD', createdAt: 0, kind: 'mnemonic', mnemonic: MNEMONIC }] });
  afterAll(() => keyring.clear());

  it("an HD account lists every row of every family's core object, in the screen's order", () => {
    const views = keyring.accounts(hd, 0, settings);
    expect(views.map((v) => ({ family: v.family, network: v.network }))).toEqual(ACCOUNT_ROWS);
    expect(views.find((v) => v.network === 'kusama')?.address).not.toBe(views.find((v) => v.network === 'polkadot')?.address);
  });

  it("only EOS shows a second form, its key's legacy EOS… string", () => {
    const views = keyring.accounts(hd, 1, settings);
    const eos = views.find((v) => v.family === 'eos');
    expect(eos?.address).toMatch(/^PUB_K1_/);
    expect(eos?.altAddress).toBe(PublicKey.from(eos!.address).toLegacyString());
    expect(eos?.altAddress).toMatch(/^EOS/);
    expect(views.filter((v) => v.altAddress !== undefined).map((v) => v.family)).toEqual(['eos']);
  });
});
