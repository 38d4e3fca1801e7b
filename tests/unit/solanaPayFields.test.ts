/**
 * The Solana Pay fields a pasted transfer request hands to prepareChainSend (`extra`): checked again
 * in the worker, so a popup (or anything posing as one) cannot slip in a bad key, a 17th reference,
 * an oversized memo or an unknown field; the review lines show label, message, memo and references.
 */
import { describe, expect, it } from 'vitest';
import { Keypair } from '@solana/web3.js';
import { readSolanaPayFields, solanaPayDetails, solanaPayOptions } from '../../src/families/solana/background/payFields';
import { parseSolanaPay } from '../../src/families/solana/core/paymentUri';

const key = (): string => Keypair.generate().publicKey.toBase58();
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

describe('Solana Pay send fields', () => {
  it('carry exactly what the spec example link asks (memo, label, message, references in order)', () => {
    const refs = [key(), key()];
    const link = parseSolanaPay(`solana:mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN?amount=1&reference=${refs[0]}&reference=${refs[1]}&label=Michael&message=Thanks%20for%20all%20the%20fish&memo=OrderId1234`);
    if (link.kind !== 'transfer') throw new Error('transfer expected');
    const fields = readSolanaPayFields({ references: link.references.join(','), memo: link.memo!, label: link.label!, message: link.message! });
    expect(fields).toEqual({ references: refs, memo: 'OrderId1234', label: 'Michael', message: 'Thanks for all the fish' });
    expect(solanaPayOptions(fields)).toEqual({ references: refs, memo: 'OrderId1234' });
    expect(solanaPayDetails(fields)).toEqual({ payLabel: 'Michael', payMessage: 'Thanks for all the fish', memo: 'OrderId1234', reference: refs.join('\n') });
  });

  it('no fields: no references, no review lines', () => {
    expect(readSolanaPayFields(undefined)).toEqual({ references: [] });
    expect(readSolanaPayFields({})).toEqual({ references: [] });
    expect(solanaPayDetails({ references: [] })).toEqual({});
  });

  it('refuses bad keys, duplicates, too many, an oversized memo, control characters, unknown fields', () => {
    const k = key();
    expect(code(() => readSolanaPayFields({ references: 'not-a-key' }))).toBe('INVALID_PAY_FIELD');
    expect(code(() => readSolanaPayFields({ references: `${k},${k}` }))).toBe('INVALID_PAY_FIELD');
    expect(code(() => readSolanaPayFields({ references: Array.from({ length: 17 }, key).join(',') }))).toBe('INVALID_PAY_FIELD');
    expect(code(() => readSolanaPayFields({ memo: 'x'.repeat(567) }))).toBe('INVALID_PAY_FIELD');
    expect(code(() => readSolanaPayFields({ label: 'Shop\u202E' }))).toBe('INVALID_PAY_FIELD');
    expect(code(() => readSolanaPayFields({ memo: true }))).toBe('INVALID_PAY_FIELD');
    expect(code(() => readSolanaPayFields({ amount: '5' }))).toBe('INVALID_PAY_FIELD');
    expect(readSolanaPayFields({ memo: '备注'.repeat(94) }).memo).toHaveLength(188); // 564 UTF-8 bytes: fits
  });
});
