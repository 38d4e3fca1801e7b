/**
 * Incoming TRON transfers from TronGrid's /v1/accounts/:a/transactions and /transactions/trc20
 * answers (TronGrid's documented shape: hex addresses in raw_data, base58 in TRC-20 events).
 * Addresses are converted with tronweb, independently of the wallet's own base58check.
 */
import { describe, expect, it } from 'vitest';
import { TronWeb } from 'tronweb';
import { incomingTrc20FromTronGrid, incomingTrxFromTronGrid, tronGridPaths } from '../../../src/families/tron/core/incoming';

const ME = 'TLsV52sRDL79HXGGm9yzwKibb6BeruhUzy';
const ALICE = 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8';
const USDT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const hex = (a: string): string => TronWeb.address.toHex(a);
const TXID = 'ab'.repeat(32);

function trxTx(owner: string, to: string, amount: number | bigint, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    txID: TXID,
    ret: [{ contractRet: 'SUCCESS', fee: 0 }],
    raw_data: { contract: [{ type: 'TransferContract', parameter: { type_url: 'type.googleapis.com/protocol.TransferContract', value: { amount, owner_address: hex(owner), to_address: hex(to) } } }], timestamp: 1_700_000_000_000 },
    block_timestamp: 1_700_000_003_000,
    blockNumber: 60_000_001,
    ...extra,
  };
}

describe('TRON incoming', () => {
  it('TRX received, with hex addresses as TronGrid gives them; exact large amounts', () => {
    expect(incomingTrxFromTronGrid({ success: true, data: [trxTx(ALICE, ME, 12_345_678)] }, ME)).toEqual([{ hash: TXID, from: ALICE, to: ME, value: 12_345_678n, token: null, status: 'confirmed', time: 1_700_000_003_000 }]);
    expect(incomingTrxFromTronGrid({ success: true, data: [trxTx(ALICE, ME, 99_000_000_000_000_000n)] }, ME)[0]!.value).toBe(99_000_000_000_000_000n);
  });

  it('skips the wallet’s own sends, other contract types, zero amounts; a failed one is marked failed', () => {
    const vote = { ...trxTx(ALICE, ME, 1), raw_data: { contract: [{ type: 'VoteWitnessContract', parameter: { value: {} } }] } };
    const failed = trxTx(ALICE, ME, 5, { ret: [{ contractRet: 'REVERT' }] });
    const out = incomingTrxFromTronGrid({ success: true, data: [trxTx(ME, ALICE, 5), trxTx(ME, ME, 5), vote, trxTx(ALICE, ME, 0), failed, null] }, ME);
    expect(out.map((t) => t.status)).toEqual(['failed']);
  });

  it('TRC-20 received: token, symbol and decimals from token_info', () => {
    const ev = { transaction_id: TXID, token_info: { symbol: 'USDT', address: USDT, decimals: 6, name: 'Tether USD' }, block_timestamp: 1_700_000_006_000, from: ALICE, to: ME, type: 'Transfer', value: '2500000' };
    expect(incomingTrc20FromTronGrid({ success: true, data: [ev, { ...ev, to: ALICE }, { ...ev, type: 'Approval' }, { ...ev, value: '-1' }] }, ME)).toEqual([
      { hash: TXID, from: ALICE, to: ME, value: 2_500_000n, token: USDT, status: 'confirmed', time: 1_700_000_006_000, decimals: 6, symbol: 'USDT' },
    ]);
  });

  it('refuses answers that are not TronGrid lists', () => {
    expect(() => incomingTrxFromTronGrid({ Error: 'x' }, ME)).toThrow(/no transaction list/);
    expect(() => incomingTrc20FromTronGrid({ success: false, data: [] }, ME)).toThrow(/refused/);
  });

  it('asks only for transfers to the account', () => {
    expect(tronGridPaths(ME, 20)).toEqual({ trx: `/v1/accounts/${ME}/transactions?only_to=true&limit=20`, trc20: `/v1/accounts/${ME}/transactions/trc20?only_to=true&limit=20` });
  });
});
