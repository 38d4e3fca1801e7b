/**
 * BIP-21 / BIP-321 parsing and building: the BIP's own examples, the network read from the
 * address, BIP-321's upper-case QR form and address-less Lightning / silent-payment requests, the
 * req- rule, adversarial amounts; addresses made with bitcoinjs-lib and the `bip21` package as
 * the independent cross-check.
 */
import { describe, expect, it } from 'vitest';
import * as bitcoin from 'bitcoinjs-lib';
import { decode as bip21Decode, encode as bip21Encode } from 'bip21';
import { buildBip21, parseBip21 } from '../../../src/families/bitcoin/core/paymentUri.ts';
import { codeOf, errorOf } from './helpers.ts';

/** The BIP's example address: its base58check checksum is wrong (a placeholder), see the first test. */
const SPEC_ADDRESS = '175tWpb8K1S7NmH4Zx6rewF9WQrcZv245W';
const hash = (b: number): Uint8Array => new Uint8Array(20).fill(b);
/** A valid P2PKH address standing in for the BIP's placeholder in its examples. */
const LUKE = bitcoin.payments.p2pkh({ hash: hash(9), network: bitcoin.networks.bitcoin }).address as string;
const MAIN_WPKH = bitcoin.payments.p2wpkh({ hash: hash(1), network: bitcoin.networks.bitcoin }).address as string;
const TEST_WPKH = bitcoin.payments.p2wpkh({ hash: hash(2), network: bitcoin.networks.testnet }).address as string;
const REGTEST_WPKH = bitcoin.payments.p2wpkh({ hash: hash(3), network: bitcoin.networks.regtest }).address as string;
const TEST_PKH = bitcoin.payments.p2pkh({ hash: hash(4), network: bitcoin.networks.testnet }).address as string;
const MAIN_SH = bitcoin.payments.p2sh({ hash: hash(5), network: bitcoin.networks.bitcoin }).address as string;
const MAIN_TR = 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0'; // BIP-86 test vector

describe('BIP-21 examples from the BIP', () => {
  it("the BIP's example address fails its checksum (bitcoinjs-lib agrees), so the examples run with a valid address", () => {
    expect(() => bitcoin.address.toOutputScript(SPEC_ADDRESS, bitcoin.networks.bitcoin)).toThrow();
    expect(codeOf(() => parseBip21(`bitcoin:${SPEC_ADDRESS}?amount=20.3&label=Luke-Jr`))).toBe('INVALID_CHECKSUM');
  });

  it('just the address', () => {
    expect(parseBip21(`bitcoin:${LUKE}`)).toEqual({
      kind: 'transfer',
      family: 'bitcoin',
      scheme: 'bitcoin',
      network: 'bitcoin:mainnet',
      recipient: LUKE,
      asset: { type: 'native' },
      references: [],
      ignoredParams: [],
    });
  });

  it('address with name', () => {
    expect(parseBip21(`bitcoin:${LUKE}?label=Luke-Jr`).label).toBe('Luke-Jr');
  });

  it('request 20.30 BTC to "Luke-Jr" is exactly 2,030,000,000 sat', () => {
    const r = parseBip21(`bitcoin:${LUKE}?amount=20.3&label=Luke-Jr`);
    expect(r.amount).toEqual({ known: 'both', base: 2_030_000_000n, decimal: '20.3', decimals: 8 });
  });

  it('request 50 BTC with message (percent-encoded)', () => {
    const r = parseBip21(`bitcoin:${LUKE}?amount=50&label=Luke-Jr&message=Donation%20for%20project%20xyz`);
    expect(r.amount).toMatchObject({ base: 5_000_000_000n, decimal: '50' });
    expect(r.message).toBe('Donation for project xyz');
  });

  it('required variables that are not understood make the whole URI invalid', () => {
    const e = errorOf(() => parseBip21(`bitcoin:${LUKE}?req-somethingyoudontunderstand=50&req-somethingelseyoudontget=999`));
    expect(e.code).toBe('UNSUPPORTED_REQUIRED_PARAMETER');
    expect(e.details.param).toBe('req-somethingyoudontunderstand');
  });

  it('variables that are not understood and not required are ignored (and listed)', () => {
    const r = parseBip21(`bitcoin:${LUKE}?somethingyoudontunderstand=50&somethingelseyoudontget=999`);
    expect(r.recipient).toBe(LUKE);
    expect(r.ignoredParams).toEqual(['somethingyoudontunderstand', 'somethingelseyoudontget']);
  });
});

describe('BIP-21 network from the address', () => {
  it.each([
    [MAIN_WPKH, 'bitcoin:mainnet'],
    [MAIN_SH, 'bitcoin:mainnet'],
    [MAIN_TR, 'bitcoin:mainnet'],
    [TEST_WPKH, 'bitcoin:testnet'],
    [TEST_PKH, 'bitcoin:testnet'],
    [REGTEST_WPKH, 'bitcoin:regtest'],
  ])('%s → %s', (address, network) => {
    expect(parseBip21(`bitcoin:${address}?amount=0.001`).network).toBe(network);
  });

  it("BIP-321's upper-case QR form: scheme, keys and bech32 address in capitals", () => {
    const r = parseBip21(`BITCOIN:${MAIN_WPKH.toUpperCase()}?AMOUNT=0.00012345&LABEL=CAFE`);
    expect(r.recipient).toBe(MAIN_WPKH);
    expect(r.amount).toMatchObject({ base: 12_345n });
    expect(r.label).toBe('CAFE');
  });

  it('an expected network refuses addresses of another; testnet forms serve signet/regtest where they are shared', () => {
    expect(errorOf(() => parseBip21(`bitcoin:${MAIN_WPKH}`, { bitcoinNetwork: 'testnet' })).details).toEqual({ network: 'mainnet', expected: 'testnet' });
    expect(codeOf(() => parseBip21(`bitcoin:${REGTEST_WPKH}`, { bitcoinNetwork: 'testnet' }))).toBe('WRONG_NETWORK');
    expect(codeOf(() => parseBip21(`bitcoin:${TEST_WPKH}`, { bitcoinNetwork: 'regtest' }))).toBe('WRONG_NETWORK');
    expect(parseBip21(`bitcoin:${TEST_WPKH}`, { bitcoinNetwork: 'signet' }).recipient).toBe(TEST_WPKH);
    expect(parseBip21(`bitcoin:${TEST_PKH}`, { bitcoinNetwork: 'regtest' }).recipient).toBe(TEST_PKH);
  });
});

describe('BIP-321 requests without an on-chain address', () => {
  it.each([
    ['lightning', 'lnbc10u1pjexample'],
    ['lno', 'lno1qgsyxjtl6luzd9t3pr62xr7eemp6awnejusgf6gw45q75vcfqqqqqqq'],
    ['sp', 'sp1qqweplq6ylpfrzuq6hfznzmv28djsraupudz0s0dclyt8erh70pgwxqkz2ydatksrdzf770umsntsmcjp4kcz7jqu03jeszh0gdmpjzmrf5u4zh0c'],
  ])('bitcoin:?%s=… is explained as unsupported', (method, value) => {
    const e = errorOf(() => parseBip21(`bitcoin:?${method}=${value}`));
    expect(e.code).toBe('UNSUPPORTED_PAYMENT_METHOD');
    expect(e.details.method).toBe(method);
    expect(e.message).toMatch(/does not support/);
  });

  it('with an address, the Lightning alternative is ignored and the on-chain address is paid', () => {
    const r = parseBip21(`bitcoin:${MAIN_WPKH}?amount=0.0001&lightning=LNBC10U1PJEXAMPLE`);
    expect(r.recipient).toBe(MAIN_WPKH);
    expect(r.ignoredParams).toEqual(['lightning']);
  });

  it('no address and nothing else is MISSING_RECIPIENT', () => {
    expect(codeOf(() => parseBip21('bitcoin:'))).toBe('MISSING_RECIPIENT');
    expect(codeOf(() => parseBip21('bitcoin:?amount=1'))).toBe('MISSING_RECIPIENT');
  });
});

describe('BIP-21 adversarial inputs', () => {
  it.each([
    [`bitcoin:${LUKE}?amount=1,000`, 'INVALID_AMOUNT'],
    [`bitcoin:${LUKE}?amount=1e3`, 'INVALID_AMOUNT'],
    [`bitcoin:${LUKE}?amount=-1`, 'NEGATIVE_AMOUNT'],
    [`bitcoin:${LUKE}?amount=0.123456789`, 'TOO_MANY_DECIMALS'],
    [`bitcoin:${LUKE}?amount=21000000.00000001`, 'AMOUNT_OVERFLOW'],
    [`bitcoin:${LUKE}?amount=99999999999999999999999999999`, 'AMOUNT_OVERFLOW'],
    [`bitcoin:${LUKE}?amount=0`, 'ZERO_AMOUNT'],
    [`bitcoin:${LUKE}?amount=.`, 'INVALID_AMOUNT'],
    [`bitcoin:${LUKE}?amount=1&amount=2`, 'DUPLICATE_PARAMETER'],
    [`bitcoin:${LUKE}?amount=1&AMOUNT=2`, 'DUPLICATE_PARAMETER'],
    [`bitcoin:${LUKE}?amount=1?label=x`, 'MULTIPLE_QUERY_MARKERS'],
    [`bitcoin:${LUKE.slice(0, -1)}X`, 'INVALID_CHECKSUM'],
    [`bitcoin:${MAIN_WPKH.slice(0, -1)}${MAIN_WPKH.endsWith('q') ? 'p' : 'q'}`, 'INVALID_CHECKSUM'],
    ['bitcoin:notanaddress', 'INVALID_ADDRESS'],
    [`bitcoin:${LUKE}?label=%E2%80%AEevil`, 'INVALID_PARAMETER'],
    [`bitcoin:${LUKE}?message=%ZZ`, 'INVALID_ENCODING'],
    [`litecoin:${LUKE}`, 'UNSUPPORTED_SCHEME'],
    [`bitcoin:${LUKE}?req-pop=callback%3A`, 'UNSUPPORTED_REQUIRED_PARAMETER'],
  ])('%s → %s', (uri, code) => {
    expect(codeOf(() => parseBip21(uri))).toBe(code);
  });

  it("BIP-21's grammar allows a bare decimal point; trailing zeros do not change the amount", () => {
    expect(parseBip21(`bitcoin:${LUKE}?amount=.5`).amount).toMatchObject({ base: 50_000_000n, decimal: '0.5' });
    expect(parseBip21(`bitcoin:${LUKE}?amount=5.`).amount).toMatchObject({ base: 500_000_000n, decimal: '5' });
    expect(parseBip21(`bitcoin:${LUKE}?amount=20.30000000`).amount).toMatchObject({ base: 2_030_000_000n, decimal: '20.3' });
    expect(parseBip21(`bitcoin:${LUKE}?amount=21000000`).amount).toMatchObject({ base: 2_100_000_000_000_000n });
    expect(parseBip21(`bitcoin:${LUKE}?amount=0.00000001`).amount).toMatchObject({ base: 1n });
  });
});

describe('BIP-21 cross-checked with the bip21 package', () => {
  const uris = [
    `bitcoin:${LUKE}?amount=20.3&label=Luke-Jr`,
    `bitcoin:${LUKE}?amount=50&label=Luke-Jr&message=Donation%20for%20project%20xyz`,
    `bitcoin:${MAIN_WPKH}?amount=0.00012345&message=%E4%B8%80%E6%9D%AF%E5%92%96%E5%95%A1`,
    `bitcoin:${TEST_WPKH}?label=caf%C3%A9`,
  ];
  it.each(uris)('%s', (uri) => {
    const ours = parseBip21(uri);
    const theirs = bip21Decode(uri);
    expect(ours.recipient).toBe(theirs.address);
    expect(ours.label).toBe(theirs.options.label);
    expect(ours.message).toBe(theirs.options.message);
    if (theirs.options.amount === undefined) expect(ours.amount).toBeUndefined();
    else if (ours.amount?.known === 'both') expect(Number(ours.amount.decimal)).toBe(theirs.options.amount);
    else throw new Error('expected an amount');
  });
});

describe('BIP-21 builder', () => {
  it('round-trips amount, label and message; bip21 decodes what we build', () => {
    const uri = buildBip21({ family: 'bitcoin', network: 'bitcoin:mainnet', recipient: MAIN_WPKH, amount: { known: 'base', base: 12_345_678n }, label: '咖啡店 Café', message: 'Order #42 & tip' });
    expect(uri.startsWith(`bitcoin:${MAIN_WPKH}?amount=0.12345678&label=`)).toBe(true);
    const r = parseBip21(uri);
    expect(r).toMatchObject({ recipient: MAIN_WPKH, network: 'bitcoin:mainnet', amount: { base: 12_345_678n, decimal: '0.12345678' }, label: '咖啡店 Café', message: 'Order #42 & tip' });
    const theirs = bip21Decode(uri);
    expect(theirs).toEqual({ address: MAIN_WPKH, options: { amount: 0.12345678, label: '咖啡店 Café', message: 'Order #42 & tip' } });
  });

  it('reads what the bip21 package builds', () => {
    const theirs = bip21Encode(REGTEST_WPKH, { amount: 1.5, label: 'Luke Jr', message: 'a+b=c' });
    expect(parseBip21(theirs)).toMatchObject({ recipient: REGTEST_WPKH, network: 'bitcoin:regtest', amount: { base: 150_000_000n }, label: 'Luke Jr', message: 'a+b=c' });
  });

  it('refuses what BIP-21 cannot carry or what is wrong', () => {
    expect(codeOf(() => buildBip21({ family: 'bitcoin', recipient: LUKE, memo: 'x' }))).toBe('FIELD_NOT_SUPPORTED');
    expect(codeOf(() => buildBip21({ family: 'bitcoin', recipient: LUKE, asset: { type: 'token', address: 'x' } }))).toBe('FIELD_NOT_SUPPORTED');
    expect(codeOf(() => buildBip21({ family: 'bitcoin', network: 'bitcoin:testnet', recipient: LUKE }))).toBe('WRONG_NETWORK');
    expect(codeOf(() => buildBip21({ family: 'bitcoin', recipient: LUKE, amount: { known: 'decimal', decimal: '0.000000001' } }))).toBe('TOO_MANY_DECIMALS');
    expect(codeOf(() => buildBip21({ family: 'bitcoin', recipient: LUKE, amount: { known: 'base', base: 0n } }))).toBe('ZERO_AMOUNT');
    expect(codeOf(() => buildBip21({ family: 'bitcoin', recipient: LUKE, label: 'a\u202Eb' }))).toBe('INVALID_PARAMETER');
  });
});
