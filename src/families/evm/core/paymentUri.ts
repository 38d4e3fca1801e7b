/**
 * EIP-681 payment requests: `ethereum:[pay-]<address>[@chainId][/transfer]?…` for native
 * transfers (value= in wei, scientific notation exact) and ERC-20 transfers
 * (`<token>/transfer?address=<recipient>&uint256=<base units>`), and the builder for Receive.
 * ENS names are refused (this wallet resolves none); chain ids must be a known network, and an
 * unknown one is an UNKNOWN_CHAIN error carrying the id so the UI can offer to add the network.
 */
import { PaymentUriError } from '../../../core/payments/errors.ts';
import { parseEip681Number, amountAsBase, formatBaseUnits, UINT256_MAX } from '../../../core/payments/amount.ts';
import { collectParams, decodePlain, joinQuery, splitPaymentUri } from '../../../core/payments/query.ts';
import type { ParsePaymentOptions, PaymentRequestInput, PaymentTransferRequest, PaymentCodec } from '../../../core/payments/types.ts';
import { toChecksumAddress, validateEvmAddress } from './address.ts';
import { findNetwork } from './networks.ts';

const UINT64_MAX = (1n << 64n) - 1n;
const KNOWN = ['value', 'gas', 'gaslimit', 'gasprice', 'address', 'uint256'];

/** A target or address= value: a 0x address (checksummed on output) or a refused ENS name. */
function parseEvmAddress(text: string, field: string): string {
  if (!/^0x/i.test(text) && /\./.test(text)) {
    throw new PaymentUriError('ENS_NOT_SUPPORTED', `"${text}" is an ENS name; this wallet does not resolve ENS names, ask for a 0x address`, { field, name: text });
  }
  const check = validateEvmAddress(text);
  if (!check.ok) {
    const code = check.reason === 'checksum' ? 'INVALID_CHECKSUM' : 'INVALID_ADDRESS';
    throw new PaymentUriError(code, `Invalid ${field}: ${check.message}`, { field });
  }
  return toChecksumAddress(text);
}

function parseChainId(text: string, options: ParsePaymentOptions): number {
  if (!/^\d{1,15}$/.test(text) || /^0\d/.test(text) || text === '0') {
    throw new PaymentUriError('INVALID_CHAIN_ID', `"@${text}" is not a chain id (a positive decimal number such as @1)`, { value: text });
  }
  const chainId = Number(text);
  const custom = (options.evmNetworks ?? []).filter((n) => n.chainId === chainId);
  if (custom.length === 0 && findNetwork(chainId) === undefined) {
    throw new PaymentUriError('UNKNOWN_CHAIN', `This request is for chain id ${chainId}, which is not one of this wallet's networks`, { chainId });
  }
  return chainId;
}

/** Parses an `ethereum:` URI. */
export function parseEip681(uri: string, options: ParsePaymentOptions = {}): PaymentTransferRequest {
  const { scheme, path, params } = splitPaymentUri(uri);
  if (scheme !== 'ethereum') throw new PaymentUriError('UNSUPPORTED_SCHEME', `Not an EIP-681 link (scheme "${scheme}:")`, { scheme });
  // target_address [ "@" chain_id ] [ "/" function_name ]
  // Split before percent-decoding, so an encoded "/" or "@" cannot move a part boundary.
  const m = /^(pay-)?([^@/]*)(?:@([^/]*))?(?:\/(.*))?$/.exec(path);
  if (!m) throw new PaymentUriError('MALFORMED_URI', 'The link is not of the form ethereum:<address>[@chainId][/function]');
  const target = decodePlain(m[2] ?? '', 'address');
  const chainText = m[3] === undefined ? undefined : decodePlain(m[3], 'chain id');
  const fn = m[4] === undefined ? undefined : decodePlain(m[4], 'function name');
  if (target === '') throw new PaymentUriError('MISSING_RECIPIENT', 'The link names no address');
  if (/^[a-z0-9]+-/i.test(target) && !/^0x/i.test(target)) {
    throw new PaymentUriError('MALFORMED_URI', `Unknown EIP-681 prefix "${target.split('-')[0]}-" (only "pay-" is defined)`);
  }
  const targetAddress = parseEvmAddress(target, 'address');
  const chainId = chainText === undefined ? undefined : parseChainId(chainText, options);
  const { single, other } = collectParams(params, KNOWN);
  const num = (key: string, max: bigint): bigint | undefined => {
    const raw = single.get(key);
    return raw === undefined ? undefined : parseEip681Number(decodePlain(raw, key), key, max);
  };
  const gas = num('gas', UINT64_MAX);
  const gasLimitParam = num('gaslimit', UINT64_MAX);
  if (gas !== undefined && gasLimitParam !== undefined && gas !== gasLimitParam) {
    throw new PaymentUriError('DUPLICATE_PARAMETER', '"gas" and "gasLimit" give different gas limits', { param: 'gasLimit' });
  }
  const gasLimit = gas ?? gasLimitParam;
  const gasPrice = num('gasprice', UINT256_MAX);
  const value = num('value', UINT256_MAX);
  if (gasLimit === 0n) throw new PaymentUriError('INVALID_PARAMETER', 'The gas limit cannot be zero', { param: 'gas' });

  const common = {
    family: 'evm' as const,
    scheme: 'ethereum',
    ...(chainId !== undefined ? { network: `evm:${chainId}` as const } : {}),
    references: [],
    ...(gasLimit !== undefined ? { gasLimit } : {}),
    ...(gasPrice !== undefined ? { gasPrice } : {}),
  };

  if (fn === undefined || fn === '') {
    if (fn === '') throw new PaymentUriError('MALFORMED_URI', 'The link ends its address with "/" but names no function');
    if (value === 0n) throw new PaymentUriError('ZERO_AMOUNT', 'A payment request for zero is not valid', { field: 'value' });
    const ignored = [...other.map((p) => p.key), ...['address', 'uint256'].filter((k) => single.has(k))];
    const decimals = chainId !== undefined ? (findNetwork(chainId)?.nativeCurrency.decimals ?? 18) : 18;
    return {
      ...common,
      kind: 'transfer',
      recipient: targetAddress,
      asset: { type: 'native' },
      ...(value !== undefined ? { amount: { known: 'both', base: value, decimal: formatBaseUnits(value, decimals), decimals } } : {}),
      ignoredParams: ignored,
    };
  }
  if (fn !== 'transfer') {
    throw new PaymentUriError('UNSUPPORTED_FUNCTION', `This link calls the contract function "${fn}"; only payments (transfer) are supported`, { function: fn });
  }
  const recipientRaw = single.get('address');
  if (recipientRaw === undefined) throw new PaymentUriError('MISSING_PARAMETER', 'A token transfer link needs "address=" (the recipient)', { param: 'address' });
  const recipient = parseEvmAddress(decodePlain(recipientRaw, 'recipient'), 'recipient');
  const amount = num('uint256', UINT256_MAX);
  if (amount === 0n) throw new PaymentUriError('ZERO_AMOUNT', 'A payment request for zero is not valid', { field: 'uint256' });
  // Ether sent along with an ERC-20 transfer() would be stuck in the token contract.
  if (value !== undefined && value !== 0n) {
    throw new PaymentUriError('INVALID_PARAMETER', 'A token transfer link cannot also send ether (value=)', { param: 'value' });
  }
  return {
    ...common,
    kind: 'transfer',
    recipient,
    asset: { type: 'token', address: targetAddress },
    ...(amount !== undefined ? { amount: { known: 'base', base: amount } } : {}),
    ignoredParams: other.map((p) => p.key),
  };
}

/** Builds an EIP-681 URI: native (value= in wei) or ERC-20 (<token>/transfer?address=&uint256=). */
export function buildEip681(input: PaymentRequestInput): string {
  for (const field of ['label', 'message', 'memo'] as const) {
    if (input[field] !== undefined) throw new PaymentUriError('FIELD_NOT_SUPPORTED', `EIP-681 has no ${field} field`, { field });
  }
  if (input.references !== undefined && input.references.length > 0) throw new PaymentUriError('FIELD_NOT_SUPPORTED', 'EIP-681 has no references', { field: 'references' });
  let chain = '';
  if (input.network !== undefined) {
    const m = /^evm:(\d+)$/.exec(input.network);
    if (!m) throw new PaymentUriError('INVALID_CHAIN_ID', `"${input.network}" is not an EVM network reference (evm:<chainId>)`);
    chain = `@${parseChainId(m[1] ?? '', { evmNetworks: [{ chainId: Number(m[1]) }] })}`;
  }
  const recipient = parseEvmAddress(input.recipient, 'recipient');
  const asset = input.asset ?? { type: 'native' };
  const base = input.amount === undefined ? undefined : amountAsBase(input.amount, asset.type === 'native' ? 18 : undefined);
  if (base !== undefined && base <= 0n) throw new PaymentUriError('ZERO_AMOUNT', 'A payment request needs an amount above zero', { field: 'amount' });
  if (asset.type === 'native') return `ethereum:${recipient}${chain}${joinQuery(base !== undefined ? [['value', base.toString()]] : [])}`;
  const token = parseEvmAddress(asset.address, 'token');
  return `ethereum:${token}${chain}/transfer${joinQuery([['address', recipient], ...(base !== undefined ? [['uint256', base.toString()] as const] : [])])}`;
}

/** The EIP-681 codec: what the popup's payment-link reader and Receive's QR code use (the family's popup entry loads it). */
export const evmPaymentCodec: PaymentCodec = { family: 'evm', parse: parseEip681, build: buildEip681 };
