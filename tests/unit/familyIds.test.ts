/** The one family list and its helpers (src/families/ids.ts). */
import { describe, expect, it } from 'vitest';
import { CHAIN_KEYS } from '../../src/core/chains/registry';
import { ENDPOINT_FAMILIES, FAMILIES, WALLET_FAMILIES, assertNever, isFamily, isWalletFamily } from '../../src/families/ids';
import { isPortRequest } from '../../src/protocol/dapp';
import * as coreLines from '../../src/core/chains/cores';
import * as uiEntries from '../../src/families/ui';
import { FAMILY_MESSAGES } from '../../src/families/messages';
import { ACCOUNT_ROWS } from '../../src/background/keyring';
import { PAYMENT_SCHEMES } from '../../src/ui/popup/paymentStandards';
import type { FamilyUiEntry } from '../../src/families/types';

describe('family ids', () => {
  it('lists each family once, and the key registry has exactly these', () => {
    expect(new Set(FAMILIES).size).toBe(FAMILIES.length);
    expect(Object.keys(CHAIN_KEYS).sort()).toEqual([...FAMILIES].sort());
  });

  it('the popup families are known families; endpoint families are the popup ones without EVM', () => {
    for (const f of WALLET_FAMILIES) expect(FAMILIES).toContain(f);
    expect(ENDPOINT_FAMILIES).toEqual(WALLET_FAMILIES.filter((f) => f !== 'evm'));
    expect(ENDPOINT_FAMILIES.slice(0, 3)).toEqual(['bitcoin', 'solana', 'tron']);
  });

  it('isFamily / isWalletFamily accept only listed names', () => {
    for (const f of FAMILIES) expect(isFamily(f)).toBe(true);
    for (const bad of ['', 'EVM', 'cosmos', 'evm ', null, undefined, 1, {}, ['evm']]) expect(isFamily(bad)).toBe(false);
    expect(isWalletFamily('tron')).toBe(true);
    expect(isWalletFamily('aptos')).toBe(true);
    expect(isWalletFamily('polkadot')).toBe(true);
    for (const bad of ['', 'cosmos', 'TRON', null, 7]) expect(isWalletFamily(bad)).toBe(false);
  });

  it('a port request must name a listed family', () => {
    expect(isPortRequest({ id: '1', family: 'eos', method: 'x' })).toBe(true);
    expect(isPortRequest({ id: '1', family: 'cosmos', method: 'x' })).toBe(false);
    expect(isPortRequest({ id: '1', family: 7, method: 'x' })).toBe(false);
  });

  it('the one-line registries (core objects, popup entries) export exactly one entry per family, named for it', () => {
    expect(Object.keys(coreLines).sort()).toEqual([...FAMILIES].sort());
    for (const f of FAMILIES) expect(coreLines[f].id).toBe(f);
    expect(Object.keys(uiEntries).sort()).toEqual([...FAMILIES].sort());
    // Every family has strings today; they are reached through its popup entry, in FAMILIES' order.
    for (const f of FAMILIES) expect(FAMILY_MESSAGES[f]).toBe(uiEntries[f].messages);
  });

  it("a family whose popup entry names a payment-link scheme ships that standard's codec with its parts (and only such a family)", async () => {
    const withScheme: string[] = [];
    for (const f of FAMILIES) {
      const entry: FamilyUiEntry = uiEntries[f];
      const codec = (await entry.parts?.())?.paymentCodec;
      expect(codec !== undefined, f).toBe(entry.paymentScheme !== undefined);
      if (codec) expect(codec.family).toBe(f);
      if (entry.paymentScheme) withScheme.push(`${entry.paymentScheme}:${f}`);
    }
    // Today's four standards, then any a new family adds.
    expect(withScheme.slice(0, 4)).toEqual(['ethereum:evm', 'bitcoin:bitcoin', 'tron:tron', 'solana:solana']);
    expect(Object.entries(PAYMENT_SCHEMES)).toEqual(withScheme.map((s) => s.split(':')));
  });

  it("the Accounts screen's rows come from the core objects, in the order the screen had (Bitcoin first, Kusama beside Polkadot)", () => {
    // A new family's rows follow these (FAMILIES' order); the screen's order for today's families is kept.
    expect(ACCOUNT_ROWS.slice(0, 8)).toEqual([
      { family: 'bitcoin', network: 'mainnet' },
      { family: 'evm', network: 'mainnet' },
      { family: 'tron', network: 'mainnet' },
      { family: 'solana', network: 'mainnet' },
      { family: 'aptos', network: 'mainnet' },
      { family: 'polkadot', network: 'polkadot' },
      { family: 'polkadot', network: 'kusama' },
      { family: 'eos', network: 'mainnet' },
    ]);
    expect(ACCOUNT_ROWS.slice(8).map((r) => r.family)).toEqual(FAMILIES.filter((f) => !['evm', 'bitcoin', 'tron', 'solana', 'aptos', 'polkadot', 'eos'].includes(f)));
  });

  it('assertNever throws with the unexpected value', () => {
    expect(() => assertNever('cosmos' as never, 'family')).toThrow('Unexpected family: cosmos');
  });
});
