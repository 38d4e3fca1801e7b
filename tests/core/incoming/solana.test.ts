/**
 * Incoming Solana transfers from getTransaction (jsonParsed) answers, in the shape the Solana RPC
 * documents (accountKeys objects with signer/writable, meta pre/post balances and token balances
 * with owner and uiTokenAmount). Keys are made with @solana/web3.js.
 */
import { describe, expect, it } from 'vitest';
import { Keypair } from '@solana/web3.js';
import { incomingFromSolanaTx, parseSignatureList } from '../../../src/families/solana/core/incoming';

const me = Keypair.generate().publicKey.toBase58();
const alice = Keypair.generate().publicKey.toBase58();
const myAta = Keypair.generate().publicKey.toBase58();
const aliceAta = Keypair.generate().publicKey.toBase58();
const mint = Keypair.generate().publicKey.toBase58();
const SIG = '5'.repeat(88);
const key = (pubkey: string, signer: boolean, writable = true): Record<string, unknown> => ({ pubkey, signer, writable, source: 'transaction' });
const tb = (accountIndex: number, owner: string, amount: string): Record<string, unknown> => ({ accountIndex, mint, owner, programId: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA', uiTokenAmount: { amount, decimals: 6, uiAmount: Number(amount) / 1e6, uiAmountString: String(Number(amount) / 1e6) } });

function tx(keys: Record<string, unknown>[], meta: Record<string, unknown>): Record<string, unknown> {
  return { slot: 10, blockTime: 1_700_000_000, version: 0, meta: { err: null, fee: 5000, ...meta }, transaction: { signatures: [SIG], message: { accountKeys: keys, instructions: [], recentBlockhash: '1'.repeat(32) } } };
}

describe('Solana incoming', () => {
  it('SOL received: the balance change of the account, the signer as sender', () => {
    const t = tx([key(alice, true), key(me, false), key('11111111111111111111111111111111', false, false)], { preBalances: [5_000_000_000, 0, 1], postBalances: [3_999_995_000, 1_000_000_000, 1] });
    expect(incomingFromSolanaTx(SIG, t, me)).toEqual([{ hash: SIG, from: alice, to: me, value: 1_000_000_000n, token: null, status: 'confirmed', time: 1_700_000_000_000 }]);
  });

  it('SPL received into the account’s token account (owner not among the keys): from the token balances', () => {
    const t = tx([key(alice, true), key(aliceAta, false), key(myAta, false)], {
      preBalances: [1, 2, 3],
      postBalances: [1, 2, 3],
      preTokenBalances: [tb(1, alice, '9000000'), tb(2, me, '1000000')],
      postTokenBalances: [tb(1, alice, '6500000'), tb(2, me, '3500000')],
    });
    expect(incomingFromSolanaTx(SIG, t, me)).toEqual([{ hash: SIG, from: alice, to: me, value: 2_500_000n, token: mint, decimals: 6, status: 'confirmed', time: 1_700_000_000_000 }]);
  });

  it('a new token account (no pre balance) counts from zero', () => {
    const t = tx([key(alice, true), key(myAta, false)], { preBalances: [1, 0], postBalances: [1, 2039280], preTokenBalances: [], postTokenBalances: [tb(1, me, '42')] });
    expect(incomingFromSolanaTx(SIG, t, me).map((x) => [x.token, x.value])).toEqual([[mint, 42n]]);
  });

  it('the wallet’s own transaction, a failed one, a decrease and malformed answers give nothing', () => {
    expect(incomingFromSolanaTx(SIG, tx([key(me, true), key(alice, false)], { preBalances: [10, 0], postBalances: [5, 5] }), me)).toEqual([]);
    expect(incomingFromSolanaTx(SIG, tx([key(alice, true), key(me, false)], { err: { InstructionError: [0, 'Custom'] }, preBalances: [10, 0], postBalances: [5, 5] }), me)).toEqual([]);
    expect(incomingFromSolanaTx(SIG, tx([key(alice, true), key(me, false)], { preBalances: [10, 9], postBalances: [15, 4] }), me)).toEqual([]);
    expect(incomingFromSolanaTx(SIG, null, me)).toEqual([]);
    expect(incomingFromSolanaTx(SIG, { meta: {}, transaction: {} }, me)).toEqual([]);
  });

  it('signature lists: well-formed entries only', () => {
    expect(parseSignatureList([{ signature: SIG, err: null, blockTime: 5, confirmationStatus: 'finalized', slot: 1 }, { signature: 'bad!' }, null])).toEqual([{ signature: SIG, err: null, blockTime: 5, confirmationStatus: 'finalized' }]);
    expect(() => parseSignatureList({})).toThrow(/no list/);
  });
});
