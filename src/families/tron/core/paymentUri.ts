/**
 * TRON payment links. No official standard exists; wallets and merchants use
 * `tron:<address>?amount=<whole units>[&token=<TRC-20 contract>]` (amount in TRX, or in token
 * units when token= names a contract; token=TRX or no token means TRX). label, message and memo
 * are read when present. Parser and builder for Receive.
 */
import { PaymentUriError } from '../../../core/payments/errors.ts';
import { amountAsDecimal, parseDecimalAmount, UINT256_MAX } from '../../../core/payments/amount.ts';
import { checkDisplayText, collectParams, decodeDisplayText, decodePlain, encodeQueryValue, joinQuery, splitPaymentUri } from '../../../core/payments/query.ts';
import type { PaymentAmount, PaymentRequestInput, PaymentTransferRequest, PaymentCodec } from '../../../core/payments/types.ts';
import { checkTronAddress } from './addressInput.ts';

const TRX_DECIMALS = 6;
/** TRX amounts are int64 sun. */
const INT64_MAX = (1n << 63n) - 1n;
const KNOWN = ['amount', 'token', 'label', 'message', 'memo'];

function parseTron(text: string, field: string, code: 'INVALID_ADDRESS' | 'INVALID_TOKEN'): string {
  const check = checkTronAddress(text);
  if (!check.ok) {
    throw new PaymentUriError(check.reason === 'bad_checksum' ? 'INVALID_CHECKSUM' : code, `Invalid ${field}: ${check.message}`, { field, reason: check.reason });
  }
  return check.address;
}

/** Parses a `tron:` URI. */
export function parseTronUri(uri: string): PaymentTransferRequest {
  const { scheme, path, params } = splitPaymentUri(uri);
  if (scheme !== 'tron') throw new PaymentUriError('UNSUPPORTED_SCHEME', `Not a TRON link (scheme "${scheme}:")`, { scheme });
  const target = decodePlain(path, 'address');
  if (target === '') throw new PaymentUriError('MISSING_RECIPIENT', 'The link names no TRON address');
  const recipient = parseTron(target, 'address', 'INVALID_ADDRESS');
  const { single, other } = collectParams(params, KNOWN);
  const tokenRaw = single.get('token');
  const tokenText = tokenRaw === undefined ? undefined : decodePlain(tokenRaw, 'token');
  if (tokenText !== undefined && tokenText.toUpperCase() !== 'TRX' && !/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(tokenText)) {
    // A symbol ("USDT") names no contract: many tokens share a symbol, so it cannot be trusted.
    throw new PaymentUriError('INVALID_TOKEN', `token= must be a TRC-20 contract address (T…), not "${tokenText.slice(0, 40)}"`, { field: 'token' });
  }
  const token = tokenText === undefined || tokenText.toUpperCase() === 'TRX' ? undefined : parseTron(tokenText, 'token', 'INVALID_TOKEN');
  let amount: PaymentAmount | undefined;
  const amountRaw = single.get('amount');
  if (amountRaw !== undefined) {
    const parsed = parseDecimalAmount(decodePlain(amountRaw, 'amount'), token === undefined ? TRX_DECIMALS : undefined, { field: 'amount', allowBareDot: false, max: token === undefined ? INT64_MAX : UINT256_MAX });
    if (/^0*(\.0*)?$/.test(parsed.decimal)) throw new PaymentUriError('ZERO_AMOUNT', 'A payment request for zero is not valid', { field: 'amount' });
    amount = parsed.base !== undefined ? { known: 'both', base: parsed.base, decimal: parsed.decimal, decimals: TRX_DECIMALS } : { known: 'decimal', decimal: parsed.decimal };
  }
  const text: { label?: string; message?: string; memo?: string } = {};
  for (const k of ['label', 'message', 'memo'] as const) {
    const raw = single.get(k);
    if (raw !== undefined) text[k] = decodeDisplayText(raw, k);
  }
  return {
    kind: 'transfer',
    family: 'tron',
    scheme: 'tron',
    recipient,
    asset: token === undefined ? { type: 'native' } : { type: 'token', address: token },
    ...(amount !== undefined ? { amount } : {}),
    ...text,
    references: [],
    ignoredParams: other.map((p) => p.key),
  };
}

/** Builds a `tron:` URI (amount in whole TRX or token units). */
export function buildTronUri(input: PaymentRequestInput): string {
  if (input.references !== undefined && input.references.length > 0) throw new PaymentUriError('FIELD_NOT_SUPPORTED', 'TRON links have no references', { field: 'references' });
  const recipient = parseTron(input.recipient, 'address', 'INVALID_ADDRESS');
  const asset = input.asset ?? { type: 'native' };
  const pairs: [string, string][] = [];
  if (input.amount !== undefined) {
    const native = asset.type === 'native';
    const decimal = amountAsDecimal(input.amount, native ? TRX_DECIMALS : undefined);
    const parsed = parseDecimalAmount(decimal, native ? TRX_DECIMALS : undefined, { field: 'amount', allowBareDot: false, max: native ? INT64_MAX : UINT256_MAX });
    if (/^0*(\.0*)?$/.test(parsed.decimal)) throw new PaymentUriError('ZERO_AMOUNT', 'A payment request needs an amount above zero', { field: 'amount' });
    pairs.push(['amount', parsed.decimal]);
  }
  if (asset.type === 'token') pairs.push(['token', parseTron(asset.address, 'token', 'INVALID_TOKEN')]);
  for (const k of ['label', 'message', 'memo'] as const) {
    const v = input[k];
    if (v !== undefined) pairs.push([k, encodeQueryValue(checkDisplayText(v, k))]);
  }
  return `tron:${recipient}${joinQuery(pairs)}`;
}

/** The TRON's convention codec: what the popup's payment-link reader and Receive's QR code use (the family's popup entry loads it). */
export const tronPaymentCodec: PaymentCodec = { family: 'tron', parse: (uri) => parseTronUri(uri), build: buildTronUri };
