/**
 * EOS risk facts and account discovery (pure core), and the core's transfer end to end against the
 * VeRT-backed node: built, signed and pushed by the wallet's code, applied by eosio.token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivateKey } from '@wharfkit/antelope';
import { lookalikeAccounts, memoWarnings, newLookalikeWarnings, ownerPermissionWarnings, permissionWarnings, unknownContractWarnings } from '../../../src/families/eos/core/risk';
import { accountsFromAuthorizers, orderPermissions, permissionsForKey } from '../../../src/families/eos/core/accounts';
import { resourceShortfall, resourcesOf } from '../../../src/families/eos/core/resources';
import { buildTransaction, taposHeader, transferAction } from '../../../src/families/eos/core/transaction';
import { signTransaction } from '../../../src/families/eos/core/sign';
import { parseEosPrivateKey } from '../../../src/families/eos/core/keyString';
import { startEosNode, type EosTestNode } from '../../support/eosNode';

const auth = (permission: string) => [{ actor: 'alice', permission }];

describe('EOS risk facts', () => {
  it('updateauth / deleteauth / linkauth on owner or active are danger', () => {
    const w = permissionWarnings([
      { account: 'eosio', name: 'updateauth', authorization: auth('owner'), data: { account: 'alice', permission: 'active', parent: 'owner', auth: {} } },
      { account: 'eosio', name: 'deleteauth', authorization: auth('active'), data: { account: 'alice', permission: 'owner' } },
      { account: 'eosio', name: 'linkauth', authorization: auth('active'), data: { account: 'alice', code: 'eosio.token', type: 'transfer', requirement: 'active' } },
      { account: 'eosio', name: 'linkauth', authorization: auth('active'), data: { account: 'alice', code: 'game', type: 'play', requirement: 'gaming' } },
      { account: 'eosio.token', name: 'transfer', authorization: auth('active'), data: {} },
    ]);
    expect(w.map((x) => [x.code, x.severity, x.params.action])).toEqual([
      ['EOS_PERMISSION_CHANGE', 'danger', 'updateauth'],
      ['EOS_PERMISSION_CHANGE', 'danger', 'deleteauth'],
      ['EOS_PERMISSION_CHANGE', 'danger', 'linkauth'],
      ['EOS_PERMISSION_CHANGE', 'warning', 'linkauth'],
    ]);
  });

  it('flags contracts never used, once each, and not the system ones', () => {
    const a = (account: string) => ({ account, name: 'x', authorization: auth('active'), data: {} });
    expect(unknownContractWarnings([a('eosio.token'), a('newgame'), a('newgame'), a('oldfriend')], new Set(['oldfriend'])).map((w) => w.params.contract)).toEqual(['newgame']);
  });

  it('asks for a memo when the recipient is an exchange deposit account', () => {
    expect(memoWarnings('binancecleos', '')).toEqual([{ code: 'EOS_MEMO_REQUIRED', severity: 'danger', params: { account: 'binancecleos' } }]);
    expect(memoWarnings('binancecleos', '1234')).toEqual([]);
    expect(memoWarnings('bob', '')).toEqual([]);
  });

  it('warns about look-alike recipients, danger when newly created', () => {
    expect(lookalikeAccounts('binancec1eos', ['binancecleos', 'bob'])).toEqual(['binancecleos']);
    expect(lookalikeAccounts('a.lice', ['alice'])).toEqual(['alice']);
    expect(lookalikeAccounts('carol', ['alice'])).toEqual([]);
    const now = Date.UTC(2026, 11, 6);
    expect(newLookalikeWarnings('binancec1eos', now - 86_400_000, ['binancecleos'], now)[0]).toMatchObject({ severity: 'danger', params: { newAccount: true } });
    expect(newLookalikeWarnings('binancec1eos', now - 400 * 86_400_000, ['binancecleos'], now)[0]).toMatchObject({ severity: 'warning' });
    expect(ownerPermissionWarnings('owner')[0]?.code).toBe('EOS_OWNER_PERMISSION');
    expect(ownerPermissionWarnings('active')).toEqual([]);
  });

  it('explains a CPU or NET shortfall from get_account numbers', () => {
    const r = resourcesOf({ cpu_limit: { used: 990, available: 10, max: 1000 }, net_limit: { used: 0, available: 5000, max: 5000 }, ram_usage: 3000, ram_quota: 8000 });
    expect(resourceShortfall(r)).toEqual({ resource: 'cpu', needed: 400, available: 10 });
    expect(resourceShortfall(resourcesOf({ cpu_limit: { used: 0, available: 5000, max: 5000 }, net_limit: { used: 100, available: 20, max: 120 } }))?.resource).toBe('net');
    expect(resourceShortfall(resourcesOf({ cpu_limit: { used: 0, available: -1, max: -1 }, net_limit: { used: 0, available: -1, max: -1 } }))).toBeNull();
  });
});

describe('EOS accounts of a key', () => {
  const key = PrivateKey.generate('K1').toPublic();
  it('reads get_accounts_by_authorizers rows in either key format, dropping partial weights', () => {
    const rows = { accounts: [
      { account_name: 'alice', permission_name: 'active', authorizing_key: key.toLegacyString(), weight: 1, threshold: 1 },
      { account_name: 'alice', permission_name: 'owner', authorizing_key: key.toString(), weight: 1, threshold: 1 },
      { account_name: 'multisig', permission_name: 'active', authorizing_key: key.toString(), weight: 1, threshold: 2 },
      { account_name: 'other', permission_name: 'active', authorizing_key: PrivateKey.generate('K1').toPublic().toString(), weight: 1, threshold: 1 },
    ] };
    expect(accountsFromAuthorizers(rows, key.toString())).toEqual([{ account: 'alice', permission: 'active' }, { account: 'alice', permission: 'owner' }]);
    expect(accountsFromAuthorizers({ nope: 1 }, key.toString())).toEqual([]);
  });

  it('checks a typed account against its permissions', () => {
    const account = { permissions: [
      { perm_name: 'owner', required_auth: { threshold: 1, keys: [{ key: key.toLegacyString(), weight: 1 }] } },
      { perm_name: 'active', required_auth: { threshold: 2, keys: [{ key: key.toString(), weight: 1 }] } },
    ] };
    expect(permissionsForKey(account, key.toString())).toEqual(['owner']);
    expect(orderPermissions(['owner', 'custom', 'active'])).toEqual(['active', 'owner', 'custom']);
  });
});

describe('EOS transfer built and signed by the wallet core, executed by the runtime', () => {
  const wif = '5KQwrPbwdL6PhXujxW37FSSQZ1JiwsST4cqQzDeyXtP79zkvFD3';
  let node: EosTestNode;
  beforeAll(async () => {
    node = await startEosNode();
    node.createAccount('alice', PrivateKey.fromString(wif).toPublic().toString());
    node.createAccount('bob', PrivateKey.generate('K1').toPublic().toString());
    await node.createToken('eosio.token', '1000000.0000 EOS');
    await node.fund('alice', '10.0000 EOS');
  });
  afterAll(() => node.stop());

  it('moves exactly the amount with the memo', async () => {
    const infoRes = (await (await fetch(`${node.url}/v1/chain/get_info`, { method: 'POST', body: '{}' })).json()) as { head_block_num: number; head_block_id: string; head_block_time: string; chain_id: string };
    const tx = buildTransaction(taposHeader(infoRes), [transferAction({ contract: 'eosio.token', from: 'alice', permission: 'active', to: 'bob', units: 25_000n, symbol: { code: 'EOS', precision: 4 }, memo: 'invoice 7' })]);
    const signature = signTransaction(tx, infoRes.chain_id, parseEosPrivateKey(wif));
    const { Serializer } = await import('@wharfkit/antelope');
    const res = await fetch(`${node.url}/v1/chain/push_transaction`, { method: 'POST', body: JSON.stringify({ signatures: [signature], compression: 0, packed_context_free_data: '', packed_trx: Serializer.encode({ object: tx }).hexString }) });
    expect(res.status).toBe(200);
    expect(node.balance('alice')).toBe('7.5000 EOS');
    expect(node.balance('bob')).toBe('2.5000 EOS');
    expect(node.applied.at(-1)?.actions[0]?.data).toEqual({ from: 'alice', to: 'bob', quantity: '2.5000 EOS', memo: 'invoice 7' });
  });
});
