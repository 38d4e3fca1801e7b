/**
 * Every family cross-checked against an independent library, for 12- and 24-word mnemonics,
 * with and without passphrase, at indexes 0, 1 and 5. Expected paths are written out here, not
 * taken from the code under test.
 */
import * as ecc from '@bitcoinerlab/secp256k1';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { Account, CKDPriv, deriveKey, Ed25519PrivateKey, HARDENED_OFFSET } from '@aptos-labs/ts-sdk';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import * as sr25519 from '@scure/sr25519';
import { Bytes, KeyType, PrivateKey } from '@wharfkit/antelope';
import { initEccLib, networks, payments } from 'bitcoinjs-lib';
import { encodeBase58, HDNodeWallet, Mnemonic } from 'ethers';
import { TronWeb } from 'tronweb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDeriver, deriveAccount, deriveKeypair, eosLegacyPublicKey } from '../../../src/core/index.ts';

initEccLib(ecc);

const MNEMONICS = [
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
  'legal winner thank year wave sausage worth useful legal winner thank yellow',
  'hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length',
];
const PASSPHRASES = ['', 'TREZOR', 'pässwörd ünïcode'];
const INDEXES = [0, 1, 5];

const CASES = MNEMONICS.flatMap((mnemonic) =>
  PASSPHRASES.flatMap((passphrase) => INDEXES.map((index) => ({ mnemonic, passphrase, index, label: `${mnemonic.split(' ').length}w "${passphrase}" #${index}` }))),
);

/** Private key (no 0x) and compressed public key at a BIP32 path, via ethers. */
function ethersKey(mnemonic: string, passphrase: string, path: string): { priv: string; pub: Uint8Array } {
  const w = HDNodeWallet.fromPhrase(mnemonic, passphrase, path);
  return { priv: w.privateKey.slice(2), pub: hexToBytes(w.publicKey.slice(2)) };
}

/** SLIP-0010 ed25519 key via the Aptos SDK's independent implementation, seed via ethers. */
function sdkSlip10(mnemonic: string, passphrase: string, path: number[]): Uint8Array {
  const seed = hexToBytes(Mnemonic.fromPhrase(mnemonic, passphrase).computeSeed().slice(2));
  let node = deriveKey('ed25519 seed', seed);
  for (const i of path) node = CKDPriv(node, i + HARDENED_OFFSET);
  return node.key;
}

describe('evm vs ethers HDNodeWallet', () => {
  it.each(CASES)('$label', ({ mnemonic, passphrase, index }) => {
    const path = `m/44'/60'/0'/0/${index}`;
    const w = HDNodeWallet.fromPhrase(mnemonic, passphrase, path);
    const kp = deriveKeypair({ mnemonic, passphrase, family: 'evm', index });
    expect(kp.address).toBe(w.address);
    expect(kp.publicKey).toBe(w.publicKey);
    expect(`0x${bytesToHex(kp.secretKey)}`).toBe(w.privateKey);
    expect(kp.path).toBe(path);
  });
});

describe('bitcoin vs ethers keys + bitcoinjs-lib payments', () => {
  const schemes = [
    { scheme: 'p2wpkh', purpose: 84, pay: (pub: Uint8Array, network: networks.Network) => payments.p2wpkh({ pubkey: pub, network }).address },
    { scheme: 'p2tr', purpose: 86, pay: (pub: Uint8Array, network: networks.Network) => payments.p2tr({ internalPubkey: pub.slice(1, 33), network }).address },
    { scheme: 'p2sh-p2wpkh', purpose: 49, pay: (pub: Uint8Array, network: networks.Network) => payments.p2sh({ redeem: payments.p2wpkh({ pubkey: pub, network }), network }).address },
    { scheme: 'p2pkh', purpose: 44, pay: (pub: Uint8Array, network: networks.Network) => payments.p2pkh({ pubkey: pub, network }).address },
  ];
  const nets = [
    { network: 'mainnet', coin: 0, lib: networks.bitcoin },
    { network: 'testnet', coin: 1, lib: networks.testnet },
    { network: 'regtest', coin: 1, lib: networks.regtest },
  ];
  for (const { scheme, purpose, pay } of schemes) {
    it.each(CASES)(`${scheme} $label`, ({ mnemonic, passphrase, index }) => {
      const deriver = createDeriver(mnemonic, passphrase);
      for (const { network, coin, lib } of nets) {
        const path = `m/${purpose}'/${coin}'/0'/0/${index}`;
        const { priv, pub } = ethersKey(mnemonic, passphrase, path);
        const kp = deriver.account('bitcoin', index, { network, scheme });
        expect(kp.path).toBe(path);
        expect(kp.publicKey).toBe(bytesToHex(pub));
        expect(bytesToHex(kp.secretKey)).toBe(priv);
        expect(kp.address).toBe(pay(pub, lib));
      }
    });
  }
  it('address prefixes per network', () => {
    const m = MNEMONICS[0] ?? '';
    expect(deriveAccount({ mnemonic: m, family: 'bitcoin', index: 0, network: 'testnet' }).address).toMatch(/^tb1q/);
    expect(deriveAccount({ mnemonic: m, family: 'bitcoin', index: 0, network: 'regtest' }).address).toMatch(/^bcrt1q/);
    expect(deriveAccount({ mnemonic: m, family: 'bitcoin', index: 0, network: 'regtest', scheme: 'p2tr' }).address).toMatch(/^bcrt1p/);
    expect(deriveAccount({ mnemonic: m, family: 'bitcoin', index: 0, network: 'testnet', scheme: 'p2pkh' }).address).toMatch(/^[mn]/);
    expect(deriveAccount({ mnemonic: m, family: 'bitcoin', index: 0, network: 'testnet', scheme: 'p2sh-p2wpkh' }).address).toMatch(/^2/);
  });
});

describe('tron vs ethers keys + TronWeb', () => {
  it.each(CASES)('$label', ({ mnemonic, passphrase, index }) => {
    const path = `m/44'/195'/0'/0/${index}`;
    const { priv, pub } = ethersKey(mnemonic, passphrase, path);
    const kp = deriveKeypair({ mnemonic, passphrase, family: 'tron', index });
    expect(kp.path).toBe(path);
    expect(kp.address).toBe(TronWeb.address.fromPrivateKey(priv));
    expect(TronWeb.isAddress(kp.address)).toBe(true);
    expect(kp.publicKey).toBe(bytesToHex(pub));
    expect(bytesToHex(kp.secretKey)).toBe(priv);
  });
});

describe('solana vs Aptos-SDK SLIP-0010 + noble ed25519 + ethers base58', () => {
  it.each(CASES)('$label', ({ mnemonic, passphrase, index }) => {
    const key = sdkSlip10(mnemonic, passphrase, [44, 501, index, 0]);
    const expected = encodeBase58(ed25519.getPublicKey(key));
    const kp = deriveKeypair({ mnemonic, passphrase, family: 'solana', index });
    expect(kp).toMatchObject({ address: expected, publicKey: expected, path: `m/44'/501'/${index}'/0'` });
    expect(bytesToHex(kp.secretKey)).toBe(bytesToHex(key));
  });
});

describe('aptos vs @aptos-labs/ts-sdk', () => {
  it.each(CASES)('$label', ({ mnemonic, passphrase, index }) => {
    const path = `m/44'/637'/${index}'/0'/0'`;
    const kp = deriveKeypair({ mnemonic, passphrase, family: 'aptos', index });
    expect(kp.path).toBe(path);
    // The SDK's fromDerivationPath takes no passphrase; with one, feed it the SLIP-0010 key instead.
    const account = passphrase
      ? Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(sdkSlip10(mnemonic, passphrase, [44, 637, index, 0, 0])) })
      : Account.fromDerivationPath({ path, mnemonic });
    expect(kp.address).toBe(account.accountAddress.toStringLong());
    expect(kp.publicKey).toBe(account.publicKey.toString());
    expect(`0x${bytesToHex(kp.secretKey)}`).toBe(account.privateKey.toString().replace(/^ed25519-priv-/, ''));
  });
});

describe('polkadot / kusama vs @polkadot/keyring (sr25519, addFromUri)', () => {
  let dot: Keyring;
  let ksm: Keyring;
  beforeAll(async () => {
    await cryptoWaitReady();
    dot = new Keyring({ type: 'sr25519', ss58Format: 0 });
    ksm = new Keyring({ type: 'sr25519', ss58Format: 2 });
  });
  it.each(CASES)('$label', ({ mnemonic, passphrase, index }) => {
    const junctions = index === 0 ? '' : `//${index - 1}`;
    const suri = `${mnemonic}${junctions}${passphrase ? `///${passphrase}` : ''}`;
    const pDot = dot.addFromUri(suri);
    const pKsm = ksm.addFromUri(suri);
    const deriver = createDeriver(mnemonic, passphrase);
    const kDot = deriver.account('polkadot', index);
    const kKsm = deriver.account('polkadot', index, { network: 'kusama' });
    expect(kDot).toMatchObject({ address: pDot.address, publicKey: u8aToHex(pDot.publicKey), path: junctions });
    expect(kKsm).toMatchObject({ address: pKsm.address, publicKey: u8aToHex(pKsm.publicKey), path: junctions });
    expect(kDot.address.startsWith('1')).toBe(true);
    // The secret signs, and polkadot.js verifies it for that address.
    const msg = new TextEncoder().encode('cross-check');
    expect(signatureVerify(msg, sr25519.sign(kDot.secretKey, msg), pDot.address).isValid).toBe(true);
  });
});

describe('eos vs ethers keys + @wharfkit/antelope', () => {
  it.each(CASES)('$label', ({ mnemonic, passphrase, index }) => {
    const path = `m/44'/194'/0'/0/${index}`;
    const { priv } = ethersKey(mnemonic, passphrase, path);
    const key = new PrivateKey(KeyType.K1, Bytes.from(priv, 'hex'));
    const kp = deriveKeypair({ mnemonic, passphrase, family: 'eos', index });
    expect(kp.path).toBe(path);
    expect(kp.address).toBe(key.toPublic().toString());
    expect(eosLegacyPublicKey(kp.address)).toBe(key.toPublic().toLegacyString());
    expect(kp.publicKey).toBe(key.toPublic().data.hexString);
    expect(bytesToHex(kp.secretKey)).toBe(priv);
  });
});

describe('deriver and one-shot derivation agree', () => {
  it('for every family', () => {
    const [mnemonic = ''] = MNEMONICS;
    const deriver = createDeriver(mnemonic, 'TREZOR');
    for (const family of ['evm', 'bitcoin', 'tron', 'solana', 'aptos', 'polkadot', 'eos'] as const) {
      for (const index of [5, 0, 3]) {
        const { address, publicKey, path } = deriver.account(family, index);
        expect({ address, publicKey, path }).toEqual(deriveAccount({ mnemonic, passphrase: 'TREZOR', family, index }));
      }
    }
  });
});
