/**
 * The EOS test node itself (tests/support/eosNode.ts): VeRT runs eosio.token, and the node refuses
 * what nodeos refuses. Transactions here are built and signed with @wharfkit/antelope's own
 * APIClient and PrivateKey, independently of the wallet's code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Action, APIClient, APIError, FetchProvider, Name, PrivateKey, SignedTransaction, Transaction } from '@wharfkit/antelope';
import { startEosNode, type EosTestNode } from '../../support/eosNode';
import { rejectionOf } from '../../support/errors.ts';

const alice = PrivateKey.fromString('5KQwrPbwdL6PhXujxW37FSSQZ1JiwsST4cqQzDeyXtP79zkvFD3'); // the Antelope docs' sample key
const other = PrivateKey.generate('K1');
let node: EosTestNode;
let client: APIClient;

const transferAbi = { structs: [{ name: 'transfer', base: '', fields: [{ name: 'from', type: 'name' }, { name: 'to', type: 'name' }, { name: 'quantity', type: 'asset' }, { name: 'memo', type: 'string' }] }], actions: [{ name: 'transfer', type: 'transfer', ricardian_contract: '' }] };

async function signedTransfer(from: string, to: string, quantity: string, key: PrivateKey, memo = ''): Promise<SignedTransaction> {
  const info = await client.v1.chain.get_info();
  const action = Action.from({ account: 'eosio.token', name: 'transfer', authorization: [{ actor: from, permission: 'active' }], data: { from, to, quantity, memo } }, transferAbi);
  const tx = Transaction.from({ ...info.getTransactionHeader(60), actions: [action] });
  const sig = key.signDigest(tx.signingDigest(info.chain_id));
  return SignedTransaction.from({ ...tx, signatures: [sig] });
}

async function chainError(p: Promise<unknown>): Promise<{ name: string; detail: string }> {
  const err = (await rejectionOf(APIError, p)).error as { name: string; details: { message: string }[] };
  return { name: err.name, detail: err.details[0]!.message };
}

beforeAll(async () => {
  node = await startEosNode();
  client = new APIClient({ provider: new FetchProvider(node.url, { fetch }) });
  node.createAccount('alice', alice.toPublic().toString());
  node.createAccount('bob', other.toPublic().toString());
  await node.createToken('eosio.token', '1000000000.0000 EOS');
  await node.fund('alice', '100.0000 EOS');
});
afterAll(() => node.stop());

describe('EOS test node (VeRT + eosio.token)', () => {
  it('answers get_info with the chain id and a head block usable for TAPoS', async () => {
    const info = await client.v1.chain.get_info();
    expect(String(info.chain_id)).toBe(node.chainId);
    expect(Number(info.head_block_num)).toBeGreaterThan(Number(info.last_irreversible_block_num));
  });

  it('applies a transfer signed by the account key: balances change by the amount', async () => {
    const res = await client.v1.chain.send_transaction(await signedTransfer('alice', 'bob', '1.2345 EOS', alice, 'hello'));
    expect(node.balance('alice')).toBe('98.7655 EOS');
    expect(node.balance('bob')).toBe('1.2345 EOS');
    expect(node.applied.at(-1)?.actions[0]).toMatchObject({ name: 'transfer', data: { from: 'alice', to: 'bob', quantity: '1.2345 EOS', memo: 'hello' } });
    expect(res.transaction_id).toBe(node.applied.at(-1)?.id);
    const bal = await client.v1.chain.get_currency_balance('eosio.token', 'bob', 'EOS');
    expect(bal.map(String)).toEqual(['1.2345 EOS']);
  });

  it('refuses a transaction signed by another key, unsigned, or with an extra signature, and changes nothing', async () => {
    const e = await chainError(client.v1.chain.send_transaction(await signedTransfer('alice', 'bob', '1.0000 EOS', other)));
    expect(e.name, e.detail).toBe('unsatisfied_authorization');
    expect(e.detail).toContain('"actor":"alice","permission":"active"');
    const good = await signedTransfer('alice', 'bob', '1.0000 EOS', alice);
    expect((await chainError(client.v1.chain.send_transaction(SignedTransaction.from({ ...good, signatures: [] })))).name).toBe('unsatisfied_authorization');
    const extra = other.signDigest(Transaction.from(good).signingDigest(node.chainId));
    expect((await chainError(client.v1.chain.send_transaction(SignedTransaction.from({ ...good, signatures: [...good.signatures, extra] })))).name).toBe('irrelevant_auth_exception');
    expect(node.balance('alice')).toBe('98.7655 EOS');
    expect(node.balance('bob')).toBe('1.2345 EOS');
  });

  it('refuses a stale reference block and a replay', async () => {
    const tx = await signedTransfer('alice', 'bob', '0.0001 EOS', alice);
    const wrongRef = Transaction.from({ ...tx, ref_block_prefix: (Number(tx.ref_block_prefix) + 1) % 2 ** 32 });
    const signed = SignedTransaction.from({ ...wrongRef, signatures: [alice.signDigest(wrongRef.signingDigest(node.chainId))] });
    expect((await chainError(client.v1.chain.send_transaction(signed))).name).toBe('invalid_ref_block_exception');
    await client.v1.chain.send_transaction(tx);
    expect((await chainError(client.v1.chain.send_transaction(tx))).name).toBe('tx_duplicate');
    expect(node.balance('bob')).toBe('1.2346 EOS');
  });

  it('runs the contract: an overdrawn transfer fails its assertion and reverts', async () => {
    const e = await chainError(client.v1.chain.send_transaction(await signedTransfer('alice', 'bob', '500.0000 EOS', alice)));
    expect(e.name).toBe('eosio_assert_message_exception');
    expect(e.detail).toMatch(/overdrawn balance/);
    expect(node.balance('alice')).toBe('98.7654 EOS');
  });

  it('bills CPU: an account without CPU gets tx_cpu_usage_exceeded', async () => {
    node.setResources('alice', { cpu: { used: 20_000, max: 20_000 } });
    const e = await chainError(client.v1.chain.send_transaction(await signedTransfer('alice', 'bob', '1.0000 EOS', alice)));
    expect(e.name).toBe('tx_cpu_usage_exceeded');
    node.setResources('alice', { cpu: { used: 0, max: 20_000 } });
  });

  it('lists the accounts a key controls and the account permissions', async () => {
    const r = await client.v1.chain.get_accounts_by_authorizers({ keys: [alice.toPublic()] });
    expect(r.accounts.map((a) => `${a.account_name}@${a.permission_name}`).sort()).toEqual(['alice@active', 'alice@owner']);
    const acct = await client.v1.chain.get_account('alice');
    expect(acct.permissions.map((p) => String(p.perm_name)).sort()).toEqual(['active', 'owner']);
    expect(Number(acct.cpu_limit.max)).toBe(20_000);
    const abi = await client.v1.chain.get_abi('eosio.token');
    expect(abi.abi?.actions.map((a) => String(a.name))).toContain('transfer');
    expect(Name.from('alice').equals(acct.account_name)).toBe(true);
  });
});
