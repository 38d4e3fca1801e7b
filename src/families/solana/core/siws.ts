/**
 * Sign In With Solana (solana:signIn, provider-standards §2.4): build the message text exactly as
 * @solana/wallet-standard-util's createSignInMessageText does (so dApps' verifySignIn reproduces
 * it), parse it back, fill domain/address when the dApp leaves them out, and bind the domain (and
 * an http(s) `uri`) to the requesting origin taken from the browser. A mismatch is refused.
 */
import type { SolanaSignInInput } from '@solana/wallet-standard-features';
import type { RiskWarning } from '../../../core/risk/types.ts';
import { SolanaWalletError } from './errors.ts';
import type { SolanaChain } from './networks.ts';

export const SIWS_HEADER = ' wants you to sign in with your Solana account:\n';

export interface SiwsFields {
  domain: string;
  address: string;
  statement?: string;
  uri?: string;
  version?: string;
  chainId?: string;
  nonce?: string;
  issuedAt?: string;
  expirationTime?: string;
  notBefore?: string;
  requestId?: string;
  resources?: string[];
}

export type SiwsWarningCode = 'SIWS_CHAIN_MISMATCH' | 'SIWS_EXPIRED' | 'SIWS_NOT_YET_VALID' | 'SIWS_ISSUED_AT_SKEW' | 'SIWS_UNKNOWN_VERSION' | 'SIWS_URI_NOT_HTTP' | 'INSECURE_ORIGIN';
export type SiwsWarning = RiskWarning<SiwsWarningCode>;

const OPTIONAL_KEYS = ['statement', 'uri', 'version', 'chainId', 'nonce', 'issuedAt', 'expirationTime', 'notBefore', 'requestId'] as const;

/** The message text, field order and optional-field omission as in wallet-standard-util. */
export function createSiwsMessageText(f: SiwsFields): string {
  let message = `${f.domain}${SIWS_HEADER}${f.address}`;
  if (f.statement) message += `\n\n${f.statement}`;
  const fields: string[] = [];
  if (f.uri) fields.push(`URI: ${f.uri}`);
  if (f.version) fields.push(`Version: ${f.version}`);
  if (f.chainId) fields.push(`Chain ID: ${f.chainId}`);
  if (f.nonce) fields.push(`Nonce: ${f.nonce}`);
  if (f.issuedAt) fields.push(`Issued At: ${f.issuedAt}`);
  if (f.expirationTime) fields.push(`Expiration Time: ${f.expirationTime}`);
  if (f.notBefore) fields.push(`Not Before: ${f.notBefore}`);
  if (f.requestId) fields.push(`Request ID: ${f.requestId}`);
  if (f.resources) {
    fields.push('Resources:');
    for (const r of f.resources) fields.push(`- ${r}`);
  }
  if (fields.length > 0) message += `\n\n${fields.join('\n')}`;
  return message;
}

// The grammar wallet-standard-util's parseSignInMessageText accepts.
const SIWS_RE = new RegExp(
  '^(?<domain>[^\\n]+?) wants you to sign in with your Solana account:\\n' +
    '(?<address>[^\\n]+)(?:\\n|$)' +
    '(?:\\n(?<statement>[\\S\\s]*?)(?:\\n|$))??' +
    '(?:\\nURI: (?<uri>[^\\n]+))?' +
    '(?:\\nVersion: (?<version>[^\\n]+))?' +
    '(?:\\nChain ID: (?<chainId>[^\\n]+))?' +
    '(?:\\nNonce: (?<nonce>[^\\n]+))?' +
    '(?:\\nIssued At: (?<issuedAt>[^\\n]+))?' +
    '(?:\\nExpiration Time: (?<expirationTime>[^\\n]+))?' +
    '(?:\\nNot Before: (?<notBefore>[^\\n]+))?' +
    '(?:\\nRequest ID: (?<requestId>[^\\n]+))?' +
    '(?:\\nResources:(?<resources>(?:\\n- [^\\n]+)*))?' +
    '\\n*$',
);

/** True when the text uses the SIWS header line (whether or not the rest parses). */
export function looksLikeSiws(text: string): boolean {
  const firstLine = text.split('\n', 1)[0] ?? '';
  return `${firstLine}\n`.endsWith(SIWS_HEADER) || text.includes(SIWS_HEADER);
}

export function parseSiwsMessageText(text: string): SiwsFields | null {
  const m = SIWS_RE.exec(text);
  const g = m?.groups;
  if (!g || g.domain === undefined || g.address === undefined) return null;
  const out: SiwsFields = { domain: g.domain, address: g.address };
  for (const k of OPTIONAL_KEYS) {
    const v = g[k];
    if (v !== undefined) out[k] = v;
  }
  if (g.resources !== undefined) out.resources = g.resources.split('\n- ').slice(1);
  return out;
}

/** host[:port] of a browser origin ("https://app.example:8443" → "app.example:8443"). */
export function originHost(origin: string): string {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return '';
  }
}

export interface SiwsContext {
  /** Requesting origin from the browser (never from the page). */
  origin: string;
  /** The wallet account that will sign. */
  address: string;
  /** The dApp's active chain, when known. */
  chain?: SolanaChain;
  now?: number;
}

function invalid(why: string): SolanaWalletError {
  return new SolanaWalletError('SIWS_INVALID', `Invalid sign-in request: ${why}`);
}

function readInput(input: unknown): SolanaSignInInput {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) throw invalid('expected an object');
  const o = input as Record<string, unknown>;
  for (const k of ['domain', 'address', ...OPTIONAL_KEYS] as const) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw invalid(`"${k}" must be a string`);
    if (v.length > 2048) throw invalid(`"${k}" is too long`);
    // A line break would let one field forge another (or the statement fake a URI line).
    if (/[\r\n\u2028\u2029]/.test(v)) throw invalid(`"${k}" must not contain line breaks`);
  }
  if (o.resources !== undefined) {
    if (!Array.isArray(o.resources) || o.resources.length > 100 || !o.resources.every((r) => typeof r === 'string' && r.length > 0 && !/[\r\n]/.test(r))) {
      throw invalid('"resources" must be an array of single-line strings');
    }
  }
  return o as SolanaSignInInput;
}

/** Domain / address / uri binding shared by signIn and SIWS text arriving through signMessage. */
function checkBinding(f: SiwsFields, ctx: SiwsContext): void {
  const host = originHost(ctx.origin);
  if (host === '' || f.domain.toLowerCase() !== host) {
    throw new SolanaWalletError(
      'SIWS_DOMAIN_MISMATCH',
      `Sign-in request for "${f.domain}" does not come from that site (the request came from ${ctx.origin})`,
      { domain: f.domain, origin: ctx.origin },
      -32000,
    );
  }
  if (f.address !== ctx.address) {
    throw new SolanaWalletError('SIWS_ADDRESS_MISMATCH', `Sign-in request names account ${f.address}, not ${ctx.address}`, { address: f.address }, -32602);
  }
  if (f.uri !== undefined && /^https?:\/\//i.test(f.uri)) {
    let uriOrigin = '';
    try {
      uriOrigin = new URL(f.uri).origin;
    } catch {
      throw invalid('"uri" is not a valid URL');
    }
    if (uriOrigin !== new URL(ctx.origin).origin) {
      throw new SolanaWalletError('SIWS_DOMAIN_MISMATCH', `Sign-in URI ${f.uri} is not on the requesting site ${ctx.origin}`, { uri: f.uri, origin: ctx.origin }, -32000);
    }
  }
}

function chainMatches(chainId: string, chain: SolanaChain): boolean {
  const short = chain.slice('solana:'.length);
  const id = chainId.trim().toLowerCase();
  return id === chain || id === short || (short === 'mainnet' && (id === 'mainnet-beta' || id === 'solana:mainnet-beta'));
}

function timingWarnings(f: SiwsFields, ctx: SiwsContext): SiwsWarning[] {
  const out: SiwsWarning[] = [];
  const now = ctx.now ?? Date.now();
  const t = (s: string | undefined): number | undefined => {
    if (s === undefined) return undefined;
    const v = Date.parse(s);
    return Number.isNaN(v) ? undefined : v;
  };
  const exp = t(f.expirationTime);
  if (exp !== undefined && exp <= now) out.push({ code: 'SIWS_EXPIRED', severity: 'danger', params: { expirationTime: f.expirationTime ?? '' } });
  const nbf = t(f.notBefore);
  if (nbf !== undefined && nbf > now) out.push({ code: 'SIWS_NOT_YET_VALID', severity: 'warning', params: { notBefore: f.notBefore ?? '' } });
  const iat = t(f.issuedAt);
  if (iat !== undefined && Math.abs(iat - now) > 10 * 60_000) out.push({ code: 'SIWS_ISSUED_AT_SKEW', severity: 'info', params: { issuedAt: f.issuedAt ?? '' } });
  if (f.chainId !== undefined && ctx.chain !== undefined && !chainMatches(f.chainId, ctx.chain)) {
    out.push({ code: 'SIWS_CHAIN_MISMATCH', severity: 'warning', params: { chainId: f.chainId, activeChain: ctx.chain } });
  }
  if (f.version !== undefined && f.version !== '1') out.push({ code: 'SIWS_UNKNOWN_VERSION', severity: 'info', params: { version: f.version } });
  if (f.uri !== undefined && !/^https?:\/\//i.test(f.uri)) out.push({ code: 'SIWS_URI_NOT_HTTP', severity: 'info', params: { uri: f.uri } });
  try {
    const u = new URL(ctx.origin);
    const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
    if (u.protocol !== 'https:' && !local) out.push({ code: 'INSECURE_ORIGIN', severity: 'warning', params: { origin: ctx.origin } });
  } catch {
    // origin already failed checkBinding
  }
  return out;
}

export interface PreparedSignIn {
  fields: SiwsFields;
  text: string;
  /** UTF-8 bytes to sign (the output's signedMessage). */
  message: Uint8Array;
  warnings: SiwsWarning[];
}

/**
 * Validates a solana:signIn input against the trusted request context and returns the message
 * to show and sign. Provided fields are kept verbatim (dApps re-derive the text from them);
 * domain and address are filled in only when absent.
 */
export function prepareSignIn(input: unknown, ctx: SiwsContext): PreparedSignIn {
  const i = readInput(input);
  const fields: SiwsFields = { domain: i.domain ?? originHost(ctx.origin), address: i.address ?? ctx.address };
  for (const k of OPTIONAL_KEYS) {
    const v = i[k];
    if (v !== undefined && v !== '') fields[k] = v;
  }
  if (i.resources !== undefined) fields.resources = [...i.resources];
  if (fields.domain === '') throw invalid('the requesting origin has no host');
  checkBinding(fields, ctx);
  const text = createSiwsMessageText(fields);
  // The dApp's verifySignIn parses the text back; make sure that works for these fields.
  const reparsed = parseSiwsMessageText(text);
  if (!reparsed || createSiwsMessageText(reparsed) !== text) throw invalid('these fields do not form a parseable sign-in message');
  return { fields, text, message: new TextEncoder().encode(text), warnings: timingWarnings(fields, ctx) };
}

/**
 * For plain signMessage text that uses the SIWS header: the parsed fields and warnings, throwing
 * on a domain/address binding failure. Returns undefined when the text is not SIWS-shaped.
 */
export function checkSiwsText(text: string, ctx: SiwsContext): { fields: SiwsFields; warnings: SiwsWarning[] } | undefined {
  if (!looksLikeSiws(text)) return undefined;
  const fields = parseSiwsMessageText(text);
  if (!fields) throw invalid('the message uses the sign-in header but is not a valid sign-in message');
  checkBinding(fields, ctx);
  return { fields, warnings: timingWarnings(fields, ctx) };
}
