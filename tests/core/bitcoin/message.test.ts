import { describe, expect, it } from 'vitest';
import { createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  bip322MessageHash,
  bip322ToSign,
  bip322ToSpend,
  bitcoinMessageHash,
  signBitcoinMessage,
  signMessageBip322,
  signMessageEcdsa,
  verifyBitcoinMessage,
  verifyMessageBip322,
  verifyMessageEcdsa,
} from '../../../src/families/bitcoin/core/message.ts';
import { importedWalletAddress, secretKeyProvider } from '../../../src/families/bitcoin/core/hdAccount.ts';
import { bitcoin, ecc, fromHex, regtestWallet } from './helpers.ts';

const wifSecret = (wif: string): Uint8Array => createBase58check(sha256).decode(wif).slice(1, 33);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const taggedHash = (tag: string, msg: Uint8Array): Uint8Array => {
  const t = bitcoin.crypto.sha256(enc(tag));
  return bitcoin.crypto.sha256(new Uint8Array([...t, ...t, ...msg]));
};

// BIP-322 test vectors (bitcoin/bips bip-0322.mediawiki and bip-0322/*.json).
const BIP322_KEY = wifSecret('L3VFeEujGtevx9w18HD1fhRbCH67Az2dpCymeRE1SoPK6XQtaN2k');
const SEGWIT = 'bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l';
const TAPROOT = 'bc1ppv609nr0vr25u07u95waq5lucwfm6tde4nydujnu8npg4q75mr5sxq8lt3';
const SIG_EMPTY_LOWR = 'AkcwRAIgM2gBAQqvZX15ZiysmKmQpDrG83avLIT492QBzLnQIxYCIBaTpOaD20qRlEylyxFSeEA2ba9YOixpX8z46TSDtS40ASECx/EgAxlkQpQ9hYjgGu6EBCPMVPwVIVJqO4XCsMvViHI=';
const SIG_EMPTY_ALT = 'AkgwRQIhAPkJ1Q4oYS0htvyuSFHLxRQpFAY56b70UvE7Dxazen0ZAiAtZfFz1S6T6I23MWI2lK/pcNTWncuyL8UL+oMdydVgzAEhAsfxIAMZZEKUPYWI4BruhAQjzFT8FSFSajuFwrDL1Yhy';
const SIG_HELLO_LOWR = 'AkcwRAIgZRfIY3p7/DoVTty6YZbWS71bc5Vct9p9Fia83eRmw2QCICK/ENGfwLtptFluMGs2KsqoNSk89pO7F29zJLUx9a/sASECx/EgAxlkQpQ9hYjgGu6EBCPMVPwVIVJqO4XCsMvViHI=';
const SIG_HELLO_ALT = 'AkgwRQIhAOzyynlqt93lOKJr+wmmxIens//zPzl9tqIOua93wO6MAiBi5n5EyAcPScOjf1lAqIUIQtr3zKNeavYabHyR8eGhowEhAsfxIAMZZEKUPYWI4BruhAQjzFT8FSFSajuFwrDL1Yhy';
// Taproot "Hello World" from Bitcoin Core's util_tests (SIGHASH_ALL byte appended; aux randomness unknown).
const SIG_TR_HELLO = 'AUHd69PrJQEv+oKTfZ8l+WROBHuy9HKrbFCJu7U1iK2iiEy1vMU5EfMtjc+VSHM7aU0SDbak5IUZRVno2P5mjSafAQ==';

describe('BIP-322 simple', () => {
  it('message hashes and to_spend / to_sign txids match the BIP', () => {
    expect(hex(bip322MessageHash(''))).toBe('c90c269c4f8fcbe6880f72a721ddfbf1914268a794cbb21cfafee13770ae19f1');
    expect(hex(bip322MessageHash('Hello World'))).toBe('f0eb03b1a75ac6d9847f55c624a99169b5dccba2a31f5b23bea77ba270de0a7a');
    const script = bitcoin.address.toOutputScript(SEGWIT);
    expect(bip322ToSpend('', script).id).toBe('c5680aa69bb8d860bf82d4e9cd3504b55dde018de765a91bb566283c545a99a7');
    expect(bip322ToSign('', script).id).toBe('1e9654e951a5ba44c8604c4de6c67fd78a27e81dcadcfe1edf638ba3aaebaed6');
    expect(bip322ToSpend('Hello World', script).id).toBe('b79d196740ad5217771c1098fc4a4b51e0535c32236c71f1ea4d61a2d603352b');
    expect(bip322ToSign('Hello World', script).id).toBe('88737ae86f2077145f93cc4b153ae9a1cb8d56afa511988c149c5c8c9d93bddf');
    const utf8 = 'UTF-8 support: öäüéàè 测试文本 \uD83D\uDE04';
    expect(hex(bip322MessageHash(utf8))).toBe('43936b237ea38c7794eb5d755e0d220b6db92ebfc5c8f482759d22b1286376d7');
    expect(bip322ToSign(utf8, script).id).toBe('8f488e06b89eafd019ec528109eafaf7f1d1811fd617aa1eeb9658f1c1be6586');
  });

  it('p2wpkh signatures reproduce the BIP vectors byte for byte (deterministic ECDSA, Core low-R grinding)', () => {
    expect(signMessageBip322('', BIP322_KEY, 'p2wpkh', 'mainnet')).toBe(SIG_EMPTY_LOWR);
    expect(signMessageBip322('Hello World', BIP322_KEY, 'p2wpkh', 'mainnet')).toBe(SIG_HELLO_LOWR);
  });

  it('verifies both published variants, the "smp" prefix form, and rejects wrong message / address / garbage', () => {
    for (const [msg, sigs] of [
      ['', [SIG_EMPTY_LOWR, SIG_EMPTY_ALT]],
      ['Hello World', [SIG_HELLO_LOWR, SIG_HELLO_ALT]],
    ] as const) {
      for (const s of sigs) {
        expect(verifyMessageBip322(msg, SEGWIT, s)).toBe(true);
        expect(verifyBitcoinMessage(msg, SEGWIT, s)).toBe(true);
        expect(verifyMessageBip322(`${msg}!`, SEGWIT, s)).toBe(false);
      }
    }
    expect(verifyMessageBip322('', SEGWIT, `smp${SIG_EMPTY_LOWR}`)).toBe(true);
    expect(verifyMessageBip322('Wrong message that was not signed', SEGWIT, SIG_EMPTY_LOWR)).toBe(false);
    expect(verifyMessageBip322('', 'bc1qp0ahvfh83088w49k405szqgg4f3pptr7p2g06tdxfjcd40z4lh4q95lsz9', SIG_EMPTY_LOWR)).toBe(false);
    expect(verifyMessageBip322('', SEGWIT, 'not-valid-base64!!!')).toBe(false);
    expect(verifyMessageBip322('', SEGWIT, '')).toBe(false);
    expect(verifyMessageBip322('', SEGWIT, 'AA==')).toBe(false);
    // generated-test-vectors.json: another p2wpkh and a p2tr key
    expect(verifyMessageBip322('ESHJI7MWUL64AXHBI42L3UR4QA', 'bc1qkntwc3c4dzxh9xh6875l03fn3vkk023jgak3u7',
      'AkcwRAIgCYHF/vn67iZX5WBimh84kqD6pTME6eNCMGhfFnnwCNECIAF3nMCk/RfLit+uv8a8FgfQIw0f0ASE21GSz7rX17PsASEDTA2vM8bOtUFgvenSDUmvkq7aWNwoTB0CMiM6carHY1s=')).toBe(true);
    expect(signMessageBip322('ESHJI7MWUL64AXHBI42L3UR4QA', wifSecret('L1W6mc2yYRcDCkhwhFASvvacvp6Pm4u29dxK9RJHVorXqLciTdq4'), 'p2wpkh', 'mainnet')).toBe(
      'AkcwRAIgCYHF/vn67iZX5WBimh84kqD6pTME6eNCMGhfFnnwCNECIAF3nMCk/RfLit+uv8a8FgfQIw0f0ASE21GSz7rX17PsASEDTA2vM8bOtUFgvenSDUmvkq7aWNwoTB0CMiM6carHY1s=',
    );
    const trSig = 'AUBay6NwR4LEYedkTG+vE9F7C0RTOCB5NH6ZAqf+3hudjHIkOzSZk1jW/5Kt0wRKX3llJ25os+0qktdou4/Y8516';
    expect(verifyMessageBip322('TPIZPITUIHEUHO5ACOL6W6MBVD', 'bc1p9cyuceaazr8cz46mvgkzl94wy397mwpqsrk84su37t72jvkg6wzqv52nfp', trSig)).toBe(true);
    expect(verifyMessageBip322('IHUVDIXOZV7EE7RU6CP7JUS57N', 'bc1p9cyuceaazr8cz46mvgkzl94wy397mwpqsrk84su37t72jvkg6wzqv52nfp', trSig)).toBe(false);
    expect(verifyMessageBip322('TPIZPITUIHEUHO5ACOL6W6MBVD', 'bc1pr72av8sh7qc2ssxs8w0hlj0cl82g2q2dvypngzgsrmd4plml84ksmfyv0q', trSig)).toBe(false);
  });

  it('taproot: the published vector verifies; our signature verifies here and with bitcoinjs-lib independently', () => {
    expect(verifyMessageBip322('Hello World', TAPROOT, SIG_TR_HELLO)).toBe(true);
    expect(verifyMessageBip322('Hello World!', TAPROOT, SIG_TR_HELLO)).toBe(false);
    const ours = signMessageBip322('Hello World', BIP322_KEY, 'p2tr', 'mainnet', { auxRand: new Uint8Array(32) });
    // Fixed aux randomness makes our output deterministic (the BIP vector used unknown aux).
    expect(signMessageBip322('Hello World', BIP322_KEY, 'p2tr', 'mainnet', { auxRand: new Uint8Array(32) })).toBe(ours);
    expect(verifyMessageBip322('Hello World', TAPROOT, ours)).toBe(true);
    expect(verifyMessageBip322('Hello World', TAPROOT, signMessageBip322('Hello World', BIP322_KEY, 'p2tr', 'mainnet'))).toBe(true);

    // Independent check: build to_spend/to_sign with bitcoinjs-lib and verify the Schnorr signature.
    const script = bitcoin.address.toOutputScript(TAPROOT);
    const toSpend = new bitcoin.Transaction();
    toSpend.version = 0;
    toSpend.addInput(new Uint8Array(32), 0xffffffff, 0, bitcoin.script.compile([bitcoin.opcodes.OP_0, taggedHash('BIP0322-signed-message', enc('Hello World'))]));
    toSpend.addOutput(script, 0n);
    const toSign = new bitcoin.Transaction();
    toSign.version = 0;
    toSign.addInput(toSpend.getHash(), 0, 0);
    toSign.addOutput(bitcoin.script.compile([bitcoin.opcodes.OP_RETURN]), 0n);
    const witness = Buffer.from(ours, 'base64');
    expect(witness[0]).toBe(1);
    expect(witness[1]).toBe(64);
    const sig = witness.subarray(2, 66);
    const h = toSign.hashForWitnessV1(0, [script], [0n], bitcoin.Transaction.SIGHASH_DEFAULT);
    expect(ecc.verifySchnorr(h, script.subarray(2, 34), sig)).toBe(true);
  });

  it('regtest addresses work; p2sh-p2wpkh is refused for simple signatures', () => {
    const w = regtestWallet('regtest');
    for (const scheme of ['p2wpkh', 'p2tr'] as const) {
      const wa = w.accounts[scheme].address(0, 2);
      const sig = signBitcoinMessage('regtest hello', wa, w.keys, 'bip322-simple');
      expect(verifyMessageBip322('regtest hello', wa.address, sig)).toBe(true);
      expect(verifyBitcoinMessage('regtest hello', wa.address, sig)).toBe(true);
      expect(verifyBitcoinMessage('regtest hellO', wa.address, sig)).toBe(false);
    }
    const nested = w.accounts['p2sh-p2wpkh'].address(0, 0);
    expect(() => signBitcoinMessage('x', nested, w.keys, 'bip322-simple')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_SCHEME' }));
  });
});

describe('legacy ECDSA message signing (BIP137)', () => {
  it('magic hash matches bitcoinjs-message fixtures', () => {
    expect(hex(bitcoinMessageHash(''))).toBe('80e795d4a4caadd7047af389d9f7f220562feb6196032e2131e10563352c4bcc');
    expect(hex(bitcoinMessageHash('Vires is Numeris'))).toBe('f8a5affbef4a3241b19067aa694562f64f513310817297089a8929a930f4f933');
  });

  it('reproduces bitcoinjs-message signatures exactly (d = 1, and the README key), header by address type', () => {
    const one = fromHex('00'.repeat(31) + '01');
    expect(signMessageEcdsa('vires is numeris', one, 'p2pkh')).toBe('IF8nHqFr3K2UKYahhX3soVeoW8W1ECNbr0wfck7lzyXjCS5Q16Ek45zyBuy1Fiy9sTPKVgsqqOuPvbycuVSSVl8=');
    expect(signMessageEcdsa('vires is numeris', one, 'p2sh-p2wpkh')).toBe('JF8nHqFr3K2UKYahhX3soVeoW8W1ECNbr0wfck7lzyXjCS5Q16Ek45zyBuy1Fiy9sTPKVgsqqOuPvbycuVSSVl8=');
    expect(signMessageEcdsa('vires is numeris', one, 'p2wpkh')).toBe('KF8nHqFr3K2UKYahhX3soVeoW8W1ECNbr0wfck7lzyXjCS5Q16Ek45zyBuy1Fiy9sTPKVgsqqOuPvbycuVSSVl8=');
    const readmeKey = wifSecret('L4rK1yDtCWekvXuE6oXD9jCYfFNV2cWRpVuPLBcCU2z8TrisoyY1');
    expect(signMessageEcdsa('This is an example of a signed message.', readmeKey, 'p2pkh')).toBe('H9L5yLFjti0QTHhPyFrZCT1V/MMnBtXKmoiKDZ78NDBjERki6ZTQZdSMCtkgoNmp17By9ItJr8o7ChX0XxY91nk=');
    expect(verifyMessageEcdsa('This is an example of a signed message.', '1F3sAm6ZtwLAUnj7d38pGFxtP3RVEvtsbV', 'H9L5yLFjti0QTHhPyFrZCT1V/MMnBtXKmoiKDZ78NDBjERki6ZTQZdSMCtkgoNmp17By9ItJr8o7ChX0XxY91nk=')).toBe(true);
  });

  it('verifies the bitcoinjs-message fixtures and refuses its invalid cases', () => {
    const m = 'vires is numeris';
    expect(verifyMessageEcdsa(m, '16UwLL9Risc3QfPqBUvKofHmBQ7wMtjvM', 'G8JawPtQOrybrSP1WHQnQPr67B9S3qrxBrl1mlzoTJOSHEpmnF7D3+t+LX0Xei9J20B5AIdPbeL3AaTBZ4N3bY0=')).toBe(true);
    expect(verifyMessageEcdsa(m, '1PMycacnJaSqwwJqjawXBErnLsZ7RkXUAs', 'H8JawPtQOrybrSP1WHQnQPr67B9S3qrxBrl1mlzoTJOSHEpmnF7D3+t+LX0Xei9J20B5AIdPbeL3AaTBZ4N3bY0=')).toBe(true);
    expect(verifyMessageEcdsa(m, '3JvL6Ymt8MVWiCNHC7oWU6nLeHNJKLZGLN', 'JF8nHqFr3K2UKYahhX3soVeoW8W1ECNbr0wfck7lzyXjCS5Q16Ek45zyBuy1Fiy9sTPKVgsqqOuPvbycuVSSVl8=')).toBe(true);
    expect(verifyMessageEcdsa(m, 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'KF8nHqFr3K2UKYahhX3soVeoW8W1ECNbr0wfck7lzyXjCS5Q16Ek45zyBuy1Fiy9sTPKVgsqqOuPvbycuVSSVl8=')).toBe(true);
    // Electrum-style: p2pkh header for a segwit address is accepted.
    expect(verifyMessageEcdsa(m, 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'IF8nHqFr3K2UKYahhX3soVeoW8W1ECNbr0wfck7lzyXjCS5Q16Ek45zyBuy1Fiy9sTPKVgsqqOuPvbycuVSSVl8=')).toBe(true);
    expect(verifyMessageEcdsa('foobar', '16UwLL9Risc3QfPqBUvKofHmBQ7wMtjvM', 'G8JawPtQOrybrSP1WHQnQPr67B9S3qrxBrl1mlzoTJOSHEpmnF7D3+t+LX0Xei9J20B5AIdPbeL3AaTBZ4N3bY0=')).toBe(false);
    expect(verifyMessageEcdsa(m, '1111111111111111111114oLvT2', 'H8JawPtQOrybrSP1WHQnQPr67B9S3qrxBrl1mlzoTJOSHEpmnF7D3+t+LX0Xei9J20B5AIdPbeL3AaTBZ4N3bY0=')).toBe(false);
    expect(verifyMessageEcdsa(m, '16UwLL9Risc3QfPqBUvKofHmBQ7wMtjvM', 'H8JawPtQOrybrSP1WHQnQPr67B9S3qrxBrl1mlzoTJOSHEpmnF7D3+t+LX0Xei9J20B5AIdPbeL3AaTBZ4N3bY0=')).toBe(false);
    expect(verifyMessageEcdsa(m, '1PMycacnJaSqwwJqjawXBErnLsZ7RkXUAs', 'G8JawPtQOrybrSP1WHQnQPr67B9S3qrxBrl1mlzoTJOSHEpmnF7D3+t+LX0Xei9J20B5AIdPbeL3AaTBZ4N3bY0=')).toBe(false);
    // A p2wpkh-header signature does not verify for the p2sh-p2wpkh address of the same key.
    expect(verifyMessageEcdsa(m, '3JvL6Ymt8MVWiCNHC7oWU6nLeHNJKLZGLN', 'KF8nHqFr3K2UKYahhX3soVeoW8W1ECNbr0wfck7lzyXjCS5Q16Ek45zyBuy1Fiy9sTPKVgsqqOuPvbycuVSSVl8=')).toBe(false);
  });

  it('cross-check: our signatures recover to the signer with @bitcoinerlab/secp256k1 over a bitcoinjs-lib hash', () => {
    const w = regtestWallet('regtest');
    for (const scheme of ['p2wpkh', 'p2sh-p2wpkh', 'p2pkh', 'p2tr'] as const) {
      const wa = w.accounts[scheme].address(0, 1);
      const message = `hello from ${scheme} ✓`;
      const sig = Buffer.from(signBitcoinMessage(message, wa, w.keys, 'ecdsa'), 'base64');
      const m = enc(message);
      const magic = enc('Bitcoin Signed Message:\n');
      const h = bitcoin.crypto.hash256(new Uint8Array([magic.length, ...magic, m.length, ...m]));
      const recid = (sig[0]! - 27) & 3;
      const pub = ecc.recover(h, sig.subarray(1), recid as 0 | 1 | 2 | 3, true);
      expect(pub && hex(pub)).toBe(wa.publicKey);
      expect(ecc.verify(h, fromHex(wa.publicKey), sig.subarray(1), true)).toBe(true);
      expect(sig[0]! - recid).toBe({ p2pkh: 31, 'p2sh-p2wpkh': 35, p2wpkh: 39, p2tr: 31 }[scheme]);
      expect(verifyMessageEcdsa(message, wa.address, sig.toString('base64'))).toBe(true);
      expect(verifyBitcoinMessage(message, wa.address, sig.toString('base64'))).toBe(true);
      expect(verifyMessageEcdsa(`${message}.`, wa.address, sig.toString('base64'))).toBe(false);
    }
  });

  it('imported single keys sign too; UniSat-style p2pkh headers on request', () => {
    const secret = BIP322_KEY;
    const wa = importedWalletAddress(secret, 'p2wpkh', 'mainnet');
    expect(wa.address).toBe(SEGWIT);
    const keys = secretKeyProvider([], [secret]);
    const sig = signBitcoinMessage('Hello World', wa, keys, 'ecdsa', { headerStyle: 'p2pkh' });
    expect(Buffer.from(sig, 'base64')[0]! - 31).toBeLessThan(4);
    expect(verifyMessageEcdsa('Hello World', SEGWIT, sig)).toBe(true);
    expect(signBitcoinMessage('Hello World', wa, keys, 'bip322-simple')).toBe(SIG_HELLO_LOWR);
  });
});
