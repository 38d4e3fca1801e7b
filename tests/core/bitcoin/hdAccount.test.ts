import { describe, expect, it } from 'vitest';
import { createDeriver } from '../../../src/core/index.ts';
import {
  bitcoinAccountFromMnemonic,
  bitcoinAccountFromXpub,
  bitcoinAccountPath,
  importedWalletAddress,
  secretKeyProvider,
} from '../../../src/families/bitcoin/core/hdAccount.ts';
import { isBitcoinError } from '../../../src/families/bitcoin/core/errors.ts';
import { MNEMONIC, SCHEMES, bitcoin, ecc, fromHex, regtestWallet } from './helpers.ts';

describe('Bitcoin HD accounts (m/purpose\'/coin\'/account\'/chain/index)', () => {
  it('matches the BIP84 / BIP86 / BIP44 published vectors, including change addresses and account xpubs', () => {
    const w = regtestWallet('mainnet');
    expect(w.accounts.p2wpkh.path).toBe("m/84'/0'/0'");
    expect(w.accounts.p2wpkh.address(0, 0).address).toBe('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu');
    expect(w.accounts.p2wpkh.address(0, 1).address).toBe('bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g');
    expect(w.accounts.p2wpkh.address(1, 0).address).toBe('bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el');
    // BIP84 lists the zpub form of this key (same key, SLIP-132 version bytes).
    expect(w.accounts.p2wpkh.xpub).toBe('xpub6CatWdiZiodmUeTDp8LT5or8nmbKNcuyvz7WyksVFkKB4RHwCD3XyuvPEbvqAQY3rAPshWcMLoP2fMFMKHPJ4ZeZXYVUhLv1VMrjPC7PW6V');
    expect(w.accounts.p2tr.address(0, 0).address).toBe('bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr');
    expect(w.accounts.p2tr.address(0, 1).address).toBe('bc1p4qhjn9zdvkux4e44uhx8tc55attvtyu358kutcqkudyccelu0was9fqzwh');
    expect(w.accounts.p2tr.address(1, 0).address).toBe('bc1p3qkhfews2uk44qtvauqyr2ttdsw7svhkl9nkm9s9c3x4ax5h60wqwruhk7');
    expect(w.accounts.p2tr.xpub).toBe('xpub6BgBgsespWvERF3LHQu6CnqdvfEvtMcQjYrcRzx53QJjSxarj2afYWcLteoGVky7D3UKDP9QyrLprQ3VCECoY49yfdDEHGCtMMj92pReUsQ');
    expect(w.accounts.p2pkh.address(0, 0).address).toBe('1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA');
    expect(w.accounts.p2pkh.xpub).toBe('xpub6BosfCnifzxcFwrSzQiqu2DBVTshkCXacvNsWGYJVVhhawA7d4R5WSWGFNbi8Aw6ZRc1brxMyWMzG3DSSSSoekkudhUd9yLb6qx39T9nMdj');
    const t = regtestWallet('testnet');
    expect(t.accounts['p2sh-p2wpkh'].address(0, 0).address).toBe('2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2');
    expect(t.accounts['p2sh-p2wpkh'].xpub.startsWith('tpub')).toBe(true);
  });

  it('account 0 receive index i equals the colleague deriver\'s account i, for every scheme and network', () => {
    const deriver = createDeriver(MNEMONIC);
    for (const network of ['mainnet', 'testnet', 'regtest'] as const) {
      const w = regtestWallet(network);
      for (const scheme of SCHEMES) {
        for (const i of [0, 1, 7]) {
          const ours = w.accounts[scheme].address(0, i);
          const theirs = deriver.account('bitcoin', i, { network, scheme });
          expect(ours.address).toBe(theirs.address);
          expect(ours.publicKey).toBe(theirs.publicKey);
          expect(ours.path).toBe(theirs.path);
        }
      }
    }
    expect(regtestWallet('regtest').accounts.p2wpkh.address(0, 0).address.startsWith('bcrt1q')).toBe(true);
    expect(regtestWallet('regtest').accounts.p2tr.address(0, 0).address.startsWith('bcrt1p')).toBe(true);
  });

  it('scripts are the ones bitcoinjs-lib computes for the address; other accounts use their own index', () => {
    const w = regtestWallet('regtest');
    for (const s of SCHEMES) {
      const wa = w.accounts[s].address(1, 3);
      expect(Buffer.from(bitcoin.address.toOutputScript(wa.address, bitcoin.networks.regtest)).toString('hex')).toBe(wa.script);
    }
    const acct1 = bitcoinAccountFromMnemonic(MNEMONIC, undefined, { network: 'regtest', scheme: 'p2wpkh', account: 1 });
    expect(acct1.path).toBe("m/84'/1'/1'");
    expect(acct1.address(0, 0).address).not.toBe(w.accounts.p2wpkh.address(0, 0).address);
    expect(bitcoinAccountPath('p2tr', 'mainnet', 5)).toBe("m/86'/0'/5'");
  });

  it('a watch-only account from the xpub derives the same addresses', () => {
    const w = regtestWallet('regtest');
    for (const s of SCHEMES) {
      const watch = bitcoinAccountFromXpub(w.accounts[s].xpub, { network: 'regtest', scheme: s });
      expect(watch.address(0, 4)).toEqual(w.accounts[s].address(0, 4));
      expect(watch.address(1, 2)).toEqual(w.accounts[s].address(1, 2));
    }
  });

  it('the key provider hands out the key of an address and refuses forged or unknown ones', () => {
    const w = regtestWallet('regtest');
    const wa = w.accounts.p2tr.address(1, 9);
    const key = w.keys(wa);
    expect(Buffer.from(ecc.pointFromScalar(key, true)!).toString('hex')).toBe(wa.publicKey);
    const forged = { ...wa, publicKey: w.accounts.p2tr.address(1, 10).publicKey };
    expect(() => w.keys(forged)).toThrow(expect.objectContaining({ code: 'KEY_MISMATCH' }));
    const otherAccount = { ...wa, account: 3 };
    try {
      w.keys(otherAccount);
      expect.unreachable();
    } catch (e) {
      expect(isBitcoinError(e, 'KEY_MISMATCH')).toBe(true);
    }
    const secret = fromHex('11'.repeat(32));
    const imported = importedWalletAddress(secret, 'p2wpkh', 'regtest');
    expect(imported.path).toBe('imported');
    expect(secretKeyProvider([], [secret])(imported)).toEqual(secret);
    expect(() => secretKeyProvider([], [])(imported)).toThrow(/No key of this wallet/);
  });

  it('wipe() makes the account unusable for signing', () => {
    const a = bitcoinAccountFromMnemonic(MNEMONIC, '', { network: 'regtest', scheme: 'p2wpkh' });
    expect(a.secretKey(0, 0)).toHaveLength(32);
    a.wipe();
    expect(() => a.secretKey(0, 0)).toThrow(/wiped/);
  });
});
