/**
 * Submitting a signed Solana transaction and following it to confirmation: send through the RPC
 * (preflight on by default), check the node echoes the transaction's own signature, then poll
 * getSignatureStatuses until the wanted commitment, an on-chain error, or blockhash expiry.
 */
import { SolanaWalletError } from './errors.ts';
import type { Commitment, SendOptions, SolanaRpc } from './rpc.ts';
import { parseWireTransaction, transactionSignature } from './wire.ts';

/** Sends fully signed wire bytes; returns the transaction signature (base58). */
export async function sendSolanaTransaction(rpc: SolanaRpc, signedTransaction: Uint8Array, options: SendOptions = {}): Promise<string> {
  const parsed = parseWireTransaction(signedTransaction);
  if (parsed.signatures.some((s) => s.every((b) => b === 0))) {
    throw new SolanaWalletError('MALFORMED_TRANSACTION', 'The transaction is missing a required signature');
  }
  const expected = transactionSignature(parsed);
  const returned = await rpc.sendTransaction(signedTransaction, options);
  // The id is the fee payer's signature; a node answering something else is not to be trusted.
  if (returned !== expected) throw new SolanaWalletError('MALFORMED_TRANSACTION', `The RPC returned signature ${returned}, expected ${expected}`);
  return expected;
}

export type ConfirmationResult =
  | { status: 'confirmed'; commitment: Commitment; slot: bigint }
  | { status: 'failed'; err: unknown; slot: bigint }
  | { status: 'expired' }
  | { status: 'timeout' };

export interface ConfirmOptions {
  commitment?: Commitment;
  /** From the blockhash used: past this block height the transaction can no longer land. */
  lastValidBlockHeight?: bigint;
  timeoutMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const RANK: Readonly<Record<Commitment, number>> = { processed: 0, confirmed: 1, finalized: 2 };

export async function confirmSolanaTransaction(rpc: SolanaRpc, signature: string, options: ConfirmOptions = {}): Promise<ConfirmationResult> {
  const want = options.commitment ?? 'confirmed';
  const timeoutMs = options.timeoutMs ?? 90_000;
  const pollMs = options.pollMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [status] = await rpc.getSignatureStatuses([signature]);
    if (status) {
      if (status.err !== null && status.err !== undefined) return { status: 'failed', err: status.err, slot: status.slot };
      const reached = status.confirmationStatus ?? (status.confirmations === null ? 'finalized' : 'processed');
      if (RANK[reached] >= RANK[want]) return { status: 'confirmed', commitment: reached, slot: status.slot };
    } else if (options.lastValidBlockHeight !== undefined) {
      const height = await rpc.getBlockHeight(want === 'processed' ? 'confirmed' : want);
      if (height > options.lastValidBlockHeight) return { status: 'expired' };
    }
    if (Date.now() >= deadline) return { status: 'timeout' };
    await sleep(pollMs);
  }
}
