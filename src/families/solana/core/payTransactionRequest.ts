/**
 * Solana Pay transaction requests (`solana:<https URL>`): GET the link for `{label, icon}`, POST
 * `{account}` for `{transaction, message}`, then check the returned transaction before anything is
 * shown for approval. The checks follow the specification and @solana/pay's fetchTransaction: the
 * wallet's account must be one of the required signers with its slot still empty; every other
 * signer (a merchant fee payer, say) must already have signed, and each such signature must verify
 * over the exact message; when the wallet is the only signer the recent blockhash is replaced by a
 * fresh one (the merchant may have built the transaction long before the user approves).
 *
 * Transport rules: https only (plain http only for localhost / 127.0.0.1, so a merchant's server on
 * this computer can be tested), no redirects (a redirect could leave https or the merchant's
 * origin), no cookies, a timeout per request and a hard cap on the answer's size.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { base58, base64 } from '@scure/base';
import { boundedBytes } from '../../../core/net/boundedBody.ts';
import type { FetchFn } from '../../../core/net/http.ts';
import { isPaymentUriError } from '../../../core/payments/errors.ts';
import { checkDisplayText } from '../../../core/payments/query.ts';
import { validateSolanaAddress } from './address.ts';
import { checkTransactionRequestLink } from './paymentUri.ts';
import { SolanaWalletError } from './errors.ts';
import { parseWireTransaction, readCompactU16, serializeWireTransaction } from './wire.ts';

export type SolanaPayRequestErrorCode =
  | 'PAY_LINK_INVALID'
  | 'PAY_REQUEST_UNREACHABLE'
  | 'PAY_REQUEST_TIMEOUT'
  | 'PAY_REQUEST_REDIRECT'
  | 'PAY_REQUEST_HTTP'
  | 'PAY_REQUEST_TOO_LARGE'
  | 'PAY_REQUEST_BAD_JSON'
  | 'PAY_REQUEST_BAD_RESPONSE'
  | 'PAY_REQUEST_BAD_TRANSACTION'
  | 'PAY_REQUEST_NOT_FOR_WALLET'
  | 'PAY_REQUEST_MISSING_SIGNATURE'
  | 'PAY_REQUEST_BAD_SIGNATURE';

/** A refused transaction request; `code` is stable for the UI, the message is specific English. */
export class SolanaPayRequestError extends Error {
  override readonly name = 'SolanaPayRequestError';
  constructor(
    readonly code: SolanaPayRequestErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

export interface TransactionRequestLimits {
  fetchFn?: FetchFn;
  /** Per request (GET and POST each). */
  timeoutMs?: number;
}

/** A GET answer is a label and an icon URL: a few hundred bytes. */
export const MAX_INFO_BYTES = 16 * 1024;
/** A POST answer: a ≤1,232-byte transaction in base64 (~1.7 KiB) plus a message. */
export const MAX_TRANSACTION_RESPONSE_BYTES = 64 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
/** base64 of the largest transaction the network accepts (1,232 bytes), with padding. */
const MAX_TRANSACTION_BASE64 = 1644;

export interface TransactionRequestInfo {
  label: string;
  /** Absolute https (or loopback http) URL of an SVG, PNG or WebP, as the merchant gave it; undefined when it gave none. */
  icon?: string;
}

export interface TransactionRequestAnswer {
  /** The wire transaction exactly as the merchant sent it. */
  transaction: Uint8Array;
  message?: string;
}

/** The link as the wallet will fetch it (validated again here: the background never trusts the popup's parse). */
export function checkLink(link: string): URL {
  try {
    return new URL(checkTransactionRequestLink(link));
  } catch (err) {
    throw new SolanaPayRequestError('PAY_LINK_INVALID', isPaymentUriError(err) ? err.message : 'The transaction request link is not valid');
  }
}

async function exchange(url: URL, init: { method: 'GET' | 'POST'; body?: string }, maxBytes: number, limits: TransactionRequestLimits): Promise<unknown> {
  const fetchFn: FetchFn = limits.fetchFn ?? ((input, i) => fetch(input, i));
  const timeoutMs = limits.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const where = `${init.method} ${url.origin}${url.pathname}`;
  try {
    let res: Response;
    try {
      res = await fetchFn(url.href, {
        method: init.method,
        headers: init.body !== undefined ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
        ...(init.body !== undefined ? { body: init.body } : {}),
        signal: controller.signal,
        credentials: 'omit',
        redirect: 'manual',
        referrerPolicy: 'no-referrer',
      });
    } catch (err) {
      if (timedOut) throw new SolanaPayRequestError('PAY_REQUEST_TIMEOUT', `${where} did not answer within ${timeoutMs / 1000} s`, { seconds: timeoutMs / 1000 });
      const why = err instanceof Error ? err.message : String(err);
      throw new SolanaPayRequestError('PAY_REQUEST_UNREACHABLE', `${where} could not be reached (${why.slice(0, 120)})`, { host: url.host });
    }
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
      throw new SolanaPayRequestError('PAY_REQUEST_REDIRECT', `${where} answered with a redirect; transaction requests are not followed to another address`);
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await boundedBytes(res, maxBytes);
    } catch {
      if (timedOut) throw new SolanaPayRequestError('PAY_REQUEST_TIMEOUT', `${where} did not finish its answer within ${timeoutMs / 1000} s`, { seconds: timeoutMs / 1000 });
      throw new SolanaPayRequestError('PAY_REQUEST_UNREACHABLE', `${where} broke off its answer`, { host: url.host });
    }
    if (bytes === undefined) throw new SolanaPayRequestError('PAY_REQUEST_TOO_LARGE', `${where} answered with more than ${maxBytes} bytes`, { max: maxBytes });
    if (!res.ok) throw new SolanaPayRequestError('PAY_REQUEST_HTTP', `${where} answered HTTP ${res.status}`, { status: res.status });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new SolanaPayRequestError('PAY_REQUEST_BAD_JSON', `${where} did not answer with UTF-8 JSON`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new SolanaPayRequestError('PAY_REQUEST_BAD_JSON', `${where} did not answer with JSON`);
    }
  } finally {
    clearTimeout(timer);
  }
}

function asObject(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SolanaPayRequestError('PAY_REQUEST_BAD_RESPONSE', `The ${what} answer is not a JSON object`);
  return v as Record<string, unknown>;
}

function displayText(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new SolanaPayRequestError('PAY_REQUEST_BAD_RESPONSE', `The merchant's ${field} is not text`, { field });
  try {
    return checkDisplayText(v, field);
  } catch (err) {
    throw new SolanaPayRequestError('PAY_REQUEST_BAD_RESPONSE', err instanceof Error ? err.message : `The merchant's ${field} is not valid`, { field });
  }
}

/** Reads the GET answer: `label` is required; `icon` must be an https (loopback http) URL of an image. */
export function readInfoAnswer(json: unknown): TransactionRequestInfo {
  const o = asObject(json, 'GET');
  const label = displayText(o.label, 'label');
  if (label.trim() === '') throw new SolanaPayRequestError('PAY_REQUEST_BAD_RESPONSE', "The merchant's label is empty", { field: 'label' });
  if (o.icon === undefined) return { label };
  if (typeof o.icon !== 'string') throw new SolanaPayRequestError('PAY_REQUEST_BAD_RESPONSE', "The merchant's icon is not a URL", { field: 'icon' });
  let icon: URL;
  try {
    icon = checkLink(o.icon);
  } catch {
    throw new SolanaPayRequestError('PAY_REQUEST_BAD_RESPONSE', "The merchant's icon must be an https URL", { field: 'icon' });
  }
  if (!/\.(svg|png|webp)$/i.test(icon.pathname)) throw new SolanaPayRequestError('PAY_REQUEST_BAD_RESPONSE', "The merchant's icon must be an SVG, PNG or WebP image", { field: 'icon' });
  return { label, icon: icon.href };
}

/** Reads the POST answer: a base64 `transaction` (at most one network packet) and an optional `message`. */
export function readTransactionAnswer(json: unknown): TransactionRequestAnswer {
  const o = asObject(json, 'POST');
  if (typeof o.transaction !== 'string' || o.transaction === '') throw new SolanaPayRequestError('PAY_REQUEST_BAD_RESPONSE', 'The answer has no transaction', { field: 'transaction' });
  if (o.transaction.length > MAX_TRANSACTION_BASE64) throw new SolanaPayRequestError('PAY_REQUEST_BAD_TRANSACTION', 'The transaction is larger than the network accepts (1,232 bytes)');
  let transaction: Uint8Array;
  try {
    transaction = base64.decode(o.transaction);
  } catch {
    throw new SolanaPayRequestError('PAY_REQUEST_BAD_TRANSACTION', 'The transaction is not valid base64');
  }
  return { transaction, ...(o.message !== undefined ? { message: displayText(o.message, 'message') } : {}) };
}

/** GET: what the wallet shows about who asks before POSTing the account. */
export async function fetchTransactionRequestInfo(link: string, limits: TransactionRequestLimits = {}): Promise<TransactionRequestInfo> {
  return readInfoAnswer(await exchange(checkLink(link), { method: 'GET' }, MAX_INFO_BYTES, limits));
}

/** POST `{account}`: the merchant's transaction for this account. */
export async function fetchTransactionRequestTransaction(link: string, account: string, limits: TransactionRequestLimits = {}): Promise<TransactionRequestAnswer> {
  if (!validateSolanaAddress(account).ok) throw new SolanaPayRequestError('PAY_REQUEST_NOT_FOR_WALLET', 'The account is not a Solana address');
  return readTransactionAnswer(await exchange(checkLink(link), { method: 'POST', body: JSON.stringify({ account }) }, MAX_TRANSACTION_RESPONSE_BYTES, limits));
}

export interface CheckedRequestTransaction {
  /** The wire transaction to preview, approve and sign (the blockhash possibly replaced). */
  transaction: Uint8Array;
  /** True when the wallet's account is the only signer (then a fresh blockhash may be set). */
  soleSigner: boolean;
  feePayer: string;
}

/**
 * Checks the merchant's transaction is one this wallet can sign and send: it parses; `account` is a
 * required signer whose slot is empty; every other required signature is present and valid.
 */
export function checkRequestTransaction(bytes: Uint8Array, account: string): CheckedRequestTransaction {
  let parsed;
  try {
    parsed = parseWireTransaction(bytes);
  } catch (err) {
    throw new SolanaPayRequestError('PAY_REQUEST_BAD_TRANSACTION', err instanceof SolanaWalletError ? err.message : 'The transaction cannot be read');
  }
  const mine = parsed.requiredSigners.indexOf(account);
  if (mine < 0) throw new SolanaPayRequestError('PAY_REQUEST_NOT_FOR_WALLET', `The transaction is not for this wallet: ${account} is not among its signers (fee payer ${parsed.feePayer})`, { feePayer: parsed.feePayer });
  const empty = (s: Uint8Array): boolean => s.every((b) => b === 0);
  if (!empty(parsed.signatures[mine]!)) throw new SolanaPayRequestError('PAY_REQUEST_BAD_SIGNATURE', "The transaction already carries a signature in this wallet's slot");
  for (let i = 0; i < parsed.requiredSigners.length; i++) {
    if (i === mine) continue;
    const signer = parsed.requiredSigners[i]!;
    const sig = parsed.signatures[i]!;
    const role = i === 0 ? 'fee payer' : 'signer';
    if (empty(sig)) throw new SolanaPayRequestError('PAY_REQUEST_MISSING_SIGNATURE', `The transaction still needs the signature of its ${role} ${signer}; the merchant must sign it first`, { signer });
    if (!ed25519.verify(sig, parsed.messageBytes, base58.decode(signer))) {
      throw new SolanaPayRequestError('PAY_REQUEST_BAD_SIGNATURE', `The signature of the ${role} ${signer} does not match the transaction`, { signer });
    }
  }
  return { transaction: bytes, soleSigner: parsed.requiredSigners.length === 1, feePayer: parsed.feePayer };
}

/** The same unsigned transaction with `blockhash` as its recent blockhash (only for a sole-signer transaction). */
export function withRecentBlockhash(bytes: Uint8Array, blockhash: string): Uint8Array {
  const parsed = parseWireTransaction(bytes);
  if (parsed.requiredSigners.length !== 1 || parsed.signatures.some((s) => s.some((b) => b !== 0))) {
    throw new SolanaPayRequestError('PAY_REQUEST_BAD_TRANSACTION', 'Only an unsigned transaction with a single signer can take a new blockhash');
  }
  const hash = base58.decode(blockhash);
  if (hash.length !== 32) throw new SolanaPayRequestError('PAY_REQUEST_BAD_TRANSACTION', 'A blockhash is 32 bytes');
  const message = parsed.messageBytes.slice();
  // [version prefix (v0 only)] header(3) compact-u16 key count, 32-byte keys, then the blockhash.
  let at = parsed.version === 0 ? 1 : 0;
  at += 3;
  const keys = readCompactU16(message, at);
  at += keys.size + keys.value * 32;
  message.set(hash, at);
  const out = serializeWireTransaction(parsed.signatures, message);
  // A faithful re-parse proves the offset was right (same keys, the new hash).
  if (parseWireTransaction(out).recentBlockhash !== blockhash) throw new SolanaPayRequestError('PAY_REQUEST_BAD_TRANSACTION', 'The blockhash could not be replaced');
  return out;
}
