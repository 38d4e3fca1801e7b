/**
 * Splits a payment URI into scheme, path and query parameters, refusing what no standard allows
 * and what would make a request ambiguous: a second "?", a fragment, malformed percent-encoding,
 * a parameter given twice (unless the standard repeats it, like Solana Pay's reference).
 */
import { PaymentUriError } from './errors.ts';

/** Longer than any QR code can hold (2,953 bytes at version 40-L) with room for links. */
export const MAX_PAYMENT_URI_LENGTH = 4096;

export interface QueryParam {
  /** Key after percent-decoding, lower-cased (BIP-321 QR codes are upper-case). */
  key: string;
  /** The key as written. */
  rawKey: string;
  /** The value still percent-encoded; decode with decodeText or decodePlain. */
  raw: string;
}

export interface SplitUri {
  /** Lower-cased scheme without ":". */
  scheme: string;
  /** The part between "scheme:" and "?", still encoded. */
  path: string;
  params: QueryParam[];
}

/** The scheme of `text` (lower-cased) if it starts like a URI ("name:"), else undefined. */
export function uriScheme(text: string): string | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(text);
  return m?.[1]?.toLowerCase();
}

function decode(raw: string, field: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new PaymentUriError('INVALID_ENCODING', `The ${field} has invalid percent-encoding`, { field });
  }
}

/** A value where "+" stands for a space (form encoding, as Solana Pay's reference encoder writes). */
export function decodeText(raw: string, field: string): string {
  return decode(raw.replace(/\+/g, ' '), field);
}

/** A value where "+" is itself (numbers, addresses). */
export function decodePlain(raw: string, field: string): string {
  return decode(raw, field);
}

export function splitPaymentUri(input: string): SplitUri {
  if (typeof input !== 'string' || input.trim() === '') throw new PaymentUriError('EMPTY', 'Nothing to read: the text is empty');
  const text = input.trim();
  if (text.length > MAX_PAYMENT_URI_LENGTH) throw new PaymentUriError('TOO_LONG', `A payment link is at most ${MAX_PAYMENT_URI_LENGTH} characters`, { length: text.length });
  if (/[\s\u0000-\u001f\u007f]/.test(text)) throw new PaymentUriError('MALFORMED_URI', 'A payment link cannot contain spaces or control characters (they must be percent-encoded)');
  const scheme = uriScheme(text);
  if (scheme === undefined) throw new PaymentUriError('NOT_A_URI', 'This is not a payment link (it does not start with a scheme such as bitcoin:)');
  if (text.includes('#')) throw new PaymentUriError('MALFORMED_URI', 'A payment link cannot contain "#" (a fragment): the request would be ambiguous');
  const rest = text.slice(scheme.length + 1);
  const q = rest.indexOf('?');
  if (q !== -1 && rest.indexOf('?', q + 1) !== -1) {
    throw new PaymentUriError('MULTIPLE_QUERY_MARKERS', 'The link contains "?" more than once; parameters must be joined with "&"');
  }
  const path = q === -1 ? rest : rest.slice(0, q);
  // "solana:<address>&label=…" (missing "?"): no address contains "&", so this is a broken link.
  if (path.includes('&')) throw new PaymentUriError('MALFORMED_URI', 'Parameters must follow "?" (the link has "&" before any "?")');
  const query = q === -1 ? '' : rest.slice(q + 1);
  const params: QueryParam[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue; // "a=1&&b=2" or a trailing "&": harmless
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const raw = eq === -1 ? '' : part.slice(eq + 1);
    if (rawKey === '') throw new PaymentUriError('MALFORMED_URI', 'A parameter has no name ("=value")');
    const key = decodePlain(rawKey, 'parameter name').toLowerCase();
    params.push({ key, rawKey, raw });
  }
  return { scheme, path, params };
}

/**
 * Takes the parameters a standard defines (each at most once, except `repeatable`) and returns
 * them by key, plus the rest in order.
 */
export function collectParams(
  params: readonly QueryParam[],
  known: readonly string[],
  repeatable: readonly string[] = [],
): { single: Map<string, string>; repeated: Map<string, string[]>; other: QueryParam[] } {
  const single = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const other: QueryParam[] = [];
  for (const p of params) {
    if (repeatable.includes(p.key)) {
      repeated.set(p.key, [...(repeated.get(p.key) ?? []), p.raw]);
    } else if (known.includes(p.key)) {
      if (single.has(p.key)) throw new PaymentUriError('DUPLICATE_PARAMETER', `The parameter "${p.key}" appears more than once`, { param: p.key });
      single.set(p.key, p.raw);
    } else {
      other.push(p);
    }
  }
  return { single, repeated, other };
}

/** Percent-encodes a text value for a query (RFC 3986 unreserved characters kept). */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Joins key=value pairs (values already encoded) after "?", or nothing. */
export function joinQuery(pairs: readonly (readonly [string, string])[]): string {
  return pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

/** Control characters and bidirectional overrides: they could disguise what the UI shows. */
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
export const MAX_TEXT_LENGTH = 512;

/** A label, message or memo: decoded, then refused if it carries unsafe characters or is too long. */
export function decodeDisplayText(raw: string, field: string): string {
  return checkDisplayText(decodeText(raw, field), field);
}

/** The same rules for a label, message or memo a builder is given. */
export function checkDisplayText(text: string, field: string): string {
  if (UNSAFE_TEXT.test(text)) throw new PaymentUriError('INVALID_PARAMETER', `The ${field} contains control or text-direction characters`, { field });
  if (text.length > MAX_TEXT_LENGTH) throw new PaymentUriError('INVALID_PARAMETER', `The ${field} is longer than ${MAX_TEXT_LENGTH} characters`, { field });
  return text;
}
