/**
 * UniSat's `signMessage(msg, 'ecdsa')` form (header 31-34 whatever the address type), checked with
 * the verifiers dApp libraries use: bitcore-lib's Message (UniSat's own SDK) against the key's
 * P2PKH address, and bitcoinjs-message against the P2PKH address and, Electrum-style, the segwit
 * address itself. The BIP-137 segwit headers (35-42) are what bitcore-lib refuses.
 */
import { describe, expect, it } from 'vitest';
import bitcore from 'bitcore-lib';
import bitcoinMessage from 'bitcoinjs-message';
import { signBitcoinMessage, verifyBitcoinMessage } from '../../../src/families/bitcoin/core/message.ts';
import type { BitcoinScheme } from '../../../src/families/bitcoin/core/networks.ts';
import { regtestWallet } from './helpers.ts';

describe('UniSat-style ECDSA message signatures', () => {
  const schemes: BitcoinScheme[] = ['p2wpkh', 'p2tr', 'p2sh-p2wpkh', 'p2pkh'];
  for (const network of ['mainnet', 'testnet'] as const) {
    it(`${network}: every address type verifies with bitcore-lib and bitcoinjs-message`, () => {
      const w = regtestWallet(network);
      for (const scheme of schemes) {
        const wa = w.accounts[scheme].address(0, 3);
        const message = `UniSat login ${scheme} ${network} ✓`;
        const sig = signBitcoinMessage(message, wa, w.keys, 'ecdsa', { headerStyle: 'p2pkh' });
        const header = Buffer.from(sig, 'base64')[0]!;
        expect(header, scheme).toBeGreaterThanOrEqual(31);
        expect(header, scheme).toBeLessThanOrEqual(34);
        const p2pkh = new bitcore.PublicKey(wa.publicKey).toAddress(network === 'mainnet' ? bitcore.Networks.livenet : bitcore.Networks.testnet).toString();
        expect(new bitcore.Message(message).verify(p2pkh, sig), scheme).toBe(true);
        expect(new bitcore.Message(message).recoverPublicKey(p2pkh, sig), scheme).toBe(wa.publicKey);
        expect(bitcoinMessage.verify(message, p2pkh, sig), scheme).toBe(true);
        if (scheme === 'p2wpkh' || scheme === 'p2sh-p2wpkh') expect(bitcoinMessage.verify(message, wa.address, sig, undefined, true), scheme).toBe(true);
        // The wallet's own verifier accepts it for the address it was asked for.
        expect(verifyBitcoinMessage(message, wa.address, sig), scheme).toBe(true);
        expect(new bitcore.Message(`${message}!`).verify(p2pkh, sig), scheme).toBe(false);
      }
    });
  }

  it('the BIP-137 segwit header (the old answer) is what bitcore-lib rejects', () => {
    const w = regtestWallet('testnet');
    const wa = w.accounts.p2wpkh.address(0, 0);
    const bip137 = signBitcoinMessage('hello', wa, w.keys, 'ecdsa');
    expect(Buffer.from(bip137, 'base64')[0]).toBeGreaterThanOrEqual(39);
    const p2pkh = new bitcore.PublicKey(wa.publicKey).toAddress(bitcore.Networks.testnet).toString();
    expect(() => new bitcore.Message('hello').verify(p2pkh, bip137)).toThrow();
  });
});
