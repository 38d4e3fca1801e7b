/**
 * QR decoding from RGBA pixels in Node: payment links drawn by qrcode-generator are read back by
 * src/core/qr/decode.ts (jsQR) and parsed, straight, rotated, noisy and inverted; images without a
 * code give null, malformed pixel buffers a specific error.
 */
import { describe, expect, it } from 'vitest';
import * as bitcoin from 'bitcoinjs-lib';
import { decodeQrFromRgba, QrImageError } from '../../../src/core/qr/decode.ts';
import { parsePaymentUri } from '../../support/paymentCodecs.ts';
import { addNoise, invert, renderQr, rotate } from './qrImage.ts';
import { syncCodeOf } from '../../support/errors.ts';

const BTC_ADDRESS = bitcoin.payments.p2wpkh({ hash: new Uint8Array(20).fill(7), network: bitcoin.networks.bitcoin }).address as string;
const BIP21 = `bitcoin:${BTC_ADDRESS}?amount=0.00125&label=Caf%C3%A9%20%E5%92%96%E5%95%A1&message=Order%2042`;
const EIP681 = 'ethereum:0x89205A3A3b2A69De6Dbf7f01ED13B2108B2c43e7@1/transfer?address=0x8e23Ee67d1332aD560396262C48ffbB01F93D052&uint256=2.5e6';

describe('QR decoding', () => {
  it('a BIP-21 link drawn as a QR code reads back and parses to the same request', () => {
    const out = decodeQrFromRgba(renderQr(BIP21));
    expect(out?.text).toBe(BIP21);
    expect(parsePaymentUri(out?.text ?? '')).toMatchObject({ family: 'bitcoin', recipient: BTC_ADDRESS, amount: { base: 125_000n }, label: 'Café 咖啡', message: 'Order 42' });
  });

  it('an EIP-681 ERC-20 link reads back and parses', () => {
    const out = decodeQrFromRgba(renderQr(EIP681, { scale: 3 }));
    expect(out?.text).toBe(EIP681);
    expect(parsePaymentUri(out?.text ?? '')).toMatchObject({ family: 'evm', network: 'evm:1', amount: { known: 'base', base: 2_500_000n } });
  });

  it.each([90, 180, 17, -33])('rotated by %i° it still reads', (deg) => {
    expect(decodeQrFromRgba(rotate(renderQr(BIP21, { scale: 5 }), deg))?.text).toBe(BIP21);
  });

  it('noisy (4% of pixels random grey, every pixel jittered ±40) and rotated 11°: read after the median filter', () => {
    const image = addNoise(rotate(renderQr(EIP681, { scale: 6, ecc: 'Q' }), 11), 0.04, 40);
    expect(decodeQrFromRgba(image)?.text).toBe(EIP681);
  });

  it('camera-like grain alone (every pixel jittered ±80) and rotated -25°', () => {
    expect(decodeQrFromRgba(addNoise(rotate(renderQr(BIP21, { scale: 5 }), -25), 0, 80, 11))?.text).toBe(BIP21);
  });

  it('inverted (light code on a dark background)', () => {
    expect(decodeQrFromRgba(invert(renderQr(BIP21)))?.text).toBe(BIP21);
  });

  it('takes Uint8Array pixels as well as Uint8ClampedArray', () => {
    const img = renderQr(BIP21);
    expect(decodeQrFromRgba({ data: new Uint8Array(img.data.buffer), width: img.width, height: img.height })?.text).toBe(BIP21);
  });

  it('an image without a QR code gives null', () => {
    const blank = { data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 };
    expect(decodeQrFromRgba(blank)).toBeNull();
    expect(decodeQrFromRgba(addNoise(blank, 0.5, 0, 3))).toBeNull();
  });

  it('refuses malformed pixel buffers with a specific error', () => {
    const code = syncCodeOf(QrImageError, 'no error');
    expect(code(() => decodeQrFromRgba({ data: new Uint8ClampedArray(10), width: 2, height: 2 }))).toBe('INVALID_IMAGE');
    expect(code(() => decodeQrFromRgba({ data: new Uint8ClampedArray(0), width: 0, height: 0 }))).toBe('INVALID_IMAGE');
    expect(code(() => decodeQrFromRgba({ data: new Uint8ClampedArray(16), width: 1.5, height: 2 }))).toBe('INVALID_IMAGE');
    expect(code(() => decodeQrFromRgba({ data: new Uint8ClampedArray(16), width: 5000, height: 5000 }))).toBe('IMAGE_TOO_LARGE');
  });
});
