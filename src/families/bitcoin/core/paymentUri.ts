/**
 * BIP-21 / BIP-321 payment requests: `bitcoin:<address>?amount=<BTC>&label=&message=`. The
 * network comes from the address (bc1/1/3 mainnet, tb1/m/n/2 testnet, bcrt1 regtest); the amount
 * is decimal BTC, exact to the satoshi; an unknown `req-` parameter makes the whole URI invalid
 * (as both BIPs require); BIP-321's address-less form that only carries Lightning (lightning=,
 * lno=) or silent-payment (sp=) instructions is explained as unsupported. Builder for Receive.
 */
import { PaymentUriError } from '../../../core/payments/errors.ts';
import { amountAsBase, formatBaseUnits, parseDecimalAmount } from '../../../core/payments/amount.ts';
import { checkDisplayText, collectParams, decodeDisplayText, decodePlain, encodeQueryValue, joinQuery, splitPaymentUri } from '../../../core/payments/query.ts';
import type { ParsePaymentOptions, PaymentRequestInput, PaymentTransferRequest, PaymentCodec } from '../../../core/payments/types.ts';
import { validateBitcoinAddress } from './address.ts';

/** 21 million BTC in satoshis: no valid request asks for more. */
export const MAX_SATS = 21_000_000n * 100_000_000n;
const KNOWN = ['amount', 'label', 'message'];
/** BIP-321 payment instructions this wallet cannot pay, with a name for the explanation. */
const OTHER_METHODS: Readonly<Record<string, string>> = {
  lightning: 'a Lightning invoice',
  lno: 'a Lightning offer (BOLT 12)',
  sp: 'a silent-payment address',
  ark: 'an Ark address',
  pay: 'another payment method',
};

type AddressNetwork = 'mainnet' | 'testnet' | 'regtest';

/** The network an address belongs to by its form, then validated on that network. */
function addressNetwork(address: string): AddressNetwork {
  const lower = address.toLowerCase();
  if (lower.startsWith('bcrt1')) return 'regtest';
  if (lower.startsWith('bc1')) return 'mainnet';
  if (lower.startsWith('tb1')) return 'testnet';
  if (/^[13]/.test(address)) return 'mainnet';
  if (/^[mn2]/.test(address)) return 'testnet';
  throw new PaymentUriError('INVALID_ADDRESS', 'Not a Bitcoin address', { field: 'address' });
}

function parseBitcoinAddress(text: string, options: ParsePaymentOptions): { address: string; network: AddressNetwork } {
  const network = addressNetwork(text);
  const check = validateBitcoinAddress(text, network);
  if (!check.ok) {
    const code = check.reason === 'checksum' ? 'INVALID_CHECKSUM' : 'INVALID_ADDRESS';
    throw new PaymentUriError(code, check.message, { field: 'address' });
  }
  const expected = options.bitcoinNetwork;
  if (expected !== undefined) {
    // Testnet, signet and regtest share base58 versions; tb1 serves testnet and signet.
    const base58 = !/^(bc|tb|bcrt)1/i.test(text);
    const ok =
      network === expected ||
      (network === 'testnet' && expected === 'signet') ||
      (network === 'testnet' && base58 && expected === 'regtest');
    if (!ok) {
      throw new PaymentUriError('WRONG_NETWORK', `This is a Bitcoin ${network} address; the wallet is on ${expected}`, { network, expected });
    }
  }
  // bech32 is case-insensitive and upper case in QR codes; show and pay the canonical lower case.
  return { address: /^(bc|tb|bcrt)1/i.test(text) ? text.toLowerCase() : text, network };
}

/** Parses a `bitcoin:` URI. */
export function parseBip21(uri: string, options: ParsePaymentOptions = {}): PaymentTransferRequest {
  const { scheme, path, params } = splitPaymentUri(uri);
  if (scheme !== 'bitcoin') throw new PaymentUriError('UNSUPPORTED_SCHEME', `Not a BIP-21 link (scheme "${scheme}:")`, { scheme });
  const { single, other } = collectParams(params, KNOWN);
  const required = other.find((p) => p.key.startsWith('req-'));
  if (required) {
    throw new PaymentUriError('UNSUPPORTED_REQUIRED_PARAMETER', `The link requires "${required.key}", which this wallet does not understand, so it cannot be paid safely`, { param: required.key });
  }
  const addressText = decodePlain(path, 'address');
  if (addressText === '') {
    const method = other.find((p) => OTHER_METHODS[p.key] !== undefined);
    if (method) {
      throw new PaymentUriError('UNSUPPORTED_PAYMENT_METHOD', `This request can only be paid with ${OTHER_METHODS[method.key]}, which this wallet does not support (it has no on-chain address)`, { method: method.key });
    }
    throw new PaymentUriError('MISSING_RECIPIENT', 'The link names no Bitcoin address');
  }
  const { address, network } = parseBitcoinAddress(addressText, options);
  const amountRaw = single.get('amount');
  let amount: PaymentTransferRequest['amount'];
  if (amountRaw !== undefined) {
    const parsed = parseDecimalAmount(decodePlain(amountRaw, 'amount'), 8, { field: 'amount', allowBareDot: true, max: MAX_SATS });
    const base = parsed.base ?? 0n;
    if (base === 0n) throw new PaymentUriError('ZERO_AMOUNT', 'A payment request for zero is not valid', { field: 'amount' });
    amount = { known: 'both', base, decimal: parsed.decimal, decimals: 8 };
  }
  const label = single.get('label');
  const message = single.get('message');
  return {
    kind: 'transfer',
    family: 'bitcoin',
    scheme: 'bitcoin',
    network: `bitcoin:${network}`,
    recipient: address,
    asset: { type: 'native' },
    ...(amount !== undefined ? { amount } : {}),
    ...(label !== undefined ? { label: decodeDisplayText(label, 'label') } : {}),
    ...(message !== undefined ? { message: decodeDisplayText(message, 'message') } : {}),
    references: [],
    ignoredParams: other.map((p) => p.key),
  };
}

/** Builds a BIP-21 URI (amount in BTC, label and message percent-encoded). */
export function buildBip21(input: PaymentRequestInput): string {
  if (input.asset !== undefined && input.asset.type !== 'native') throw new PaymentUriError('FIELD_NOT_SUPPORTED', 'Bitcoin payment links carry no token', { field: 'asset' });
  if (input.memo !== undefined) throw new PaymentUriError('FIELD_NOT_SUPPORTED', 'BIP-21 has no memo field (use message)', { field: 'memo' });
  if (input.references !== undefined && input.references.length > 0) throw new PaymentUriError('FIELD_NOT_SUPPORTED', 'BIP-21 has no references', { field: 'references' });
  const expected = input.network === undefined ? undefined : (/^bitcoin:(mainnet|testnet|signet|regtest)$/.exec(input.network)?.[1] as ParsePaymentOptions['bitcoinNetwork'] | undefined);
  if (input.network !== undefined && expected === undefined) throw new PaymentUriError('WRONG_NETWORK', `"${input.network}" is not a Bitcoin network`);
  const { address } = parseBitcoinAddress(input.recipient, expected !== undefined ? { bitcoinNetwork: expected } : {});
  const pairs: [string, string][] = [];
  if (input.amount !== undefined) {
    const sats = amountAsBase(input.amount, 8);
    if (sats <= 0n) throw new PaymentUriError('ZERO_AMOUNT', 'A payment request needs an amount above zero', { field: 'amount' });
    if (sats > MAX_SATS) throw new PaymentUriError('AMOUNT_OVERFLOW', 'The amount exceeds 21 million BTC', { field: 'amount' });
    pairs.push(['amount', formatBaseUnits(sats, 8)]);
  }
  if (input.label !== undefined) pairs.push(['label', encodeQueryValue(checkDisplayText(input.label, 'label'))]);
  if (input.message !== undefined) pairs.push(['message', encodeQueryValue(checkDisplayText(input.message, 'message'))]);
  return `bitcoin:${address}${joinQuery(pairs)}`;
}

/** The BIP-21/321 codec: what the popup's payment-link reader and Receive's QR code use (the family's popup entry loads it). */
export const bitcoinPaymentCodec: PaymentCodec = { family: 'bitcoin', parse: parseBip21, build: buildBip21 };
