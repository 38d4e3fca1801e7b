/**
 * Off-chain signatures. aptos:signMessage (AIP-62) signs the UTF-8 "full message": "APTOS", then
 * the address / application / chainId lines the dApp asked for, then "message: …" and "nonce: …"
 * (the order Petra, the identity-connect wallet API and Trezor's firmware use). aptos:signIn (AIP-116,
 * Sign in with Aptos) signs the EIP-4361-style text behind the "SIGN_IN_WITH_APTOS::" domain hash,
 * and its domain must be the requesting site's. Both are checked before any window opens.
 */
import { sha3_256 } from '@noble/hashes/sha3.js';
import { concatBytes, utf8ToBytes } from '../../../core/derive/bytes.ts';
import { AptosError, malformed } from './errors.ts';

export const MAX_MESSAGE_CHARS = 16 * 1024;
const MAX_NONCE_CHARS = 256;

export interface SignMessageInput {
  address?: boolean;
  application?: boolean;
  chainId?: boolean;
  message: string;
  nonce: string;
}

export interface SignMessageContext {
  address: string;
  /** The requesting site's origin (from the browser, never the page). */
  application: string;
  chainId: number;
}

export interface FullMessage {
  prefix: 'APTOS';
  fullMessage: string;
  message: string;
  nonce: string;
  address?: string;
  application?: string;
  chainId?: number;
}

const flag = (v: unknown, name: string): boolean => {
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw malformed(`${name} must be true or false`);
  return v;
};

/** Validates a page's signMessage input (untrusted) into the full message the wallet signs. */
export function buildFullMessage(input: unknown, ctx: SignMessageContext): FullMessage {
  if (typeof input !== 'object' || input === null) throw malformed('signMessage takes { message, nonce, address?, application?, chainId? }');
  const i = input as Record<string, unknown>;
  if (typeof i.message !== 'string') throw malformed('message must be a string');
  if (typeof i.nonce !== 'string' || i.nonce.length === 0) throw malformed('nonce must be a non-empty string');
  if (i.message.length > MAX_MESSAGE_CHARS) throw new AptosError('MESSAGE_TOO_LONG', `The message is ${i.message.length} characters; at most ${MAX_MESSAGE_CHARS} can be signed`);
  if (i.nonce.length > MAX_NONCE_CHARS) throw new AptosError('MESSAGE_TOO_LONG', `The nonce is ${i.nonce.length} characters; at most ${MAX_NONCE_CHARS} are accepted`);
  // The nonce ends the message: a line break in it could append lines that look like wallet fields.
  if (/[\r\n]/.test(i.nonce)) throw malformed('nonce must be a single line');
  const out: FullMessage = { prefix: 'APTOS', fullMessage: '', message: i.message, nonce: i.nonce };
  let text = 'APTOS\n';
  if (flag(i.address, 'address')) {
    out.address = ctx.address;
    text += `address: ${ctx.address}\n`;
  }
  if (flag(i.application, 'application')) {
    out.application = ctx.application;
    text += `application: ${ctx.application}\n`;
  }
  if (flag(i.chainId, 'chainId')) {
    out.chainId = ctx.chainId;
    text += `chainId: ${ctx.chainId}\n`;
  }
  text += `message: ${i.message}\nnonce: ${i.nonce}`;
  out.fullMessage = text;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sign in with Aptos (AIP-116)

export interface SignInInput {
  domain: string;
  nonce: string;
  address?: string;
  uri?: string;
  version?: string;
  statement?: string;
  chainId?: string;
  issuedAt?: string;
  expirationTime?: string;
  notBefore?: string;
  requestId?: string;
  resources?: string[];
}

export interface SignInContext {
  origin: string;
  address: string;
  /** The wallet-standard network name ("mainnet", "testnet", "local"…). */
  network: string;
}

const OPTIONAL_TEXT = ['statement', 'version', 'uri', 'chainId', 'issuedAt', 'expirationTime', 'notBefore', 'requestId', 'address'] as const;

/**
 * Validates the page's SIWA input against the requesting origin and fills the bound fields (domain,
 * address, uri, version, chainId) the way the standard's output reports them.
 */
export function prepareSignIn(input: unknown, ctx: SignInContext): { input: SignInInput & { domain: string; address: string; uri: string; version: string; chainId: string }; text: string } {
  if (typeof input !== 'object' || input === null) throw malformed('signIn takes an AptosSignInInput object');
  const i = input as Record<string, unknown>;
  const origin = new URL(ctx.origin);
  if (typeof i.nonce !== 'string' || i.nonce.length === 0 || i.nonce.length > MAX_NONCE_CHARS) throw malformed('nonce must be a non-empty string of at most 256 characters');
  for (const k of OPTIONAL_TEXT) {
    const v = i[k];
    if (v !== undefined && (typeof v !== 'string' || v.length > 1024 || (k !== 'statement' && /[\r\n]/.test(v)))) throw malformed(`${k} must be a single-line string`);
  }
  if (typeof i.statement === 'string' && /[\r\n]/.test(i.statement)) throw malformed('statement must not contain line breaks');
  const domain = i.domain === undefined ? origin.host : i.domain;
  if (typeof domain !== 'string' || domain !== origin.host) throw new AptosError('MALFORMED', `The sign-in request is for ${JSON.stringify(String(domain).slice(0, 100))}, but the requesting site is ${origin.host}`);
  if (typeof i.address === 'string' && i.address.toLowerCase() !== ctx.address) throw malformed('address is not the connected account');
  if (typeof i.uri === 'string') {
    let u: URL;
    try {
      u = new URL(i.uri);
    } catch {
      throw malformed('uri is not a valid URL');
    }
    if (u.origin !== origin.origin) throw malformed(`uri ${i.uri.slice(0, 100)} is not on the requesting site`);
  }
  if (i.chainId !== undefined && i.chainId !== ctx.network) throw new AptosError('CHAIN_MISMATCH', `The sign-in request is for ${String(i.chainId)}, but the wallet is on ${ctx.network}`);
  const resources = i.resources === undefined ? undefined : i.resources;
  if (resources !== undefined && (!Array.isArray(resources) || resources.length > 32 || resources.some((r) => typeof r !== 'string' || /[\r\n]/.test(r) || r.length > 1024))) throw malformed('resources must be a list of single-line strings');
  const bound = { ...(i as unknown as SignInInput), domain, address: ctx.address, uri: typeof i.uri === 'string' ? i.uri : ctx.origin, version: typeof i.version === 'string' ? i.version : '1', chainId: typeof i.chainId === 'string' ? i.chainId : ctx.network };
  let text = `${bound.domain} wants you to sign in with your Aptos account:\n${bound.address}`;
  if (bound.statement) text += `\n\n${bound.statement}`;
  const fields = [`URI: ${bound.uri}`, `Version: ${bound.version}`, `Chain ID: ${bound.chainId}`, `Nonce: ${bound.nonce}`];
  if (bound.issuedAt) fields.push(`Issued At: ${bound.issuedAt}`);
  if (bound.expirationTime) fields.push(`Expiration Time: ${bound.expirationTime}`);
  if (bound.notBefore) fields.push(`Not Before: ${bound.notBefore}`);
  if (bound.requestId) fields.push(`Request ID: ${bound.requestId}`);
  if (resources?.length) fields.push(`Resources:\n${(resources as string[]).map((r) => `- ${r}`).join('\n')}`);
  text += `\n\n${fields.join('\n')}`;
  return { input: bound, text };
}

/** The bytes a SIWA signature covers: sha3-256("SIGN_IN_WITH_APTOS::") || UTF-8 text. */
export function signInSigningMessage(text: string): Uint8Array {
  return concatBytes(sha3_256(utf8ToBytes('SIGN_IN_WITH_APTOS::')), utf8ToBytes(text));
}
