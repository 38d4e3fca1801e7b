/**
 * Published test vectors: BIP39 (Trezor, passphrase "TREZOR"), BIP32 vector 1, SLIP-0010 ed25519
 * vectors 1 and 2, the BIP44/49/84/86 addresses for "abandon … about", EIP-55 examples, and known
 * addresses for Solana, Polkadot (substrate dev phrase) and EOS (eosio dev key).
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { accountFromPrivateKey, deriveAccount, deriveKeypair, eosLegacyPublicKey, toChecksumAddress } from '../../../src/core/index.ts';
import { mnemonicToEntropy, mnemonicToSeed } from '../../../src/core/derive/mnemonic.ts';
import { seedSourceFromBip39Seed } from '../../../src/core/derive/seedSource.ts';
import { slip10Ed25519Derive, slip10Ed25519Master } from '../../../src/core/derive/slip10Ed25519.ts';
import { parsePath } from '../../../src/core/derive/path.ts';
import { sr25519FromMiniSecret } from '../../../src/families/polkadot/core/keys.ts';
import { mnemonicToMiniSecret } from '../../../src/core/derive/mnemonic.ts';
import * as sr25519 from '@scure/sr25519';
import { validateEvmAddress } from '../../../src/families/evm/core/address.ts';

const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

describe('BIP39 Trezor vectors (passphrase "TREZOR")', () => {
  const vectors: Array<[entropy: string, mnemonic: string, seed: string]> = [
    ['00000000000000000000000000000000', ABANDON,
      'c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04'],
    ['7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f', 'legal winner thank year wave sausage worth useful legal winner thank yellow',
      '2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607'],
    ['80808080808080808080808080808080', 'letter advice cage absurd amount doctor acoustic avoid letter advice cage above',
      'd71de856f81a8acc65e6fc851a38d4d7ec216fd0796d0a6827a3ad6ed5511a30fa280f12eb2e47ed2ac03b5c462a0358d18d69fe4f985ec81778c1b370b652a8'],
    ['ffffffffffffffffffffffffffffffff', 'zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong',
      'ac27495480225222079d7be181583751e86f571027b0497b5b5d11218e0a8a13332572917f0f8e5a589620c6f15b11c61dee327651a14c34e18231052e48c069'],
    ['9e885d952ad362caeb4efe34a8e91bd2', 'ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic',
      '274ddc525802f7c828d8ef7ddbcdc5304e87ac3535913611fbbfa986d0c9e5476c91689f9c8a54fd55bd38606aa6a8595ad213d4c9c9f9aca3fb217069a41028'],
    ['0000000000000000000000000000000000000000000000000000000000000000',
      'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art',
      'bda85446c68413707090a52022edd26a1c9462295029f2e60cd7c4f2bbd3097170af7a4d73245cafa9c3cca8d561a7c3de6f5d4a10be8ed2a5e608d68f92fcc8'],
    ['68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c',
      'hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length',
      '64c87cde7e12ecf6704ab95bb1408bef047c22db4cc7491c4271d170a1b213d20b385bc1588d9c7b38f1b39d415665b8a9030c9ec653d75e65f847d8fc1fc440'],
  ];
  it.each(vectors)('entropy %s', (entropy, mnemonic, seed) => {
    expect(bytesToHex(mnemonicToEntropy(mnemonic))).toBe(entropy);
    expect(bytesToHex(mnemonicToSeed(mnemonic, 'TREZOR'))).toBe(seed);
  });

  it('normalises case and whitespace before hashing', () => {
    expect(bytesToHex(mnemonicToSeed(`  ${ABANDON.toUpperCase().replace(/ /g, '\n  ')} `, 'TREZOR'))).toBe(vectors[0]?.[2]);
  });
});

describe('BIP32 test vector 1 (seed 000102…0f) through the cached secp256k1 deriver', () => {
  const seed = seedSourceFromBip39Seed(hexToBytes('000102030405060708090a0b0c0d0e0f'));
  const cases: Array<[path: string, priv: string, pub: string]> = [
    ['m', 'e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35', '0339a36013301597daef41fbe593a02cc513d0b55527ec2df1050e2e8ff49c85c2'],
    ["m/0'", 'edb2e14f9ee77d26dd93b4ecede8d16ed408ce149b6cd80b0715a2d911a0afea', '035a784662a4a20a65bf6aab9ae98a6c068a81c52e4b032c0fb5400c706cfccc56'],
    ["m/0'/1", '3c6cb8d0f6a264c91ea8b5030fadaa8e538b020f0a387421a12de9319dc93368', '03501e454bf00751f24b1b489aa925215d66af2234e3891c3b21a52bedb3cd711c'],
    ["m/0'/1/2'", 'cbce0d719ecf7431d88e6a89fa1483e02e35092af60c042b1df2ff59fa424dca', '0357bfe1e341d01c69fe5654309956cbea516822fba8a601743a012a7896ee8dc2'],
    ["m/0'/1/2'/2", '0f479245fb19a38a1954c5c7c0ebab2f9bdfd96a17563ef28a6a4b1a2a764ef4', '02e8445082a72f29b75ca48748a914df60622a609cacfce8ed0e35804560741d29'],
    ["m/0'/1/2'/2/1000000000", '471b76e389e528d6de6d816857e012c5455051cad6660850e58372a6c3e6e7c8', '022a471424da5e657499d1ff51cb43c47481a03b1e77f951fe64cec9f5a48f7011'],
  ];
  // Deepest first, so later shallower lookups hit the parent cache.
  it.each([...cases].reverse())('%s', (path, priv, pub) => {
    const key = seed.secp256k1(path);
    expect(bytesToHex(key.secretKey)).toBe(priv);
    expect(bytesToHex(key.publicKey)).toBe(pub);
  });
});

describe('SLIP-0010 ed25519 vectors', () => {
  const run = (seedHex: string, cases: Array<[string, string, string, string]>): void => {
    const master = slip10Ed25519Master(hexToBytes(seedHex));
    for (const [path, chainCode, priv, pub] of cases) {
      const node = slip10Ed25519Derive(master, parsePath(path));
      expect(bytesToHex(node.chainCode), path).toBe(chainCode);
      expect(bytesToHex(node.key), path).toBe(priv);
      expect(`00${bytesToHex(ed25519.getPublicKey(node.key))}`, path).toBe(pub);
      // Same result through the cached seed source.
      expect(bytesToHex(seedSourceFromBip39Seed(hexToBytes(seedHex)).ed25519(path)), path).toBe(priv);
    }
  };
  it('vector 1', () =>
    run('000102030405060708090a0b0c0d0e0f', [
      ['m', '90046a93de5380a72b5e45010748567d5ea02bbf6522f979e05c0d8d8ca9fffb', '2b4be7f19ee27bbf30c667b642d5f4aa69fd169872f8fc3059c08ebae2eb19e7', '00a4b2856bfec510abab89753fac1ac0e1112364e7d250545963f135f2a33188ed'],
      ["m/0'", '8b59aa11380b624e81507a27fedda59fea6d0b779a778918a2fd3590e16e9c69', '68e0fe46dfb67e368c75379acec591dad19df3cde26e63b93a8e704f1dade7a3', '008c8a13df77a28f3445213a0f432fde644acaa215fc72dcdf300d5efaa85d350c'],
      ["m/0'/1'", 'a320425f77d1b5c2505a6b1b27382b37368ee640e3557c315416801243552f14', 'b1d0bad404bf35da785a64ca1ac54b2617211d2777696fbffaf208f746ae84f2', '001932a5270f335bed617d5b935c80aedb1a35bd9fc1e31acafd5372c30f5c1187'],
      ["m/0'/1'/2'/2'/1000000000'", '68789923a0cac2cd5a29172a475fe9e0fb14cd6adb5ad98a3fa70333e7afa230', '8f94d394a8e8fd6b1bc2f3f49f5c47e385281d5c17e65324b0f62483e37e8793', '003c24da049451555d51a7014a37337aa4e12d41e485abccfa46b47dfb2af54b7a'],
    ]));
  it('vector 2', () =>
    run('fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542', [
      ['m', 'ef70a74db9c3a5af931b5fe73ed8e1a53464133654fd55e7a66f8570b8e33c3b', '171cb88b1b3c1db25add599712e36245d75bc65a1a5c9e18d76f9f2b1eab4012', '008fe9693f8fa62a4305a140b9764c5ee01e455963744fe18204b4fb948249308a'],
      ["m/0'", '0b78a3226f915c082bf118f83618a618ab6dec793752624cbeb622acb562862d', '1559eb2bbec5790b0c65d8693e4d0875b1747f4970ae8b650486ed7470845635', '0086fab68dcb57aa196c77c5f264f215a112c22a912c10d123b0d03c3c28ef1037'],
    ]));
  it('refuses non-hardened children', () => {
    expect(() => slip10Ed25519Derive(slip10Ed25519Master(new Uint8Array(16)), [0])).toThrow(/hardened/);
  });
});

describe('Bitcoin BIP44/49/84/86 published addresses for "abandon … about"', () => {
  const addr = (scheme: string, index: number, network?: string): string => deriveAccount({ mnemonic: ABANDON, family: 'bitcoin', index, scheme, network }).address;
  it('BIP84 (p2wpkh, default)', () => {
    expect(deriveAccount({ mnemonic: ABANDON, family: 'bitcoin', index: 0 })).toEqual({
      address: 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
      publicKey: '0330d54fd0dd420a6e5f8d3624f5f3482cae350f79d5f0753bf5beef9c2d91af3c',
      path: "m/84'/0'/0'/0/0",
    });
    expect(addr('p2wpkh', 1)).toBe('bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g');
  });
  it('BIP86 (p2tr key path)', () => {
    expect(deriveAccount({ mnemonic: ABANDON, family: 'bitcoin', index: 0, scheme: 'p2tr' })).toEqual({
      address: 'bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr',
      publicKey: '03cc8a4bc64d897bddc5fbc2f670f7a8ba0b386779106cf1223c6fc5d7cd6fc115',
      path: "m/86'/0'/0'/0/0",
    });
    expect(addr('p2tr', 1)).toBe('bc1p4qhjn9zdvkux4e44uhx8tc55attvtyu358kutcqkudyccelu0was9fqzwh');
  });
  it('BIP49 (p2sh-p2wpkh; the BIP lists the testnet account)', () => {
    expect(deriveAccount({ mnemonic: ABANDON, family: 'bitcoin', index: 0, scheme: 'p2sh-p2wpkh', network: 'testnet' })).toMatchObject({
      address: '2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2',
      path: "m/49'/1'/0'/0/0",
    });
    expect(addr('p2sh-p2wpkh', 0)).toBe('37VucYSaXLCAsxYyAPfbSi9eh4iEcbShgf');
  });
  it('BIP44 (p2pkh)', () => {
    expect(addr('p2pkh', 0)).toBe('1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA');
    expect(addr('p2pkh', 1)).toBe('1Ak8PffB2meyfYnbXZR9EGfLfFZVpzJvQP');
  });
});

describe('EIP-55 examples', () => {
  const examples = [
    '0x52908400098527886E0F7030069857D2E4169EE7',
    '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
    '0xde709f2102306220921060314715629080e2fb77',
    '0x27b1fdb04752bbc536007a920d24acb045561c26',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];
  it.each(examples.slice(4))('checksums %s', (address) => {
    expect(toChecksumAddress(address.toLowerCase())).toBe(address);
    expect(validateEvmAddress(address)).toEqual({ ok: true });
  });
  it.each(examples.slice(0, 4))('accepts the all-caps / all-lower example %s', (address) => {
    expect(validateEvmAddress(address)).toEqual({ ok: true });
  });
  it('MetaMask first account for "abandon … about"', () => {
    expect(deriveAccount({ mnemonic: ABANDON, family: 'evm', index: 0 }).address).toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
  });
});

describe('other published vectors', () => {
  it('Solana: Phantom first account for "abandon … about"', () => {
    expect(deriveAccount({ mnemonic: ABANDON, family: 'solana', index: 0 })).toEqual({
      address: 'HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk',
      publicKey: 'HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk',
      path: "m/44'/501'/0'/0'",
    });
  });

  it('Polkadot: substrate dev phrase root key and //Alice (subkey inspect)', () => {
    const dev = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
    const root = deriveAccount({ mnemonic: dev, family: 'polkadot', index: 0, network: 'westend' });
    expect(root.publicKey).toBe('0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a');
    expect(root.address).toBe('5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV');
    const alice = sr25519.getPublicKey(sr25519FromMiniSecret(mnemonicToMiniSecret(dev), '//Alice'));
    expect(bytesToHex(alice)).toBe('d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d');
  });

  it('EOS: the eosio development key', () => {
    const kp = accountFromPrivateKey('eos', '5KQwrPbwdL6PhXujxW37FSSQZ1JiwsST4cqQzDeyXtP79zkvFD3');
    expect(kp.address).toBe('PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63');
    expect(eosLegacyPublicKey(kp.address)).toBe('EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV');
    expect(accountFromPrivateKey('eos', 'PVT_K1_2bfGi9rYsXQSXXTvJbDAPhHLQUojjaNLomdm3cEJ1XTzMqUt3V').address).toBe(kp.address);
  });

  it('deriveKeypair returns the secret for deriveAccount’s public data', () => {
    const kp = deriveKeypair({ mnemonic: ABANDON, family: 'evm', index: 0 });
    expect(bytesToHex(kp.secretKey)).toBe('1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727');
  });
});
