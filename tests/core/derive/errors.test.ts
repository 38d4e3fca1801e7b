/**
 * Input validation: mnemonics, indexes, families, networks and schemes; secrets never appear in
 * error messages; the deriver's copies and wipe.
 */
import { describe, expect, it } from 'vitest';
import { createDeriver, deriveAccount, deriveKeypair, isValidMnemonic, KeyDerivationError, type Family } from '../../../src/core/index.ts';
import { CHAIN_KEYS } from '../../../src/core/index.ts';
import { thrownBy } from '../../support/errors.ts';

const M = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

const messageOf = (fn: () => unknown): string => thrownBy(KeyDerivationError, fn).message;

describe('mnemonic validation', () => {
  it('an unknown word: says which position, not which word', () => {
    const bad = M.replace('about', 'aboutt');
    const msg = messageOf(() => deriveAccount({ mnemonic: bad, family: 'evm', index: 0 }));
    expect(msg).toBe('Invalid mnemonic: word 12 is not in the BIP39 English word list');
    expect(msg).not.toContain('aboutt');
    expect(msg).not.toContain('abandon');
  });
  it('a checksum mismatch', () => {
    const bad = M.replace('about', 'abandon');
    expect(messageOf(() => createDeriver(bad))).toBe('Invalid mnemonic: checksum mismatch');
    expect(isValidMnemonic(bad)).toBe(false);
    expect(isValidMnemonic(M)).toBe(true);
  });
  it('a wrong word count', () => {
    expect(messageOf(() => createDeriver('abandon abandon about'))).toMatch(/expected 12, 15, 18, 21 or 24 words, got 3/);
    expect(messageOf(() => createDeriver(''))).toMatch(/got 0/);
  });
  it('every family refuses it before deriving', () => {
    for (const family of Object.keys(CHAIN_KEYS) as Family[]) {
      expect(() => deriveAccount({ mnemonic: M.replace('about', 'zebra'), family, index: 0 })).toThrow(/checksum/);
    }
  });
});

describe('index validation', () => {
  it.each([-1, 1.5, 2 ** 31, Number.NaN, Infinity, '1' as unknown as number])('refuses %s', (index) => {
    expect(messageOf(() => deriveAccount({ mnemonic: M, family: 'evm', index }))).toBe('Account index must be an integer from 0 to 2147483647');
    expect(() => createDeriver(M).account('solana', index)).toThrow(/Account index/);
  });
  it('accepts the largest index on every family', () => {
    const d = createDeriver(M);
    expect(d.account('evm', 2 ** 31 - 1).path).toBe("m/44'/60'/0'/0/2147483647");
    expect(d.account('solana', 2 ** 31 - 1).path).toBe("m/44'/501'/2147483647'/0'");
    expect(d.account('aptos', 2 ** 31 - 1).path).toBe("m/44'/637'/2147483647'/0'/0'");
    expect(d.account('polkadot', 2 ** 31 - 1).path).toBe('//2147483646');
  });
});

describe('family, network and scheme validation', () => {
  it('unknown family', () => {
    expect(messageOf(() => deriveAccount({ mnemonic: M, family: 'cosmos' as Family, index: 0 }))).toBe('Unknown chain family "cosmos"');
  });
  it('unknown network', () => {
    expect(messageOf(() => deriveAccount({ mnemonic: M, family: 'bitcoin', index: 0, network: 'litecoin' }))).toMatch(
      /Unknown network "litecoin" for bitcoin \(expected one of: mainnet, testnet, signet, regtest\)/,
    );
    expect(() => deriveAccount({ mnemonic: M, family: 'polkadot', index: 0, network: 'testnet' })).toThrow(/Unknown network/);
    expect(() => deriveAccount({ mnemonic: M, family: 'evm', index: 0, network: 'kusama' })).toThrow(/Unknown network/);
  });
  it('unknown scheme, and a scheme where there are none', () => {
    expect(messageOf(() => deriveAccount({ mnemonic: M, family: 'bitcoin', index: 0, scheme: 'p2wsh' }))).toMatch(/Unknown address scheme "p2wsh"/);
    expect(messageOf(() => deriveAccount({ mnemonic: M, family: 'evm', index: 0, scheme: 'p2wpkh' }))).toBe('The evm family has no address schemes');
  });
  it('defaults', () => {
    expect(deriveAccount({ mnemonic: M, family: 'bitcoin', index: 0 }).path).toBe("m/84'/0'/0'/0/0");
    expect(deriveAccount({ mnemonic: M, family: 'polkadot', index: 0 }).address).toMatch(/^1/);
    expect(deriveAccount({ mnemonic: M, family: 'bitcoin', index: 2, network: 'testnet', scheme: 'p2tr' }).path).toBe("m/86'/1'/0'/0/2");
  });
});

describe('polkadot numbering', () => {
  it("index 0 is the bare mnemonic, index i is //(i-1)", () => {
    const d = createDeriver(M);
    expect([0, 1, 2, 10].map((i) => d.account('polkadot', i).path)).toEqual(['', '//0', '//1', '//9']);
    const addresses = new Set([0, 1, 2, 3].map((i) => d.account('polkadot', i).address));
    expect(addresses.size).toBe(4);
  });
});

describe('deriver', () => {
  it('returns fresh secret copies, so wiping one does not corrupt the cache', () => {
    const d = createDeriver(M, 'x');
    const a = d.account('evm', 3);
    const before = Array.from(a.secretKey);
    a.secretKey.fill(0);
    expect(Array.from(d.account('evm', 3).secretKey)).toEqual(before);
    const p = d.account('polkadot', 1);
    const pBefore = Array.from(p.secretKey);
    p.secretKey.fill(0);
    expect(Array.from(d.account('polkadot', 1).secretKey)).toEqual(pBefore);
  });
  it('is unusable after wipe', () => {
    const d = createDeriver(M);
    d.account('bitcoin', 0);
    d.wipe();
    expect(() => d.account('bitcoin', 0)).toThrow('This key deriver was wiped');
  });
  it('is fast once the seed is cached', () => {
    const d = createDeriver(M);
    d.account('evm', 0);
    d.account('solana', 0);
    const t = performance.now();
    for (let i = 1; i <= 50; i++) {
      d.account('evm', i);
      d.account('solana', i);
    }
    expect(performance.now() - t).toBeLessThan(5000);
  });
  it('secret key sizes per family', () => {
    const sizes = Object.fromEntries(
      (Object.keys(CHAIN_KEYS) as Family[]).map((family) => [family, deriveKeypair({ mnemonic: M, family, index: 0 }).secretKey.length]),
    );
    expect(sizes).toEqual({ evm: 32, bitcoin: 32, tron: 32, solana: 32, aptos: 32, polkadot: 64, eos: 32 });
  });
});
