/**
 * The BIP39 seed through WebCrypto PBKDF2 equals the noble path and the published Trezor vectors,
 * with the same normalisation (case, whitespace, NFKD passphrase) and the same refusals; a deriver
 * fed the WebCrypto seed derives the same accounts as one that hashes the phrase itself.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { Mnemonic } from 'ethers';
import { describe, expect, it } from 'vitest';
import { mnemonicToSeed } from '../../../src/core/derive/mnemonic.ts';
import { mnemonicToSeedWebCrypto } from '../../../src/core/derive/mnemonicWebCrypto.ts';
import { createDeriver } from '../../../src/core/derive/deriver.ts';
import type { Family } from '../../../src/core/types.ts';

const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
// BIP39 Trezor vectors (passphrase "TREZOR"): mnemonic → seed.
const TREZOR: Array<[string, string]> = [
  [ABANDON, 'c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04'],
  ['legal winner thank year wave sausage worth useful legal winner thank yellow', '2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607'],
  ['letter advice cage absurd amount doctor acoustic avoid letter advice cage above', 'd71de856f81a8acc65e6fc851a38d4d7ec216fd0796d0a6827a3ad6ed5511a30fa280f12eb2e47ed2ac03b5c462a0358d18d69fe4f985ec81778c1b370b652a8'],
  ['zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong', 'ac27495480225222079d7be181583751e86f571027b0497b5b5d11218e0a8a13332572917f0f8e5a589620c6f15b11c61dee327651a14c34e18231052e48c069'],
  ['hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length', '64c87cde7e12ecf6704ab95bb1408bef047c22db4cc7491c4271d170a1b213d20b385bc1588d9c7b38f1b39d415665b8a9030c9ec653d75e65f847d8fc1fc440'],
];

describe('mnemonicToSeedWebCrypto', () => {
  it.each(TREZOR)('Trezor vector %s', async (mnemonic, seed) => {
    const web = await mnemonicToSeedWebCrypto(mnemonic, 'TREZOR');
    expect(bytesToHex(web)).toBe(seed);
    expect(bytesToHex(web)).toBe(bytesToHex(mnemonicToSeed(mnemonic, 'TREZOR')));
  });

  it.each([undefined, '', 'ｐａｓｓ', 'pässwörd', 'e\u0301'])('matches noble and ethers for passphrase %j', async (pass) => {
    const web = bytesToHex(await mnemonicToSeedWebCrypto(ABANDON, pass));
    expect(web).toBe(bytesToHex(mnemonicToSeed(ABANDON, pass)));
    expect(`0x${web}`).toBe(Mnemonic.fromPhrase(ABANDON, pass ?? '').computeSeed());
  });

  it('normalises case and whitespace like the noble path', async () => {
    const messy = `  ${ABANDON.toUpperCase().replace(/ /g, '\n  ')} `;
    expect(bytesToHex(await mnemonicToSeedWebCrypto(messy, 'TREZOR'))).toBe(TREZOR[0]![1]);
  });

  it('refuses an invalid mnemonic with the same specific error', async () => {
    await expect(mnemonicToSeedWebCrypto(ABANDON.replace(/about$/, 'abandon'))).rejects.toThrow(/checksum mismatch/);
    await expect(mnemonicToSeedWebCrypto('abandon abandon')).rejects.toThrow(/expected 12, 15, 18, 21 or 24 words, got 2/);
  });

  it('a deriver given the WebCrypto seed derives the same accounts as one hashing the phrase', async () => {
    const seed = await mnemonicToSeedWebCrypto(ABANDON, 'TREZOR');
    const fed = createDeriver(ABANDON, 'TREZOR', seed);
    const plain = createDeriver(ABANDON, 'TREZOR');
    const families: Family[] = ['bitcoin', 'evm', 'tron', 'solana', 'aptos', 'polkadot', 'eos'];
    for (const f of families) {
      for (const i of [0, 7]) {
        const a = fed.account(f, i);
        const b = plain.account(f, i);
        expect(a.address).toBe(b.address);
        expect(bytesToHex(a.secretKey)).toBe(bytesToHex(b.secretKey));
      }
    }
  });

  it('a deriver refuses a seed of the wrong length', () => {
    expect(() => createDeriver(ABANDON, undefined, new Uint8Array(32))).toThrow(/BIP39 seed is 64 bytes/);
  });
});
