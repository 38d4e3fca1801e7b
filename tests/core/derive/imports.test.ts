/**
 * accountFromPrivateKey: each family's usual private-key text forms, checked against the
 * independent libraries, and refusal of malformed or mismatched keys.
 */
import * as ecc from '@bitcoinerlab/secp256k1';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { Account, Ed25519PrivateKey } from '@aptos-labs/ts-sdk';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { Bytes, KeyType, PrivateKey } from '@wharfkit/antelope';
import { initEccLib, networks, payments } from 'bitcoinjs-lib';
import { ECPairFactory } from 'ecpair';
import { encodeBase58, Wallet } from 'ethers';
import { TronWeb } from 'tronweb';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountFromPrivateKey, eosPrivateKeyString } from '../../../src/core/index.ts';

initEccLib(ecc);
const ECPair = ECPairFactory(ecc);

const KEY_HEX = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const KEY2_HEX = '1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727';
const SECP_N = 'fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141';

describe('evm', () => {
  it.each([KEY_HEX, `0x${KEY_HEX}`, `  0x${KEY_HEX.toUpperCase().replace('X', 'x')}\n`])('imports %j', (text) => {
    const kp = accountFromPrivateKey('evm', text);
    const w = new Wallet(`0x${KEY_HEX}`);
    expect(kp).toMatchObject({ address: w.address, publicKey: w.signingKey.compressedPublicKey, path: 'imported' });
    expect(bytesToHex(kp.secretKey)).toBe(KEY_HEX);
  });
  it.each(['0x' + '00'.repeat(32), SECP_N, KEY_HEX.slice(2), `${KEY_HEX}00`, 'zz' + KEY_HEX.slice(2)])('refuses %s', (text) => {
    expect(() => accountFromPrivateKey('evm', text)).toThrow(/private key/i);
  });
});

describe('bitcoin', () => {
  const pair = ECPair.fromPrivateKey(hexToBytes(KEY_HEX), { network: networks.bitcoin });
  const testPair = ECPair.fromPrivateKey(hexToBytes(KEY_HEX), { network: networks.testnet });
  it('compressed WIF on mainnet, every scheme', () => {
    const wif = pair.toWIF();
    expect(wif).toMatch(/^[KL]/);
    expect(accountFromPrivateKey('bitcoin', wif).address).toBe(payments.p2wpkh({ pubkey: pair.publicKey }).address);
    expect(accountFromPrivateKey('bitcoin', wif, { scheme: 'p2pkh' }).address).toBe(payments.p2pkh({ pubkey: pair.publicKey }).address);
    expect(accountFromPrivateKey('bitcoin', wif, { scheme: 'p2tr' }).address).toBe(payments.p2tr({ internalPubkey: pair.publicKey.slice(1) }).address);
    expect(accountFromPrivateKey('bitcoin', wif, { scheme: 'p2sh-p2wpkh' }).address).toBe(
      payments.p2sh({ redeem: payments.p2wpkh({ pubkey: pair.publicKey }) }).address,
    );
    expect(accountFromPrivateKey('bitcoin', wif)).toMatchObject({ publicKey: bytesToHex(pair.publicKey), path: 'imported' });
  });
  it('testnet WIF and hex', () => {
    const kp = accountFromPrivateKey('bitcoin', testPair.toWIF(), { network: 'testnet' });
    expect(kp.address).toBe(payments.p2wpkh({ pubkey: testPair.publicKey, network: networks.testnet }).address);
    expect(accountFromPrivateKey('bitcoin', KEY_HEX, { network: 'regtest' }).address).toBe(
      payments.p2wpkh({ pubkey: testPair.publicKey, network: networks.regtest }).address,
    );
  });
  it('refuses a WIF for the other network', () => {
    expect(() => accountFromPrivateKey('bitcoin', testPair.toWIF())).toThrow(/not for Bitcoin mainnet/);
    expect(() => accountFromPrivateKey('bitcoin', pair.toWIF(), { network: 'testnet' })).toThrow(/not for Bitcoin testnet/);
  });
  it('refuses uncompressed WIF and a WIF with a typo', () => {
    const uncompressed = ECPair.fromPrivateKey(hexToBytes(KEY_HEX), { compressed: false }).toWIF();
    expect(uncompressed).toMatch(/^5/);
    expect(() => accountFromPrivateKey('bitcoin', uncompressed)).toThrow(/Uncompressed WIF/);
    const wif = pair.toWIF();
    const typo = wif.slice(0, 10) + (wif[10] === 'a' ? 'b' : 'a') + wif.slice(11);
    expect(() => accountFromPrivateKey('bitcoin', typo)).toThrow(/WIF checksum/);
  });
});

describe('tron', () => {
  it('hex with or without 0x', () => {
    const expected = TronWeb.address.fromPrivateKey(KEY_HEX);
    expect(accountFromPrivateKey('tron', KEY_HEX).address).toBe(expected);
    expect(accountFromPrivateKey('tron', `0x${KEY_HEX}`)).toMatchObject({ address: expected, path: 'imported' });
  });
});

describe('solana', () => {
  const seed = hexToBytes(KEY2_HEX);
  const pub = ed25519.getPublicKey(seed);
  const full = new Uint8Array([...seed, ...pub]);
  const address = encodeBase58(pub);
  it('base58 64-byte secret, 32-byte seed and CLI JSON keyfile', () => {
    for (const text of [encodeBase58(full), encodeBase58(seed), JSON.stringify(Array.from(full))]) {
      const kp = accountFromPrivateKey('solana', text);
      expect(kp).toMatchObject({ address, publicKey: address, path: 'imported' });
      expect(bytesToHex(kp.secretKey)).toBe(KEY2_HEX);
    }
  });
  it('refuses a 64-byte secret whose public half does not match', () => {
    const bad = full.slice();
    bad[40] = (bad[40] ?? 0) ^ 1;
    expect(() => accountFromPrivateKey('solana', encodeBase58(bad))).toThrow(/does not match/);
  });
  it('refuses wrong lengths and bad characters', () => {
    expect(() => accountFromPrivateKey('solana', encodeBase58(seed.slice(0, 31)))).toThrow(/Solana/);
    expect(() => accountFromPrivateKey('solana', `0OIl${encodeBase58(seed)}`)).toThrow(/Solana/);
    expect(() => accountFromPrivateKey('solana', '[1,2,300]')).toThrow(/Solana/);
  });
});

describe('aptos', () => {
  it('AIP-80 and plain hex', () => {
    const sdk = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(`0x${KEY2_HEX}`) });
    const aip80 = sdk.privateKey.toAIP80String();
    expect(aip80).toBe(`ed25519-priv-0x${KEY2_HEX}`);
    for (const text of [aip80, `0x${KEY2_HEX}`, KEY2_HEX]) {
      expect(accountFromPrivateKey('aptos', text)).toMatchObject({
        address: sdk.accountAddress.toStringLong(),
        publicKey: sdk.publicKey.toString(),
        path: 'imported',
      });
    }
  });
  it('refuses a short key', () => {
    expect(() => accountFromPrivateKey('aptos', 'ed25519-priv-0x1234')).toThrow(/Aptos Ed25519 private key must be 32 bytes/);
  });
});

describe('eos', () => {
  const key = new PrivateKey(KeyType.K1, Bytes.from(KEY_HEX, 'hex'));
  it('legacy WIF and PVT_K1', () => {
    for (const text of [key.toWif(), key.toString()]) {
      expect(accountFromPrivateKey('eos', text)).toMatchObject({ address: key.toPublic().toString(), path: 'imported' });
    }
    expect(eosPrivateKeyString(hexToBytes(KEY_HEX))).toBe(key.toString());
  });
  it('refuses a PVT_K1 key with a bad checksum', () => {
    const s = key.toString();
    const typo = s.slice(0, 20) + (s[20] === 'a' ? 'b' : 'a') + s.slice(21);
    expect(() => accountFromPrivateKey('eos', typo)).toThrow(/EOS private key/);
  });
});

describe('polkadot', () => {
  beforeAll(async () => {
    await cryptoWaitReady();
  });
  it('0x raw seed, like polkadot.js addFromUri("0x…")', () => {
    const seedHex = `0x${KEY2_HEX}`;
    const dot = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromUri(seedHex);
    const ksm = new Keyring({ type: 'sr25519', ss58Format: 2 }).addFromUri(seedHex);
    expect(accountFromPrivateKey('polkadot', seedHex)).toMatchObject({ address: dot.address, path: 'imported' });
    expect(accountFromPrivateKey('polkadot', seedHex, { network: 'kusama' }).address).toBe(ksm.address);
    expect(accountFromPrivateKey('polkadot', seedHex).secretKey).toHaveLength(64);
  });
  it('refuses anything else', () => {
    expect(() => accountFromPrivateKey('polkadot', 'bottom drive obey lake')).toThrow(/Polkadot raw seed/);
  });
});

describe('errors never echo the secret', () => {
  const secrets: Array<[Parameters<typeof accountFromPrivateKey>[0], string]> = [
    ['evm', `0x${KEY_HEX}ff`],
    ['bitcoin', `L0O${KEY_HEX}`],
    ['solana', `0OIl${KEY_HEX}`],
    ['solana', `[${KEY_HEX}`],
    ['aptos', `ed25519-priv-0x${KEY_HEX}zz`],
    ['eos', `PVT_K1_0${KEY_HEX}`],
    ['eos', `5${KEY_HEX}`],
    ['polkadot', `0x${KEY_HEX}aa`],
    ['tron', `${KEY_HEX.slice(0, 40)}`],
  ];
  it.each(secrets)('%s', (family, secret) => {
    let message = '';
    try {
      accountFromPrivateKey(family, secret);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).not.toBe('');
    expect(message).not.toContain(KEY_HEX.slice(0, 12));
    expect(message).not.toContain(secret);
  });
  it('empty input', () => {
    expect(() => accountFromPrivateKey('evm', '  ')).toThrow('Private key is empty');
  });
});
