/**
 * Incoming APT from the node's deposit events: event and transaction JSON as the fullnode REST
 * API (/v1) returns them, addresses made by @aptos-labs/ts-sdk (the independent side).
 */
import { describe, expect, it } from 'vitest';
import { Account, Ed25519PrivateKey } from '@aptos-labs/ts-sdk';
import { depositsFromEvents, depositWindow, incomingFromTransaction } from '../../../src/families/aptos/core/incoming';

const me = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(`0x${'11'.repeat(32)}`) }).accountAddress.toStringLong();
const payer = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(`0x${'22'.repeat(32)}`) }).accountAddress.toStringLong();
const HASH = `0x${'ab'.repeat(32)}`;

const event = (version: string, amount: string, type = '0x1::coin::DepositEvent') => ({
  version,
  guid: { creation_number: '2', account_address: me },
  sequence_number: '0',
  type,
  data: { amount },
});
const tx = (version: string, sender: string, extra: Record<string, unknown> = {}) => ({
  version,
  hash: HASH,
  type: 'user_transaction',
  sender,
  success: true,
  vm_status: 'Executed successfully',
  timestamp: '1765015200123456',
  ...extra,
});

describe('Aptos incoming deposits', () => {
  it('starts at the newest events from the CoinStore counter', () => {
    const store = (counter: string) => ({ type: '0x1::coin::CoinStore<0x1::aptos_coin::AptosCoin>', data: { coin: { value: '1' }, deposit_events: { counter, guid: { id: { addr: me, creation_num: '2' } } } } });
    expect(depositWindow(store('3'), 25)).toEqual({ start: 0n, count: 3 });
    expect(depositWindow(store('100'), 25)).toEqual({ start: 75n, count: 25 });
    expect(depositWindow(null, 25)).toBeNull();
    expect(() => depositWindow(store('-1'), 25)).toThrow(/deposit counter/);
  });

  it('keeps deposits with their exact amounts; other events and zero amounts are dropped', () => {
    const got = depositsFromEvents([event('1001', '18446744073709551615'), event('1002', '0'), event('1003', '5', '0x1::coin::WithdrawEvent'), event('x', '5'), event('1004', '250000000', '0x1::coin::CoinDeposit')]);
    expect(got).toEqual([
      { version: '1001', amount: 18446744073709551615n },
      { version: '1004', amount: 250000000n },
    ]);
    expect(() => depositsFromEvents({ message: 'nope' })).toThrow(/no event list/);
  });

  it('a deposit from another account’s user transaction is a payment, with sender, hash and time', () => {
    const d = { version: '1001', amount: 150_000_000n };
    expect(incomingFromTransaction(tx('1001', payer), d, me)).toEqual({ hash: HASH, from: payer, to: me, value: 150_000_000n, token: null, status: 'confirmed', time: 1765015200123 });
    // The sender in short form is the same account; the wallet's own transaction is not a payment.
    expect(incomingFromTransaction(tx('1001', me.replace(/^0x0+/, '0x')), d, me)).toBeNull();
    expect(incomingFromTransaction(tx('1001', me), d, me)).toBeNull();
    // A version that is not the event's, or a block metadata / genesis transaction, is not read as one.
    expect(incomingFromTransaction(tx('1002', payer), d, me)).toBeNull();
    expect(incomingFromTransaction(tx('1001', payer, { type: 'block_metadata_transaction' }), d, me)).toBeNull();
    expect(incomingFromTransaction(tx('1001', payer, { hash: '0x12' }), d, me)).toBeNull();
  });
});
