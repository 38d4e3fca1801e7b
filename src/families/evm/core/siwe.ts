/**
 * Sign-In with Ethereum (ERC-4361): detect a SIWE message in personal_sign text, parse it against
 * the ABNF, and check it against the requesting origin taken from the browser (scheme, host, port),
 * the active chain, the signing account and its validity window (security checklist 55, R11).
 * Returns warnings; the approval screen decides how to block on 'danger'.
 */
import { getAddress, type Address } from 'viem';
import type { RiskWarning } from '../../../core/risk/types.ts';

export const SIWE_PHRASE = ' wants you to sign in with your Ethereum account:';

export interface SiweMessage {
  /** Explicit scheme, if the message carries one (the default is https). */
  scheme?: string;
  /** RFC 3986 authority: host and optional port. */
  domain: string;
  address: Address;
  /** True when the address in the message is not in EIP-55 form. */
  addressNotChecksummed: boolean;
  statement?: string;
  uri: string;
  version: string;
  chainId: number;
  nonce: string;
  issuedAt: string;
  expirationTime?: string;
  notBefore?: string;
  requestId?: string;
  resources: string[];
}

export type SiweCode =
  | 'SIWE_MALFORMED'
  | 'SIWE_DOMAIN_MISMATCH'
  | 'SIWE_SCHEME_MISMATCH'
  | 'SIWE_PORT_MISMATCH'
  | 'SIWE_URI_MISMATCH'
  | 'SIWE_CHAIN_MISMATCH'
  | 'SIWE_ADDRESS_MISMATCH'
  | 'SIWE_EXPIRED'
  | 'SIWE_NOT_YET_VALID';

export type SiweWarning = RiskWarning<SiweCode>;

export type SiweParse = { ok: true; message: SiweMessage } | { ok: false; reason: string };

const HEADER_RE = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^\s/?#]+) wants you to sign in with your Ethereum account:$/;
const ADDRESS_RE = /^0x[0-9a-fA-F]{40}$/;
const RFC3339_RE = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const NONCE_RE = /^[a-zA-Z0-9]{8,}$/;

/** True when the text contains the SIWE phrase (it must then parse, or it gets SIWE_MALFORMED). */
export function looksLikeSiwe(text: string): boolean {
  return text.includes(SIWE_PHRASE);
}

function isTime(s: string): boolean {
  return RFC3339_RE.test(s) && !Number.isNaN(Date.parse(s));
}

function isUri(s: string): boolean {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\S*$/.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    // Non-URL schemes (did:, urn:) are still RFC 3986 URIs.
    return /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/.test(s);
  }
}

/** Parses an ERC-4361 message strictly (tolerating one trailing newline). */
export function parseSiweMessage(text: string): SiweParse {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const fail = (reason: string): SiweParse => ({ ok: false, reason });
  const header = HEADER_RE.exec(lines[0] ?? '');
  if (!header) return fail('header line is not "<domain> wants you to sign in with your Ethereum account:"');
  const scheme = header[1];
  const domain = header[2] ?? '';
  if (domain.includes('@')) return fail('domain must not contain user information');
  const rawAddress = lines[1] ?? '';
  if (!ADDRESS_RE.test(rawAddress)) return fail('second line must be an 0x address');
  let address: Address;
  try {
    address = getAddress(rawAddress);
  } catch {
    return fail('address has an invalid checksum');
  }
  const lowerOrUpper = rawAddress.slice(2) === rawAddress.slice(2).toLowerCase() || rawAddress.slice(2) === rawAddress.slice(2).toUpperCase();
  if (!lowerOrUpper && address !== rawAddress) return fail('address has an invalid EIP-55 checksum');
  if (lines[2] !== '') return fail('an empty line must follow the address');

  let i = 3;
  let statement: string | undefined;
  if (lines[i] === '') {
    i++;
  } else if (lines[i] !== undefined && !lines[i]!.startsWith('URI: ')) {
    statement = lines[i];
    i++;
    if (lines[i] !== '') return fail('an empty line must follow the statement');
    i++;
  } else {
    return fail('an empty line must precede the URI');
  }

  const take = (prefix: string, required: boolean): string | undefined | null => {
    const line = lines[i];
    if (line !== undefined && line.startsWith(prefix)) {
      i++;
      return line.slice(prefix.length);
    }
    return required ? null : undefined;
  };
  const uri = take('URI: ', true);
  if (uri === null || uri === undefined || !isUri(uri)) return fail('missing or invalid "URI:"');
  const version = take('Version: ', true);
  if (version !== '1') return fail('"Version:" must be 1');
  const chainIdText = take('Chain ID: ', true);
  if (chainIdText === null || chainIdText === undefined || !/^[1-9]\d{0,15}$/.test(chainIdText)) return fail('missing or invalid "Chain ID:"');
  const nonce = take('Nonce: ', true);
  if (nonce === null || nonce === undefined || !NONCE_RE.test(nonce)) return fail('"Nonce:" must be at least 8 alphanumeric characters');
  const issuedAt = take('Issued At: ', true);
  if (issuedAt === null || issuedAt === undefined || !isTime(issuedAt)) return fail('missing or invalid "Issued At:" (RFC 3339)');
  const expirationTime = take('Expiration Time: ', false);
  if (expirationTime !== undefined && (expirationTime === null || !isTime(expirationTime))) return fail('invalid "Expiration Time:"');
  const notBefore = take('Not Before: ', false);
  if (notBefore !== undefined && (notBefore === null || !isTime(notBefore))) return fail('invalid "Not Before:"');
  const requestId = take('Request ID: ', false);
  const resources: string[] = [];
  if (lines[i] === 'Resources:') {
    i++;
    while (i < lines.length && lines[i]!.startsWith('- ')) {
      const r = lines[i]!.slice(2);
      if (!isUri(r)) return fail('invalid resource URI');
      resources.push(r);
      i++;
    }
  }
  if (i !== lines.length) return fail(`unexpected content on line ${i + 1}`);

  return {
    ok: true,
    message: {
      ...(scheme !== undefined ? { scheme: scheme.toLowerCase() } : {}),
      domain,
      address,
      addressNotChecksummed: address !== rawAddress,
      ...(statement !== undefined ? { statement } : {}),
      uri,
      version,
      chainId: Number(chainIdText),
      nonce,
      issuedAt,
      ...(expirationTime ? { expirationTime } : {}),
      ...(notBefore ? { notBefore } : {}),
      ...(requestId !== undefined && requestId !== null ? { requestId } : {}),
      resources,
    },
  };
}

export interface SiweContext {
  /** The requesting origin from the browser (scheme://host[:port]). */
  origin: string;
  /** Active chain of the origin. */
  chainId?: number;
  /** The account asked to sign. */
  address?: string;
  /** Current time in ms (tests). */
  now?: number;
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'https:': '443', 'http:': '80' };

interface Endpoint {
  scheme: string;
  host: string;
  port: string;
}

function endpoint(url: URL): Endpoint {
  return { scheme: url.protocol, host: url.hostname.toLowerCase(), port: url.port || DEFAULT_PORTS[url.protocol] || '' };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

/** Checks a parsed message against the request context. */
export function checkSiweMessage(msg: SiweMessage, ctx: SiweContext): SiweWarning[] {
  const out: SiweWarning[] = [];
  let origin: Endpoint;
  try {
    origin = endpoint(new URL(ctx.origin));
  } catch {
    return [{ code: 'SIWE_DOMAIN_MISMATCH', severity: 'danger', params: { domain: msg.domain, origin: ctx.origin } }];
  }
  const scheme = `${msg.scheme ?? 'https'}:`;
  let claimed: Endpoint | undefined;
  try {
    claimed = endpoint(new URL(`${scheme}//${msg.domain}`));
  } catch {
    claimed = undefined;
  }
  if (!claimed || claimed.host !== origin.host) {
    out.push({ code: 'SIWE_DOMAIN_MISMATCH', severity: 'danger', params: { domain: msg.domain, origin: ctx.origin } });
  } else {
    if (scheme !== origin.scheme) {
      // A dev page on http://localhost commonly omits the scheme: only a note there.
      const severity = msg.scheme === undefined && isLoopback(origin.host) ? 'info' : msg.scheme === undefined ? 'warning' : 'danger';
      out.push({ code: 'SIWE_SCHEME_MISMATCH', severity, params: { scheme: msg.scheme ?? 'https (default)', origin: ctx.origin } });
    }
    // Port compared only when the schemes agree (otherwise the defaults differ and say nothing).
    if (scheme === origin.scheme && claimed.port !== origin.port) {
      out.push({ code: 'SIWE_PORT_MISMATCH', severity: 'warning', params: { domain: msg.domain, origin: ctx.origin } });
    }
  }
  try {
    const u = new URL(msg.uri);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.toLowerCase() !== origin.host) {
      out.push({ code: 'SIWE_URI_MISMATCH', severity: 'warning', params: { uri: msg.uri, origin: ctx.origin } });
    }
  } catch {
    // non-URL URIs (did:, urn:) are not compared
  }
  if (ctx.chainId !== undefined && msg.chainId !== ctx.chainId) {
    out.push({ code: 'SIWE_CHAIN_MISMATCH', severity: 'warning', params: { chainId: msg.chainId, activeChainId: ctx.chainId } });
  }
  if (ctx.address !== undefined && ctx.address.toLowerCase() !== msg.address.toLowerCase()) {
    out.push({ code: 'SIWE_ADDRESS_MISMATCH', severity: 'danger', params: { address: msg.address, signer: ctx.address } });
  }
  const now = ctx.now ?? Date.now();
  if (msg.expirationTime !== undefined && Date.parse(msg.expirationTime) <= now) {
    out.push({ code: 'SIWE_EXPIRED', severity: 'warning', params: { expirationTime: msg.expirationTime } });
  }
  if (msg.notBefore !== undefined && Date.parse(msg.notBefore) > now) {
    out.push({ code: 'SIWE_NOT_YET_VALID', severity: 'warning', params: { notBefore: msg.notBefore } });
  }
  return out;
}

export interface SiweAnalysis {
  /** The text claims to be a SIWE message. */
  detected: boolean;
  message?: SiweMessage;
  warnings: SiweWarning[];
}

/** Detection + parse + checks for a personal_sign text. */
export function analyzeSiwe(text: string, ctx: SiweContext): SiweAnalysis {
  if (!looksLikeSiwe(text)) return { detected: false, warnings: [] };
  const parsed = parseSiweMessage(text);
  if (!parsed.ok) {
    // Still check the claimed domain: a malformed message naming another site is the attack.
    const header = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:\/\/)?(\S+) wants you to sign in/.exec(text.trimStart());
    const warnings: SiweWarning[] = [{ code: 'SIWE_MALFORMED', severity: 'warning', params: { reason: parsed.reason } }];
    if (header?.[1] !== undefined) {
      try {
        if (new URL(`https://${header[1]}`).hostname.toLowerCase() !== new URL(ctx.origin).hostname.toLowerCase()) {
          warnings.unshift({ code: 'SIWE_DOMAIN_MISMATCH', severity: 'danger', params: { domain: header[1], origin: ctx.origin } });
        }
      } catch {
        warnings.unshift({ code: 'SIWE_DOMAIN_MISMATCH', severity: 'danger', params: { domain: header[1].slice(0, 100), origin: ctx.origin } });
      }
    }
    return { detected: true, warnings };
  }
  return { detected: true, message: parsed.message, warnings: checkSiweMessage(parsed.message, ctx) };
}
