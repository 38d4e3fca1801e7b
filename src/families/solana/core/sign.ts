/**
 * Solana signing with the account's ed25519 key (32-byte seed): transactions given as wire bytes
 * (legacy or v0; only when the account is a required signer, exact message bytes signed, other
 * signers' slots untouched), off-chain messages (raw bytes, size-limited, refused when they parse
 * as a transaction or as a SIWS message for another site), and Sign-In With Solana.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { base58 } from '@scure/base';
import type { RiskWarning } from '../../../core/risk/types.ts';
import { SolanaWalletError } from './errors.ts';
import { checkSiwsText, prepareSignIn, type SiwsContext, type SiwsFields, type SiwsWarning } from './siws.ts';
import { parseMessageBytes, parseWireTransaction, serializeWireTransaction, type ParsedWireTransaction } from './wire.ts';

/** Largest off-chain message accepted by signMessage. */
export const MAX_SIGN_MESSAGE_BYTES = 64 * 1024;

function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 32) {
    throw new SolanaWalletError('INVALID_SECRET_KEY', 'A Solana signing key is a 32-byte ed25519 seed');
  }
  return ed25519.getPublicKey(secretKey);
}

/** The base58 address of a 32-byte ed25519 seed. */
export function solanaAddressOfSecret(secretKey: Uint8Array): string {
  return base58.encode(publicKeyOf(secretKey));
}

export interface SignedSolanaTransaction {
  /** Full wire bytes with this account's signature in its slot. */
  signedTransaction: Uint8Array;
  /** This account's 64-byte signature. */
  signature: Uint8Array;
  signerIndex: number;
  /** True when every required signature slot is now filled. */
  fullySigned: boolean;
  /** Base58 of the first signature (the transaction id once the fee payer signed). */
  transactionId: string;
}

function isZero(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0);
}

/** Where `address` must sign in a parsed transaction, or a NOT_A_SIGNER refusal. */
export function signerIndexOf(parsed: ParsedWireTransaction, address: string): number {
  const index = parsed.requiredSigners.indexOf(address);
  if (index < 0) {
    throw new SolanaWalletError(
      'NOT_A_SIGNER',
      `This transaction does not need a signature from ${address}; the wallet only signs transactions its account must sign`,
      { address },
    );
  }
  return index;
}

/**
 * Signs wire bytes (solana:signTransaction / signAndSendTransaction). Refuses malformed bytes,
 * unsupported versions, oversized transactions and transactions this key is not a required
 * signer of. The message bytes are signed exactly as received.
 */
export function signSolanaTransaction(transaction: Uint8Array, secretKey: Uint8Array): SignedSolanaTransaction {
  const parsed = parseWireTransaction(transaction);
  const publicKey = publicKeyOf(secretKey);
  const signerIndex = signerIndexOf(parsed, base58.encode(publicKey));
  const signature = ed25519.sign(parsed.messageBytes, secretKey);
  const signatures = parsed.signatures.map((s, i) => (i === signerIndex ? signature : s));
  return {
    signedTransaction: serializeWireTransaction(signatures, parsed.messageBytes),
    signature,
    signerIndex,
    fullySigned: signatures.every((s) => !isZero(s)),
    transactionId: base58.encode(signatures[0] as Uint8Array),
  };
}

/** Checks every filled signature slot against its signer (other parties' signatures included). */
export function verifyTransactionSignatures(transaction: Uint8Array): { index: number; signer: string; status: 'valid' | 'invalid' | 'missing' }[] {
  const parsed = parseWireTransaction(transaction);
  return parsed.signatures.map((sig, index) => {
    const signer = parsed.requiredSigners[index] as string;
    if (isZero(sig)) return { index, signer, status: 'missing' as const };
    const ok = ed25519.verify(sig, parsed.messageBytes, base58.decode(signer));
    return { index, signer, status: ok ? ('valid' as const) : ('invalid' as const) };
  });
}

export type MessageDisplay = { kind: 'text'; text: string } | { kind: 'hex'; hex: string; byteLength: number };

export interface SignMessageRequest {
  message: Uint8Array;
  display: MessageDisplay;
  /** Present when the text is a SIWS message (then already bound to the origin). */
  siws?: SiwsFields;
  warnings: (SiwsWarning | RiskWarning<'NON_TEXT_MESSAGE'>)[];
}

function displayOf(message: Uint8Array): MessageDisplay {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(message);
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text)) return { kind: 'text', text };
  } catch {
    // not UTF-8
  }
  let hex = '';
  for (const b of message) hex += b.toString(16).padStart(2, '0');
  return { kind: 'hex', hex, byteLength: message.length };
}

function parsesAsTransaction(message: Uint8Array): boolean {
  for (const attempt of [parseWireTransaction, parseMessageBytes]) {
    try {
      attempt(message);
      return true;
    } catch {
      // not this shape
    }
  }
  return false;
}

/**
 * Validates a solana:signMessage request before it is shown: non-empty, at most 64 KiB, not a
 * transaction or transaction message (signing one would authorize it), and SIWS-shaped text must
 * name the requesting site and account.
 */
export function prepareSignMessage(message: unknown, ctx: SiwsContext): SignMessageRequest {
  if (!(message instanceof Uint8Array)) throw new SolanaWalletError('INVALID_MESSAGE', 'The message must be a Uint8Array');
  if (message.length === 0) throw new SolanaWalletError('INVALID_MESSAGE', 'The message is empty');
  if (message.length > MAX_SIGN_MESSAGE_BYTES) {
    throw new SolanaWalletError('MESSAGE_TOO_LONG', `The message is ${message.length} bytes; at most ${MAX_SIGN_MESSAGE_BYTES} can be signed`, { size: message.length });
  }
  if (parsesAsTransaction(message)) {
    throw new SolanaWalletError('MESSAGE_IS_TRANSACTION', 'Refusing to sign: these bytes are a Solana transaction, and signing them as a message would authorize it');
  }
  const display = displayOf(message);
  const warnings: SignMessageRequest['warnings'] = [];
  let siws: SiwsFields | undefined;
  if (display.kind === 'text') {
    const checked = checkSiwsText(display.text, ctx);
    if (checked) {
      siws = checked.fields;
      warnings.push(...checked.warnings);
    }
  } else {
    warnings.push({ code: 'NON_TEXT_MESSAGE', severity: 'warning', params: { byteLength: message.length } });
  }
  return { message: message.slice(), display, ...(siws ? { siws } : {}), warnings };
}

/** ed25519 signature over the raw message bytes (what Wallet Standard dApps verify). */
export function signSolanaMessage(message: Uint8Array, secretKey: Uint8Array): { signedMessage: Uint8Array; signature: Uint8Array } {
  publicKeyOf(secretKey);
  return { signedMessage: message.slice(), signature: ed25519.sign(message, secretKey) };
}

/** solana:signIn: builds the SIWS text for this origin and account, then signs it. */
export function signInWithSolana(input: unknown, ctx: SiwsContext, secretKey: Uint8Array): { signedMessage: Uint8Array; signature: Uint8Array; fields: SiwsFields } {
  if (solanaAddressOfSecret(secretKey) !== ctx.address) {
    throw new SolanaWalletError('SIWS_ADDRESS_MISMATCH', 'The signing key does not belong to the sign-in account');
  }
  const prepared = prepareSignIn(input, ctx);
  return { ...signSolanaMessage(prepared.message, secretKey), fields: prepared.fields };
}
