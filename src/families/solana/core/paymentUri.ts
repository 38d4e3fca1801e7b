/**
 * Solana Pay: transfer requests `solana:<recipient>?amount=&spl-token=&reference=&label=&message=
 * &memo=` (amount in SOL or token units, never scientific notation; references in order, each a
 * 32-byte base58 key) and transaction requests `solana:<https URL>` (the URL percent-encoded when
 * it has a query; label/message may follow). Transaction requests are only parsed and validated
 * here: http is accepted for localhost / 127.0.0.1 only, never credentials in the URL.
 */
import { PaymentUriError } from '../../../core/payments/errors.ts';
import { amountAsDecimal, parseDecimalAmount, UINT256_MAX } from '../../../core/payments/amount.ts';
import { checkDisplayText, collectParams, decodeDisplayText, decodePlain, encodeQueryValue, joinQuery, splitPaymentUri } from '../../../core/payments/query.ts';
import type { PaymentAmount, PaymentRequest, PaymentRequestInput, PaymentTransactionRequest, PaymentCodec } from '../../../core/payments/types.ts';
import { validateSolanaAddress } from './address.ts';

const SOL_DECIMALS = 9;
/** u64 lamports / token base units. */
const U64_MAX = (1n << 64n) - 1n;
const TRANSFER_KEYS = ['amount', 'spl-token', 'label', 'message', 'memo'];
/** The spec sets no limit; each reference costs 32 bytes of a 1,232-byte transaction. */
export const MAX_REFERENCES = 16;

function parseKey(text: string, field: string, code: 'INVALID_ADDRESS' | 'INVALID_TOKEN' | 'INVALID_REFERENCE'): string {
  if (!validateSolanaAddress(text).ok) {
    throw new PaymentUriError(code, `The ${field} "${text.slice(0, 64)}" is not a Solana address (base58, 32 bytes)`, { field });
  }
  return text;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** The transaction-request link: absolute https (http on loopback), no credentials. */
export function checkTransactionRequestLink(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PaymentUriError('INVALID_LINK', 'The transaction request link is not a valid URL');
  }
  if (url.username !== '' || url.password !== '') throw new PaymentUriError('INVALID_LINK', 'A transaction request link cannot contain credentials');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new PaymentUriError('INVALID_LINK', 'A transaction request link must use https (plain http only for localhost)', { protocol: url.protocol });
  }
  if (url.hash !== '') throw new PaymentUriError('INVALID_LINK', 'A transaction request link cannot contain a fragment');
  return url.href;
}

function textParams(single: Map<string, string>, keys: readonly ('label' | 'message' | 'memo')[]): { label?: string; message?: string; memo?: string } {
  const out: { label?: string; message?: string; memo?: string } = {};
  for (const k of keys) {
    const raw = single.get(k);
    if (raw !== undefined) out[k] = decodeDisplayText(raw, k);
  }
  return out;
}

/** Parses a `solana:` URI into a transfer or a transaction request. */
export function parseSolanaPay(uri: string): PaymentRequest {
  const { scheme, path, params } = splitPaymentUri(uri);
  if (scheme !== 'solana') throw new PaymentUriError('UNSUPPORTED_SCHEME', `Not a Solana Pay link (scheme "${scheme}:")`, { scheme });
  const target = decodePlain(path, 'recipient');
  if (target === '') throw new PaymentUriError('MISSING_RECIPIENT', 'The link names no recipient');

  // A ":" can only appear in the link of a transaction request (base58 has none).
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    const link = checkTransactionRequestLink(target);
    const { single, other } = collectParams(params, ['label', 'message']);
    // The spec requires a link with a query to be percent-encoded: a bare "?order=…" here was
    // meant for the merchant's server, and dropping it would POST to the wrong request.
    const stray = other[0];
    if (stray !== undefined) {
      throw new PaymentUriError('INVALID_LINK', `The link's own query ("${stray.key}=…") must be percent-encoded inside the solana: link`, { param: stray.key });
    }
    const request: PaymentTransactionRequest = {
      kind: 'transactionRequest',
      family: 'solana',
      scheme: 'solana',
      link,
      ...textParams(single, ['label', 'message']),
      ignoredParams: [],
    };
    return request;
  }

  const recipient = parseKey(target, 'recipient', 'INVALID_ADDRESS');
  const { single, repeated, other } = collectParams(params, TRANSFER_KEYS, ['reference']);
  const mintRaw = single.get('spl-token');
  const mint = mintRaw === undefined ? undefined : parseKey(decodePlain(mintRaw, 'spl-token'), 'spl-token', 'INVALID_TOKEN');
  const references = (repeated.get('reference') ?? []).map((raw) => parseKey(decodePlain(raw, 'reference'), 'reference', 'INVALID_REFERENCE'));
  if (references.length > MAX_REFERENCES) throw new PaymentUriError('INVALID_REFERENCE', `At most ${MAX_REFERENCES} references are accepted`, { count: references.length });
  if (new Set(references).size !== references.length) throw new PaymentUriError('INVALID_REFERENCE', 'The same reference appears twice');
  if (references.includes(recipient) || (mint !== undefined && references.includes(mint))) {
    throw new PaymentUriError('INVALID_REFERENCE', 'A reference must be a key of its own, not the recipient or the token');
  }

  let amount: PaymentAmount | undefined;
  const amountRaw = single.get('amount');
  if (amountRaw !== undefined) {
    // Whole SOL or token units. The spec requires a leading 0 and forbids scientific notation.
    const parsed = parseDecimalAmount(decodePlain(amountRaw, 'amount'), mint === undefined ? SOL_DECIMALS : undefined, { field: 'amount', allowBareDot: false, max: mint === undefined ? U64_MAX : UINT256_MAX });
    if (/^0*(\.0*)?$/.test(parsed.decimal)) throw new PaymentUriError('ZERO_AMOUNT', 'A payment request for zero is not valid', { field: 'amount' });
    amount = parsed.base !== undefined ? { known: 'both', base: parsed.base, decimal: parsed.decimal, decimals: SOL_DECIMALS } : { known: 'decimal', decimal: parsed.decimal };
  }
  return {
    kind: 'transfer',
    family: 'solana',
    scheme: 'solana',
    recipient,
    asset: mint === undefined ? { type: 'native' } : { type: 'token', address: mint },
    ...(amount !== undefined ? { amount } : {}),
    ...textParams(single, ['label', 'message', 'memo']),
    references,
    ignoredParams: other.map((p) => p.key),
  };
}

/** Builds a Solana Pay transfer request URI (amount in whole SOL / token units). */
export function buildSolanaPay(input: PaymentRequestInput): string {
  const recipient = parseKey(input.recipient, 'recipient', 'INVALID_ADDRESS');
  const asset = input.asset ?? { type: 'native' };
  const pairs: [string, string][] = [];
  if (input.amount !== undefined) {
    const decimal = amountAsDecimal(input.amount, asset.type === 'native' ? SOL_DECIMALS : undefined);
    const parsed = parseDecimalAmount(decimal, asset.type === 'native' ? SOL_DECIMALS : undefined, { field: 'amount', allowBareDot: false, max: asset.type === 'native' ? U64_MAX : UINT256_MAX });
    if (/^0*(\.0*)?$/.test(parsed.decimal)) throw new PaymentUriError('ZERO_AMOUNT', 'A payment request needs an amount above zero', { field: 'amount' });
    pairs.push(['amount', parsed.decimal]);
  }
  if (asset.type === 'token') pairs.push(['spl-token', parseKey(asset.address, 'spl-token', 'INVALID_TOKEN')]);
  for (const r of input.references ?? []) pairs.push(['reference', parseKey(r, 'reference', 'INVALID_REFERENCE')]);
  if (input.label !== undefined) pairs.push(['label', encodeQueryValue(checkDisplayText(input.label, 'label'))]);
  if (input.message !== undefined) pairs.push(['message', encodeQueryValue(checkDisplayText(input.message, 'message'))]);
  if (input.memo !== undefined) pairs.push(['memo', encodeQueryValue(checkDisplayText(input.memo, 'memo'))]);
  return `solana:${recipient}${joinQuery(pairs)}`;
}

/** Builds a Solana Pay transaction request URI: the link percent-encoded when it has a query. */
export function buildSolanaTransactionRequest(link: string, extra: { label?: string; message?: string } = {}): string {
  const href = checkTransactionRequestLink(link);
  const encoded = new URL(href).search !== '' ? encodeURIComponent(href) : href;
  const pairs: [string, string][] = [];
  if (extra.label !== undefined) pairs.push(['label', encodeQueryValue(checkDisplayText(extra.label, 'label'))]);
  if (extra.message !== undefined) pairs.push(['message', encodeQueryValue(checkDisplayText(extra.message, 'message'))]);
  return `solana:${encoded}${joinQuery(pairs)}`;
}

/** The Solana Pay codec: what the popup's payment-link reader and Receive's QR code use (the family's popup entry loads it). */
export const solanaPaymentCodec: PaymentCodec = { family: 'solana', parse: (uri) => parseSolanaPay(uri), build: buildSolanaPay };
