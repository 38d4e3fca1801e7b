/**
 * TRON payment links (`tron:<address>?amount=&token=`, a convention without an official
 * standard): TRX and TRC-20 requests, adversarial inputs, and the builder. Addresses come from the
 * project's deriver and are cross-checked with tronweb.
 */
import { describe, expect, it } from 'vitest';
import { TronWeb } from 'tronweb';
import { buildTronUri, parseTronUri } from '../../../src/families/tron/core/paymentUri.ts';
import { resolvePaymentAmount } from '../../../src/core/payments/amount.ts';
import { tronAccount } from './helpers.ts';
import { nativeTransfer } from '../../core/payments/helpers.ts';
import { codeOf } from '../../core/payments/helpers.ts';

const USDT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const alice = tronAccount(0).address;

describe('TRON payment links', () => {
  it('TRX: amount in TRX, exact to the sun', () => {
    expect(TronWeb.isAddress(alice)).toBe(true);
    expect(parseTronUri(`tron:${alice}?amount=12.345678`)).toEqual(nativeTransfer('tron', alice, { base: 12_345_678n, decimal: '12.345678', decimals: 6 }));
    expect(parseTronUri(`tron:${alice}?amount=1&token=TRX`).asset).toEqual({ type: 'native' });
  });

  it('TRC-20: token= is the contract; the amount is in token units until decimals are read', () => {
    const r = parseTronUri(`TRON:${alice}?token=${USDT}&amount=25.5&label=Tea%20shop&memo=order-9`);
    expect(r).toMatchObject({ asset: { type: 'token', address: USDT }, amount: { known: 'decimal', decimal: '25.5' }, label: 'Tea shop', memo: 'order-9' });
    expect(resolvePaymentAmount(r.amount ?? { known: 'decimal', decimal: 'x' }, 6).base).toBe(25_500_000n);
    expect(TronWeb.isAddress(USDT)).toBe(true);
  });

  it('just the address', () => {
    expect(parseTronUri(`tron:${alice}`).amount).toBeUndefined();
  });

  it.each([
    [`tron:${alice}?amount=1e6`, 'INVALID_AMOUNT'],
    [`tron:${alice}?amount=-5`, 'NEGATIVE_AMOUNT'],
    [`tron:${alice}?amount=0`, 'ZERO_AMOUNT'],
    [`tron:${alice}?amount=0.0000001`, 'TOO_MANY_DECIMALS'],
    [`tron:${alice}?amount=9223372036855`, 'AMOUNT_OVERFLOW'],
    [`tron:${alice}?amount=1&amount=1`, 'DUPLICATE_PARAMETER'],
    [`tron:${alice}?amount=1?token=${USDT}`, 'MULTIPLE_QUERY_MARKERS'],
    [`tron:${alice}?token=USDT`, 'INVALID_TOKEN'],
    [`tron:${alice}?token=0xdAC17F958D2ee523a2206206994597C13D831ec7`, 'INVALID_TOKEN'],
    [`tron:${alice.slice(0, -1)}${alice.endsWith('a') ? 'b' : 'a'}`, 'INVALID_CHECKSUM'],
    [`tron:${TronWeb.address.toHex(alice)}`, 'INVALID_ADDRESS'],
    ['tron:0x8e23Ee67d1332aD560396262C48ffbB01F93D052', 'INVALID_ADDRESS'],
    ['tron:', 'MISSING_RECIPIENT'],
    [`tron:${alice}?message=%E2%80%AE`, 'INVALID_PARAMETER'],
  ])('%s → %s', (uri, code) => {
    expect(codeOf(() => parseTronUri(uri))).toBe(code);
  });

  it('the builder round-trips TRX and TRC-20 requests', () => {
    const trx = buildTronUri({ family: 'tron', recipient: alice, amount: { known: 'base', base: 1_000_001n }, label: '茶馆' });
    expect(trx).toBe(`tron:${alice}?amount=1.000001&label=%E8%8C%B6%E9%A6%86`);
    expect(parseTronUri(trx)).toMatchObject({ amount: { base: 1_000_001n }, label: '茶馆' });
    const usdt = buildTronUri({ family: 'tron', recipient: alice, asset: { type: 'token', address: USDT }, amount: { known: 'both', base: 7_000_000n, decimal: '7', decimals: 6 } });
    expect(usdt).toBe(`tron:${alice}?amount=7&token=${USDT}`);
    expect(parseTronUri(usdt)).toMatchObject({ asset: { type: 'token', address: USDT }, amount: { known: 'decimal', decimal: '7' } });
    expect(codeOf(() => buildTronUri({ family: 'tron', recipient: alice, references: [alice] }))).toBe('FIELD_NOT_SUPPORTED');
    expect(codeOf(() => buildTronUri({ family: 'tron', recipient: 'Tnope' }))).toBe('INVALID_ADDRESS');
  });
});
