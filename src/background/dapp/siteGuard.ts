/**
 * No data to unconnected sites: one guard over everything the dApp pipeline sends to a page.
 * An origin without a grant for the family gets no address, account or network detail in an error
 * (address-like strings and chain references are blanked, `data` is dropped) and no event that
 * carries one. Generic by design: it does not know which method produced the text. (A 64-hex Aptos
 * address looks like any 32-byte hash and is left alone; the pipeline's errors never quote one.)
 */
import type { ProviderErrorShape } from '../../protocol/dapp';

const PATTERNS: readonly RegExp[] = [
  /0x[0-9a-fA-F]{40}\b/g, // EVM
  /\b(?:bc|tb|bcrt)1[02-9ac-hj-np-z]{6,87}\b/gi, // Bitcoin bech32
  /\b(?:PUB_K1_|EOS)[1-9A-HJ-NP-Za-km-z]{48,}/g, // EOS public keys
  /\b[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}\b/g, // Bitcoin base58
  /\b[1-9A-HJ-NP-Za-km-z]{32,60}\b/g, // Solana, TRON, Polkadot SS58 and other base58 keys
  /\b(?:solana|bip122|tron|eip155|bitcoin|aptos|polkadot|eos):[\w-]+/gi, // chain references
];

/** The text with every address-like string and chain reference replaced. */
export function redact(text: string): string {
  let out = text;
  for (const re of PATTERNS) out = out.replace(re, '[hidden]');
  return out;
}

/** True when any string inside `v` holds something `redact` would hide. */
export function carriesAccountData(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return redact(v) !== v;
  if (depth > 8 || v === null || typeof v !== 'object') return false;
  return Object.values(v as Record<string, unknown>).some((x) => carriesAccountData(x, depth + 1));
}

/** The error as an unconnected site may see it. */
export function errorForStranger(e: ProviderErrorShape): ProviderErrorShape {
  return { code: e.code, message: redact(e.message) };
}
