/**
 * Solana address input and recipient checks for the send screen: base58 of exactly 32 bytes with a
 * specific reason when not (characters outside base58, wrong length, an EVM/TRON address pasted),
 * on-curve for wallet keys, and warnings about the recipient's account (off-curve/PDA, a token
 * account or mint instead of a wallet, an executable program, the sender itself).
 */
import { PublicKey } from '@solana/web3.js';
import { base58 } from '@scure/base';
import type { RiskWarning } from '../../../core/risk/types.ts';
import { SolanaWalletError } from './errors.ts';
import { tokenProgramKind } from './programs.ts';
import type { SolanaAccountInfo } from './rpc.ts';

export type SolanaAddressProblem = 'empty' | 'evm_address' | 'tron_address' | 'invalid_characters' | 'wrong_length';

export type SolanaAddressCheck =
  | { ok: true; address: string; onCurve: boolean }
  | { ok: false; reason: SolanaAddressProblem; message: string };

/** Checks a typed or pasted address (surrounding whitespace is trimmed). */
export function checkSolanaAddress(input: string): SolanaAddressCheck {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return { ok: false, reason: 'empty', message: 'Enter a Solana address' };
  if (/^0x[0-9a-fA-F]{40}$/.test(text)) return { ok: false, reason: 'evm_address', message: 'This is an Ethereum-style (0x…) address, not a Solana address' };
  if (/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(text)) {
    // A 34-character T… string can also be a valid Solana key only if it decodes to 32 bytes; TRON's decode to 25.
    try {
      if (base58.decode(text).length === 25) return { ok: false, reason: 'tron_address', message: 'This is a TRON address, not a Solana address' };
    } catch {
      // fall through to the generic checks
    }
  }
  const bad = /[^1-9A-HJ-NP-Za-km-z]/.exec(text);
  if (bad) {
    const ch = bad[0];
    const hint = ch === '0' || ch === 'O' || ch === 'I' || ch === 'l' ? ` ("${ch}" is not used in base58; check for a typo)` : '';
    return { ok: false, reason: 'invalid_characters', message: `A Solana address contains only base58 characters${hint}` };
  }
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(text);
  } catch {
    return { ok: false, reason: 'invalid_characters', message: 'Not a valid base58 string' };
  }
  if (bytes.length !== 32) {
    return { ok: false, reason: 'wrong_length', message: `A Solana address is 32 bytes; this one decodes to ${bytes.length} bytes (incomplete or extra characters?)` };
  }
  // Canonical form: base58 of the bytes (rejects leading-"1" padding variants).
  const address = base58.encode(bytes);
  if (address !== text) return { ok: false, reason: 'wrong_length', message: 'Not a canonical Solana address (unexpected leading characters)' };
  return { ok: true, address, onCurve: PublicKey.isOnCurve(bytes) };
}

/** Like checkSolanaAddress but throws INVALID_ADDRESS naming the field. */
export function parseSolanaAddress(input: string, field = 'address'): { address: string; onCurve: boolean } {
  const c = checkSolanaAddress(input);
  if (!c.ok) throw new SolanaWalletError('INVALID_ADDRESS', `Invalid ${field}: ${c.message}`, { field, reason: c.reason });
  return { address: c.address, onCurve: c.onCurve };
}

/** A wallet's own signing address must be an ed25519 point (a PDA has no private key). */
export function parseWalletAddress(input: string, field = 'from'): string {
  const { address, onCurve } = parseSolanaAddress(input, field);
  if (!onCurve) throw new SolanaWalletError('INVALID_ADDRESS', `Invalid ${field}: not an ed25519 public key (off-curve addresses have no private key)`, { field, reason: 'off_curve' });
  return address;
}

export type RecipientWarningCode =
  | 'RECIPIENT_OFF_CURVE'
  | 'RECIPIENT_IS_TOKEN_ACCOUNT'
  | 'RECIPIENT_IS_MINT'
  | 'RECIPIENT_IS_PROGRAM'
  | 'RECIPIENT_NEW_ACCOUNT'
  | 'SELF_TRANSFER';

export type RecipientWarning = RiskWarning<RecipientWarningCode>;

/**
 * Warnings about a recipient given its account (null when it does not exist yet). Off-curve
 * addresses are valid (program-derived accounts can hold SOL and own token accounts), but a
 * person's wallet never is one, so the user is asked to double-check.
 */
export function recipientWarnings(p: { from: string; to: string; onCurve: boolean; account: SolanaAccountInfo | null }): RecipientWarning[] {
  const out: RecipientWarning[] = [];
  if (p.from === p.to) out.push({ code: 'SELF_TRANSFER', severity: 'info', params: { address: p.to } });
  if (!p.onCurve) out.push({ code: 'RECIPIENT_OFF_CURVE', severity: 'warning', params: { address: p.to } });
  const a = p.account;
  if (a === null) {
    out.push({ code: 'RECIPIENT_NEW_ACCOUNT', severity: 'info', params: { address: p.to } });
    return out;
  }
  if (a.executable) out.push({ code: 'RECIPIENT_IS_PROGRAM', severity: 'danger', params: { address: p.to } });
  if (tokenProgramKind(a.owner)) {
    const type = a.data.encoding === 'jsonParsed' && typeof a.data.parsed === 'object' && a.data.parsed !== null ? (a.data.parsed as { type?: unknown }).type : undefined;
    const isMint = type === 'mint' || (type === undefined && a.space === 82);
    out.push(
      isMint
        ? { code: 'RECIPIENT_IS_MINT', severity: 'danger', params: { address: p.to } }
        : { code: 'RECIPIENT_IS_TOKEN_ACCOUNT', severity: 'warning', params: { address: p.to } },
    );
  }
  return out;
}
