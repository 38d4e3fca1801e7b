/**
 * The EOS background module in Node against the VeRT-backed node: the account a key controls (and
 * the typed fallback), balances with CPU/NET/RAM, a prepared send confirmed with a lent key (TAPoS,
 * signature, push, irreversible), owner permission, and Scatter's addToken adding a token whose
 * balance then shows and can be sent. The FamilyContext is the shared code's shape with an
 * in-memory storage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivateKey } from '@wharfkit/antelope';
import type { DappCall, FamilyContext } from '../../../src/families/types';
import { eosNetwork } from '../../../src/families/eos/core/networks';
import { EosError } from '../../../src/families/eos/core/errors';
import { resolveActor } from '../../../src/families/eos/background/account';
import { eosBalances } from '../../../src/families/eos/background/balances';
import { eosPrepareSend } from '../../../src/families/eos/background/send';
import { apiOf } from '../../../src/families/eos/background/util';
import { startEosNode, type EosTestNode } from '../../support/eosNode';
import { rejectionOf } from '../../support/errors.ts';

const priv = PrivateKey.generate('K1');
const key = priv.toPublic().toString();
const stranger = PrivateKey.generate('K1').toPublic().toString();
let node: EosTestNode;
let ctx: FamilyContext;

function context(store = new Map<string, unknown>()): FamilyContext {
  return {
    family: 'eos',
    sel: { walletId: 'w1', index: 0 },
    network: eosNetwork('custom'),
    endpoint: node.url,
    address: key,
    async withKey(fn) {
      const secretKey = priv.data.array.slice();
      try {
        return await fn({ address: key, secretKey, publicKey: '' });
      } finally {
        secretKey.fill(0);
      }
    },
    storage: { get: async (k) => store.get(k) as never, set: async (k, v) => void store.set(k, v) },
  };
}

const eosError = (p: Promise<unknown>): Promise<EosError> => rejectionOf(EosError, p);

beforeAll(async () => {
  node = await startEosNode({ blockMs: 100 });
  node.createAccount('carol', key);
  node.createAccount('erin', stranger, { activeKey: key });
  node.createAccount('bob', stranger);
  await node.createToken('eosio.token', '1000000.0000 EOS');
  await node.createToken('tethertether', '1000000.0000 USDT');
  await node.fund('carol', '50.0000 EOS');
  await node.fund('carol', '20.0000 USDT', 'tethertether');
  ctx = context();
});
afterAll(() => node.stop());

describe('EOS background: accounts of the key', () => {
  it('finds the accounts by authorizers, active first', async () => {
    const a = await resolveActor(ctx, apiOf(ctx));
    expect([a.account, a.permission]).toEqual(['carol', 'active']);
    expect(a.controlled.map((c) => `${c.account}@${c.permission}`).sort()).toEqual(['carol@active', 'carol@owner', 'erin@active']);
  });

  it('checks a typed account against its permissions and remembers it', async () => {
    const c = context();
    expect((await eosError(resolveActor(c, apiOf(c), { account: 'bob' }))).message).toMatch(/does not control bob/);
    expect((await eosError(resolveActor(c, apiOf(c), { account: 'erin', permission: 'owner' }))).message).toMatch(/does not satisfy erin@owner/);
    expect((await eosError(resolveActor(c, apiOf(c), { account: 'nobody' }))).message).toMatch(/does not exist/);
    expect(await resolveActor(c, apiOf(c), { account: 'erin' })).toMatchObject({ account: 'erin', permission: 'active' });
    expect(await resolveActor(c, apiOf(c))).toMatchObject({ account: 'erin', permission: 'active' });
  });

  it('shows EOS and CPU / NET / RAM', async () => {
    const b = await eosBalances(ctx);
    expect(b.assets[0]).toMatchObject({ token: null, symbol: 'EOS', decimals: 4, balance: '500000', formatted: '50.0000' });
    expect(b.details.eosAccount).toBe('carol@active');
    expect(b.details.eosOtherAccounts).toBe('erin');
    expect(b.details.eosCpu).toMatch(/^0 \/ 20,000 µs/);
  });
});

describe('EOS background: send', () => {
  it('prepares, confirms with the lent key, and follows the transfer until irreversible', async () => {
    const p = await eosPrepareSend(ctx, { to: 'bob', amount: '2.5', extra: { memo: 'rent' } });
    expect(p.preview).toMatchObject({ from: 'carol', to: 'bob', amount: '2.5000', symbol: 'EOS', fee: '0' });
    expect(p.preview.details.eosMemo).toBe('rent');
    expect(p.facts).toMatchObject({ kind: 'transfer', recipient: 'bob', amount: { value: '2.5000', symbol: 'EOS', balance: '50.0000' } });
    const sent = await p.confirm();
    expect(sent.hash).toBe(node.applied.at(-1)!.id);
    expect(sent.explorer).toBeNull(); // a custom chain has no public explorer
    expect(node.balance('bob')).toBe('2.5000 EOS');
    expect(await sent.settled).toBe(true);
  });

  it('refuses before signing: unknown recipient, too much, too many decimals, bad names', async () => {
    expect((await eosError(eosPrepareSend(ctx, { to: 'nobody', amount: '1' }))).message).toMatch(/does not exist/);
    expect((await eosError(eosPrepareSend(ctx, { to: 'bob', amount: '1000' }))).message).toMatch(/Insufficient balance: carol has 47.5000 EOS/);
    expect((await eosError(eosPrepareSend(ctx, { to: 'bob', amount: '1.00001' }))).message).toMatch(/4 decimals/);
    expect((await eosError(eosPrepareSend(ctx, { to: 'Bob!', amount: '1' }))).reason).toBe('invalid-account');
  });

  it('signs with owner when asked, with the owner warning', async () => {
    const p = await eosPrepareSend(ctx, { to: 'bob', amount: '0.0001', extra: { permission: 'owner' } });
    expect(p.warnings?.map((w) => w.code)).toContain('EOS_OWNER_PERMISSION');
    await p.confirm();
    expect(node.applied.at(-1)!.actions[0]!.authorization).toEqual(['carol@owner']);
    expect(node.balance('bob')).toBe('2.5001 EOS');
  });

  it("Scatter's addToken adds a token; its balance shows and it can be sent", async () => {
    const { eosDappMethods } = await import('../../../src/families/eos/background/dapp');
    const call: DappCall = { ...ctx, origin: 'https://dapp.example', emit: () => undefined };
    await expect(eosDappMethods.addToken!.prepare(call, { token: { contract: 'bob', symbol: 'USDT' } })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/bob has no contract/) });
    const prepared = await eosDappMethods.addToken!.prepare(call, { token: { contract: 'tethertether', symbol: 'USDT', decimals: 4 } });
    expect(prepared.approval?.kind).toBe('eos:addToken');
    expect(await prepared.run()).toBe(true);
    const b = await eosBalances(ctx);
    expect(b.assets.find((a) => a.symbol === 'USDT')).toMatchObject({ token: 'tethertether:USDT', formatted: '20.0000' });
    const p = await eosPrepareSend(ctx, { to: 'bob', amount: '5', token: 'tethertether:USDT' });
    expect(p.facts.tokenContract).toBe('tethertether');
    await p.confirm();
    expect(node.balance('bob', 'USDT', 'tethertether')).toBe('5.0000 USDT');
  });
});
