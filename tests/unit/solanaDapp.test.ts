/**
 * The pure parts of the Solana dApp handler: the approval window's description of a transaction
 * (instructions in words, simulated balance changes, or "not simulated"), the wallet's outgoing
 * transfers (risk engine / activity input), warning conversion, and the chain / send-option checks
 * that refuse requests before any window opens.
 */
import { describe, expect, it } from 'vitest';
import { Keypair, PublicKey, SystemProgram, TransactionMessage, VersionedTransaction } from '@solana/web3.js';
import { previewSolanaTransaction, type SolanaTransactionPreview } from '../../src/families/solana/core/preview';
import { describeInstruction, describeSimulation, outgoingTransfers, solOutflow, toApprovalWarnings, transactionDisplay } from '../../src/families/solana/background/display';
import { accountOf, checkChain, sendOptionsOf } from '../../src/families/solana/background/dappParams';
import { ProviderError } from '../../src/background/dapp/providerError';

const wallet = Keypair.generate().publicKey.toBase58();
const other = Keypair.generate().publicKey.toBase58();
const BLOCKHASH = '4vJ9JU1bJJE96FWSJKvHsmmFADCg4gpZQff4P3bkLKi';

function transfer(from: string, to: string, lamports: bigint): Uint8Array {
  const msg = new TransactionMessage({
    payerKey: new PublicKey(from),
    recentBlockhash: BLOCKHASH,
    instructions: [SystemProgram.transfer({ fromPubkey: new PublicKey(from), toPubkey: new PublicKey(to), lamports })],
  }).compileToV0Message();
  return new VersionedTransaction(msg).serialize();
}

describe('Solana approval display', () => {
  it('describes an offline preview: transfer in words, no simulation said plainly, JSON-safe', async () => {
    const p = await previewSolanaTransaction(null, transfer(wallet, other, 1_500_000_000n), { wallet });
    const d = transactionDisplay(p, wallet);
    expect(d.instructions).toEqual([`Transfer 1.5 SOL from ${wallet} to ${other}`]);
    expect(d['balance changes']).toMatch(/^Not simulated: the network did not answer/);
    expect(d['fee payer']).toBe(`${wallet} (you)`);
    expect(d.version).toBe('v0');
    expect(() => JSON.stringify(d)).not.toThrow();
  });

  it('lists simulated balance changes with the wallet first', () => {
    const p = {
      simulation: {
        status: 'ok',
        logs: [],
        balanceChanges: [
          { owner: other, asset: 'SOL', before: 0n, after: 250_000_000n, delta: 250_000_000n },
          { owner: wallet, asset: 'SOL', before: 1_000_000_000n, after: 749_995_000n, delta: -250_005_000n },
          { owner: wallet, asset: 'token', mint: 'Mint1111', decimals: 6, before: 5_000_000n, after: 4_000_000n, delta: -1_000_000n },
        ],
      },
    } as unknown as SolanaTransactionPreview;
    expect(describeSimulation(p, wallet)).toEqual(['You: -0.250005 SOL', 'You: -1 of token Mint1111', `${other}: +0.25 SOL`]);
    expect(describeSimulation({ simulation: { status: 'failed', err: 'x', errorText: 'InstructionError #0: Custom(1)', logs: [] } } as unknown as SolanaTransactionPreview, wallet)).toBe(
      'Simulation failed: InstructionError #0: Custom(1)',
    );
  });

  it('finds the outgoing SOL and token transfers of the wallet only', () => {
    const ixs = [
      { index: 0, programId: '1', type: 'systemTransfer', from: wallet, to: other, lamports: 5n },
      { index: 1, programId: '1', type: 'systemTransfer', from: other, to: wallet, lamports: 7n },
      { index: 2, programId: 'T', type: 'splTransfer', program: 'token', source: 'S', destination: 'D', authority: wallet, amount: 9n, mint: 'M', decimals: 2, checked: true },
    ] as const;
    const t = outgoingTransfers(ixs as never, wallet);
    expect(t).toEqual([
      { asset: 'SOL', to: other, amount: 5n },
      { asset: 'token', to: 'D', amount: 9n, mint: 'M', decimals: 2 },
    ]);
    expect(solOutflow(t)).toEqual({ lamports: 5n, to: other });
    expect(describeInstruction(ixs[2] as never)).toContain('Transfer 0.09 of token M from token account S to D');
  });

  it('converts core warnings (boolean params) to the approval shape', () => {
    expect(toApprovalWarnings([{ code: 'X', severity: 'danger', params: { unlimited: true, n: 3 } }])).toEqual([{ code: 'X', severity: 'danger', params: { unlimited: 'true', n: 3 } }]);
  });
});

describe('Solana request checks', () => {
  it('accepts the active chain or none, refuses others with -32602 naming both', () => {
    expect(() => checkChain(undefined, 'solana:localnet')).not.toThrow();
    expect(() => checkChain('solana:localnet', 'solana:localnet')).not.toThrow();
    const wrong = (() => {
      try {
        checkChain('solana:devnet', 'solana:localnet');
      } catch (e) {
        return e as ProviderError;
      }
    })();
    expect(wrong?.code).toBe(-32602);
    expect(wrong?.message).toMatch(/solana:devnet.*solana:localnet/);
    expect(() => checkChain('eip155:1', 'solana:mainnet')).toThrow(/unsupported chain/);
  });

  it('validates send options', () => {
    expect(sendOptionsOf({ skipPreflight: true, preflightCommitment: 'processed', maxRetries: 2, minContextSlot: 10 })).toEqual({ skipPreflight: true, preflightCommitment: 'processed', maxRetries: 2, minContextSlot: 10 });
    expect(sendOptionsOf({ commitment: 'finalized' })).toEqual({ preflightCommitment: 'finalized' });
    expect(() => sendOptionsOf({ maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => sendOptionsOf({ commitment: 'max' })).toThrow(/commitment/);
  });

  it('encodes an account for the page (base64 public key)', () => {
    expect(accountOf(wallet)).toEqual({ address: wallet, publicKey: Buffer.from(new PublicKey(wallet).toBytes()).toString('base64') });
  });
});
