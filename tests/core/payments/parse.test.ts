/**
 * The dispatcher: a pasted or scanned text goes to the standard its scheme names; anything else
 * gets a specific error. Builders and parser round-trip for every family.
 */
import { describe, expect, it } from 'vitest';
import * as bitcoin from 'bitcoinjs-lib';
import { buildPaymentUri, parsePaymentUri, paymentUriFamily } from '../../support/paymentCodecs.ts';
import { resolvePaymentAmount } from '../../../src/core/payments/amount.ts';
import type { PaymentRequestInput } from '../../../src/core/payments/types.ts';
import { tronAccount } from '../../families/tron/helpers.ts';
import { codeOf, errorOf } from './helpers.ts';

const EVM = '0x8e23Ee67d1332aD560396262C48ffbB01F93D052';
const TOKEN = '0x89205A3A3b2A69De6Dbf7f01ED13B2108B2c43e7';
const BTC = bitcoin.payments.p2wsh({ hash: new Uint8Array(32).fill(2), network: bitcoin.networks.testnet }).address as string;
const SOL = 'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN';
const USDC = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
const TRON = tronAccount(1).address;
const USDT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';

describe('parsePaymentUri', () => {
  it.each([
    [`ethereum:${EVM}?value=1e18`, 'evm'],
    [`Ethereum:${EVM}`, 'evm'],
    [`bitcoin:${BTC}?amount=1`, 'bitcoin'],
    [`solana:${SOL}?amount=1`, 'solana'],
    ['solana:https://example.com/pay', 'solana'],
    [`tron:${TRON}?amount=1`, 'tron'],
    [`  bitcoin:${BTC}\n`, 'bitcoin'],
  ])('%s → %s', (text, family) => {
    expect(parsePaymentUri(text).family).toBe(family);
    expect(paymentUriFamily(text)).toBe(family);
  });

  it('plain addresses are not payment links (the Send field treats them as addresses)', () => {
    for (const a of [EVM, BTC, SOL, TRON]) {
      expect(codeOf(() => parsePaymentUri(a))).toBe('NOT_A_URI');
      expect(paymentUriFamily(a)).toBeUndefined();
    }
  });

  it('other schemes are named in the error', () => {
    const e = errorOf(() => parsePaymentUri(`litecoin:${BTC}`));
    expect(e.code).toBe('UNSUPPORTED_SCHEME');
    expect(e.details.scheme).toBe('litecoin');
    expect(codeOf(() => parsePaymentUri('https://example.com/?to=x'))).toBe('UNSUPPORTED_SCHEME');
  });

  it('empty, over-long and control-character input', () => {
    expect(codeOf(() => parsePaymentUri('   '))).toBe('EMPTY');
    expect(codeOf(() => parsePaymentUri(`bitcoin:${BTC}?label=${'a'.repeat(5000)}`))).toBe('TOO_LONG');
    expect(codeOf(() => parsePaymentUri(`bitcoin:${BTC}?label=a\u0000b`))).toBe('MALFORMED_URI');
  });

  it('passes the options to the standard that uses them', () => {
    expect(codeOf(() => parsePaymentUri(`bitcoin:${BTC}`, { bitcoinNetwork: 'mainnet' }))).toBe('WRONG_NETWORK');
    expect(parsePaymentUri(`ethereum:${EVM}@777777?value=1`, { evmNetworks: [{ chainId: 777777 }] })).toMatchObject({ network: 'evm:777777' });
  });
});

describe('buildPaymentUri ⇄ parsePaymentUri', () => {
  const cases: [string, PaymentRequestInput, number][] = [
    ['EVM native', { family: 'evm', network: 'evm:1', recipient: EVM, amount: { known: 'decimal', decimal: '0.25' } }, 18],
    ['ERC-20', { family: 'evm', network: 'evm:56', recipient: EVM, asset: { type: 'token', address: TOKEN }, amount: { known: 'base', base: 123_456_789n } }, 6],
    ['Bitcoin', { family: 'bitcoin', network: 'bitcoin:testnet', recipient: BTC, amount: { known: 'decimal', decimal: '0.0001' }, label: 'Shop', message: '谢谢' }, 8],
    ['SOL', { family: 'solana', recipient: SOL, amount: { known: 'decimal', decimal: '3.000000001' }, label: 'x', memo: 'm', references: [USDC] }, 9],
    ['SPL', { family: 'solana', recipient: SOL, asset: { type: 'token', address: USDC }, amount: { known: 'decimal', decimal: '12.5' } }, 6],
    ['TRX', { family: 'tron', recipient: TRON, amount: { known: 'decimal', decimal: '100' }, message: 'rent' }, 6],
    ['TRC-20', { family: 'tron', recipient: TRON, asset: { type: 'token', address: USDT }, amount: { known: 'decimal', decimal: '9.99' } }, 6],
  ];
  it.each(cases)('%s', (_name, input, decimals) => {
    const uri = buildPaymentUri(input);
    const back = parsePaymentUri(uri);
    if (back.kind !== 'transfer') throw new Error('expected a transfer');
    expect(back.family).toBe(input.family);
    expect(back.recipient).toBe(input.recipient);
    expect(back.asset).toEqual(input.asset ?? { type: 'native' });
    if (input.family !== 'solana' && input.family !== 'tron') expect(back.network).toBe(input.network);
    expect(resolvePaymentAmount(back.amount ?? { known: 'base', base: -1n }, decimals)).toEqual(resolvePaymentAmount(input.amount ?? { known: 'base', base: -2n }, decimals));
    for (const f of ['label', 'message', 'memo'] as const) expect(back[f]).toBe(input[f]);
    expect(back.references).toEqual(input.references ?? []);
    // A link the wallet builds is itself stable: building from the parsed request gives the same text.
    expect(buildPaymentUri({ ...back, ...(input.family === 'solana' || input.family === 'tron' ? {} : { network: input.network }) })).toBe(uri);
  });
});
