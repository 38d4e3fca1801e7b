/**
 * validateAddress: good addresses pass; a one-character typo is 'checksum' where the family has
 * a checksum; another network's address is 'network'; anything else is 'format'.
 */
import { describe, expect, it } from 'vitest';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { deriveAccount, isValidAddress, validateAddress, type Family } from '../../../src/core/index.ts';

const M = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

/** Replaces the character at i by another one from the same alphabet. */
function typo(address: string, i: number, alphabet: string): string {
  const c = address[i] ?? '';
  const replacement = [...alphabet].find((x) => x !== c && x.toLowerCase() !== c.toLowerCase()) ?? '';
  return address.slice(0, i) + replacement + address.slice(i + 1);
}
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

const reason = (family: Family, address: string, network?: string): string => {
  const r = validateAddress(family, address, network);
  return r.ok ? 'ok' : r.reason;
};

describe('every derived address validates', () => {
  it.each(['evm', 'bitcoin', 'tron', 'solana', 'aptos', 'polkadot', 'eos'] as const)('%s', (family) => {
    for (const index of [0, 1, 5]) {
      const { address } = deriveAccount({ mnemonic: M, family, index });
      expect(validateAddress(family, address)).toEqual({ ok: true });
      expect(isValidAddress(family, address)).toBe(true);
    }
  });
});

describe('evm', () => {
  const a = deriveAccount({ mnemonic: M, family: 'evm', index: 0 }).address;
  it('checksum, case-only and format', () => {
    const flipped = a.slice(0, 2) + [...a.slice(2)].map((c, i) => (i === a.slice(2).search(/[a-fA-F]/) ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c)).join('');
    expect(reason('evm', flipped)).toBe('checksum');
    expect(reason('evm', a.toLowerCase())).toBe('ok');
    expect(reason('evm', `0x${a.slice(2).toUpperCase()}`)).toBe('ok');
    expect(reason('evm', a.slice(0, 41))).toBe('format');
    expect(reason('evm', a.slice(2))).toBe('format');
    const r = validateAddress('evm', flipped);
    expect(r.ok === false && r.message).toMatch(/EIP-55/);
  });
});

describe('bitcoin', () => {
  const main = deriveAccount({ mnemonic: M, family: 'bitcoin', index: 0 }).address;
  const tr = deriveAccount({ mnemonic: M, family: 'bitcoin', index: 0, scheme: 'p2tr' }).address;
  const legacy = deriveAccount({ mnemonic: M, family: 'bitcoin', index: 0, scheme: 'p2pkh' }).address;
  const nested = deriveAccount({ mnemonic: M, family: 'bitcoin', index: 0, scheme: 'p2sh-p2wpkh' }).address;
  const test = deriveAccount({ mnemonic: M, family: 'bitcoin', index: 0, network: 'testnet' }).address;
  const testLegacy = deriveAccount({ mnemonic: M, family: 'bitcoin', index: 0, network: 'testnet', scheme: 'p2pkh' }).address;
  const reg = deriveAccount({ mnemonic: M, family: 'bitcoin', index: 0, network: 'regtest' }).address;
  it('good on their own network', () => {
    for (const a of [main, tr, legacy, nested]) expect(reason('bitcoin', a)).toBe('ok');
    expect(reason('bitcoin', test, 'testnet')).toBe('ok');
    expect(reason('bitcoin', test, 'signet')).toBe('ok');
    expect(reason('bitcoin', testLegacy, 'regtest')).toBe('ok');
    expect(reason('bitcoin', reg, 'regtest')).toBe('ok');
    expect(reason('bitcoin', main.toUpperCase())).toBe('ok');
  });
  it('typos are checksum errors', () => {
    expect(reason('bitcoin', typo(main, 10, BECH32))).toBe('checksum');
    expect(reason('bitcoin', typo(tr, 20, BECH32))).toBe('checksum');
    expect(reason('bitcoin', typo(legacy, 10, B58))).toBe('checksum');
    expect(reason('bitcoin', typo(nested, 10, B58))).toBe('checksum');
  });
  it('BIP350: a v0 program with a bech32m checksum is invalid', () => {
    expect(reason('bitcoin', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh')).toBe('checksum');
    expect(reason('bitcoin', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4')).toBe('ok');
    expect(reason('bitcoin', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0')).toBe('ok');
  });
  it('other networks are network errors', () => {
    expect(reason('bitcoin', test)).toBe('network');
    expect(reason('bitcoin', main, 'testnet')).toBe('network');
    expect(reason('bitcoin', reg, 'testnet')).toBe('network');
    expect(reason('bitcoin', testLegacy)).toBe('network');
    expect(reason('bitcoin', legacy, 'regtest')).toBe('network');
  });
  it('format errors', () => {
    expect(reason('bitcoin', 'bc1Qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu')).toBe('format');
    expect(reason('bitcoin', 'hello')).toBe('format');
    expect(reason('bitcoin', '')).toBe('format');
    expect(reason('bitcoin', deriveAccount({ mnemonic: M, family: 'tron', index: 0 }).address)).toBe('format');
  });
});

describe('tron', () => {
  const a = deriveAccount({ mnemonic: M, family: 'tron', index: 0 }).address;
  it('checksum and format', () => {
    expect(reason('tron', typo(a, 15, B58))).toBe('checksum');
    expect(reason('tron', `X${a.slice(1)}`)).toBe('format');
    expect(reason('tron', a.slice(0, 30))).toBe('format');
    expect(reason('tron', a, 'testnet')).toBe('ok');
  });
});

describe('solana', () => {
  const a = deriveAccount({ mnemonic: M, family: 'solana', index: 0 }).address;
  it('only the shape can be checked', () => {
    expect(reason('solana', typo(a, 5, B58))).toBe('ok');
    expect(reason('solana', `${a.slice(0, 10)}0${a.slice(11)}`)).toBe('format');
    expect(reason('solana', a.slice(0, 20))).toBe('format');
    expect(reason('solana', '11111111111111111111111111111111')).toBe('ok');
  });
});

describe('aptos', () => {
  const a = deriveAccount({ mnemonic: M, family: 'aptos', index: 0 }).address;
  it('long form, special short form and format errors', () => {
    expect(reason('aptos', a.toUpperCase().replace('0X', '0x'))).toBe('ok');
    expect(reason('aptos', '0x1')).toBe('ok');
    expect(reason('aptos', '0xa')).toBe('ok');
    expect(reason('aptos', '0x123')).toBe('format');
    expect(reason('aptos', a.slice(2))).toBe('format');
    expect(reason('aptos', `${a}0`)).toBe('format');
  });
});

describe('polkadot', () => {
  const dot = deriveAccount({ mnemonic: M, family: 'polkadot', index: 0 }).address;
  const ksm = deriveAccount({ mnemonic: M, family: 'polkadot', index: 0, network: 'kusama' }).address;
  it('network, checksum, format', async () => {
    expect(reason('polkadot', dot, 'polkadot')).toBe('ok');
    expect(reason('polkadot', dot, 'mainnet')).toBe('ok');
    expect(reason('polkadot', ksm, 'kusama')).toBe('ok');
    expect(reason('polkadot', ksm)).toBe('network');
    expect(reason('polkadot', dot, 'kusama')).toBe('network');
    expect(reason('polkadot', typo(dot, 20, B58))).toBe('checksum');
    expect(reason('polkadot', 'hello')).toBe('format');
    expect(reason('polkadot', deriveAccount({ mnemonic: M, family: 'evm', index: 0 }).address)).toBe('format');
    // An address with a two-byte SS58 prefix (1000) is a valid SS58 address for another network.
    await cryptoWaitReady();
    const far = new Keyring({ type: 'sr25519', ss58Format: 1000 }).addFromUri(M).address;
    expect(reason('polkadot', far)).toBe('network');
    const r = validateAddress('polkadot', far);
    expect(r.ok === false && r.message).toMatch(/prefix 1000/);
  });
});

describe('eos', () => {
  const a = deriveAccount({ mnemonic: M, family: 'eos', index: 0 }).address;
  it('both key forms, checksum, format', async () => {
    const { eosLegacyPublicKey } = await import('../../../src/core/index.ts');
    expect(reason('eos', eosLegacyPublicKey(a))).toBe('ok');
    expect(reason('eos', typo(a, 20, B58))).toBe('checksum');
    expect(reason('eos', `EOS${a.slice(7)}`)).toBe('checksum');
    expect(reason('eos', 'eosio.token')).toBe('ok'); // an account name: what transfers go to
    expect(reason('eos', 'EOSIO.token')).toBe('format');
    expect(reason('eos', `PUB_R1_${a.slice(7)}`)).toBe('format');
  });
});

describe('bad arguments', () => {
  it('unknown family or network throws', () => {
    expect(() => validateAddress('doge' as Family, 'x')).toThrow(/Unknown chain family "doge"/);
    expect(() => validateAddress('bitcoin', 'x', 'mainet')).toThrow(/Unknown network "mainet" for bitcoin/);
    expect(() => validateAddress('polkadot', 'x', 'rococo')).toThrow(/Unknown network/);
  });
});
