/**
 * Incoming EOS transfers from the history plugin's get_actions answer (its v1 shape: the same
 * transfer appears once per notified receiver). Quantities are written by @wharfkit/antelope's
 * Asset (the independent side).
 */
import { describe, expect, it } from 'vitest';
import { Asset } from '@wharfkit/antelope';
import { getActionsBody, incomingFromActions } from '../../../src/families/eos/core/incoming';

const ME = 'walletalice1';
const TRX = 'c0ffee'.padEnd(64, '0');
const NATIVE = { contract: 'eosio.token', symbol: 'EOS' };

const action = (receiver: string, account: string, data: Record<string, unknown>, blockNum = 100, trx = TRX) => ({
  global_action_seq: 1,
  account_action_seq: 1,
  block_num: blockNum,
  block_time: '2026-12-06T10:00:00.500',
  action_trace: {
    receiver,
    act: { account, name: 'transfer', authorization: [{ actor: String(data.from), permission: 'active' }], data, hex_data: '' },
    trx_id: trx,
    block_num: blockNum,
    block_time: '2026-12-06T10:00:00.500',
  },
});

describe('EOS incoming transfers (history get_actions)', () => {
  it('asks for the newest actions', () => {
    expect(getActionsBody(ME, 50)).toEqual({ account_name: ME, pos: -1, offset: -49 });
  });

  it('counts one EOS transfer to the account once, pending until irreversible', () => {
    const data = { from: 'payerbob1111', to: ME, quantity: Asset.from('12.3456 EOS').toString(), memo: 'coffee' };
    const answer = {
      actions: [action('eosio.token', 'eosio.token', data), action('payerbob1111', 'eosio.token', data), action(ME, 'eosio.token', data), action(ME, 'eosio.token', { ...data, quantity: Asset.from('1.0000 EOS').toString() }, 120, 'd'.repeat(64))],
      last_irreversible_block: 110,
    };
    expect(incomingFromActions(answer, ME, [], NATIVE)).toEqual([
      { hash: TRX, from: 'payerbob1111', to: ME, value: 123456n, token: null, status: 'confirmed', time: Date.UTC(2026, 11, 6, 10, 0, 0, 500), symbol: 'EOS', decimals: 4 },
      { hash: 'd'.repeat(64), from: 'payerbob1111', to: ME, value: 10000n, token: null, status: 'pending', time: Date.UTC(2026, 11, 6, 10, 0, 0, 500), symbol: 'EOS', decimals: 4 },
    ]);
  });

  it('a token counts only from the contract the user added; a look-alike "EOS" of another contract is spam', () => {
    const fake = { from: 'spammer11111', to: ME, quantity: '1000.0000 EOS', memo: 'claim your airdrop' };
    const real = { from: 'payerbob1111', to: ME, quantity: Asset.from('5.00 USDT').toString(), memo: '' };
    const answer = { actions: [action(ME, 'fakeeostoken', fake), action(ME, 'tethertether', real, 100, 'e'.repeat(64)), action(ME, 'othercontrac', real, 100, 'f'.repeat(64))], last_irreversible_block: 200 };
    expect(incomingFromActions(answer, ME, [], NATIVE)).toEqual([]);
    const got = incomingFromActions(answer, ME, [{ contract: 'tethertether', symbol: 'USDT' }], NATIVE);
    expect(got.map((t) => [t.hash, t.token, t.value, t.decimals])).toEqual([['e'.repeat(64), 'tethertether:USDT', 500n, 2]]);
  });

  it('skips what it must not misread: own sends, other recipients, bad quantities; refuses a non-history answer', () => {
    const answer = {
      actions: [
        action(ME, 'eosio.token', { from: ME, to: 'payerbob1111', quantity: '1.0000 EOS', memo: '' }),
        action(ME, 'eosio.token', { from: 'payerbob1111', to: 'someoneelse1', quantity: '1.0000 EOS', memo: '' }),
        action(ME, 'eosio.token', { from: 'payerbob1111', to: ME, quantity: '1e4 EOS', memo: '' }),
        action(ME, 'eosio.token', { from: 'payerbob1111', to: ME, quantity: '-1.0000 EOS', memo: '' }),
        action(ME, 'eosio.token', { from: 'payerbob1111', to: ME, quantity: '1.0000 EOS', memo: '' }, 100, 'not-a-trx-id'),
      ],
      last_irreversible_block: 200,
    };
    expect(incomingFromActions(answer, ME, [], NATIVE)).toEqual([]);
    expect(() => incomingFromActions({ error: { code: 404 } }, ME, [], NATIVE)).toThrow(/history/);
  });
});
