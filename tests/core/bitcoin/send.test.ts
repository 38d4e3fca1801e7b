import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEsploraClient } from '../../../src/families/bitcoin/core/esplora.ts';
import { fetchFeeRates } from '../../../src/families/bitcoin/core/fees.ts';
import { scanAccount, type WalletUtxo } from '../../../src/families/bitcoin/core/scan.ts';
import {
  broadcastTransaction,
  getTransactionState,
  planSend,
  signPlan,
  type SendPlan,
} from '../../../src/families/bitcoin/core/send.ts';
import { planSpeedUp, resolveSpentCoins } from '../../../src/families/bitcoin/core/speedUp.ts';
import { BitcoinError } from '../../../src/families/bitcoin/core/errors.ts';
import { FakeEsplora } from './esploraServer.ts';
import { bitcoin, foreignAddress, fundCoins, prevoutMap, prng, regtestWallet, verifyTx, type VerifiedTx } from './helpers.ts';
import { syncCodeOf } from '../../support/errors.ts';

const server = new FakeEsplora();
beforeAll(async () => {
  await server.start();
});
afterAll(async () => {
  await server.stop();
});

const w = regtestWallet('regtest', 2);
const rand = prng(42);
const codeOf = syncCodeOf(BitcoinError, 'no error');

/** The plan's promises, checked against what bitcoinjs-lib reads from the signed hex. */
function expectMatchesPlan(plan: SendPlan, v: VerifiedTx): void {
  expect(v.fee).toBe(BigInt(plan.fee));
  expect(v.outputs.map((o) => [o.address, o.value])).toEqual(plan.outputs.map((o) => [o.address, BigInt(o.value)]));
  expect(v.vsize).toBeLessThanOrEqual(plan.vsize);
  expect(plan.vsize - v.vsize).toBeLessThanOrEqual(1);
  expect(v.sequences.every((s) => s === 0xfffffffd)).toBe(true);
}

describe('send: plan → sign → independent verification → broadcast → status', () => {
  it('sends from a scanned wallet; the loopback node accepts it and it confirms', async () => {
    const client = createEsploraClient({ baseUrl: server.baseUrl });
    const acct = w.accounts.p2wpkh;
    const funded = fundCoins([
      { address: acct.address(0, 0), value: 120_000 },
      { address: acct.address(0, 1), value: 35_000 },
      { address: acct.address(1, 0), value: 9_000 },
    ]);
    server.addTx(funded.hex, true);
    const scan = await scanAccount(acct, client);
    const rates = await fetchFeeRates(client);
    const to = foreignAddress('p2tr', rand);
    const plan = planSend({ network: 'regtest', recipients: [{ address: to, amount: 100_000 }], utxos: scan.utxos, changeAddress: scan.changeAddress, feeRate: rates.normal });
    expect(plan.feeRate).toBe(10.02);
    expect(plan.amount).toBe(100_000);
    expect(plan.fee).toBe(Math.ceil(plan.vsize * 10.02));
    expect(plan.rbf).toBe(true);
    expect(plan.inputs.reduce((s, i) => s + i.value, 0)).toBe(plan.amount + plan.change + plan.fee);
    if (plan.change > 0) expect(plan.outputs.find((o) => o.isChange)?.address).toBe(scan.changeAddress.address);

    const signed = signPlan(plan, w.keys);
    const v = verifyTx(signed.hex, server.prevouts());
    expectMatchesPlan(plan, v);
    expect(signed.vsize).toBe(v.vsize);
    expect(signed.txid).toBe(v.txid);
    expect(signed.fee).toBe(plan.fee);

    expect(await broadcastTransaction(client, signed)).toBe(signed.txid);
    expect(await getTransactionState(client, signed.txid)).toEqual({ state: 'pending' });
    server.mine();
    server.mine();
    expect(await getTransactionState(client, signed.txid)).toEqual({ state: 'confirmed', blockHeight: 101, confirmations: 2 });
    // Spent coins are gone, change (if any) is ours now.
    const after = await scanAccount(acct, client);
    expect(after.balance.total).toBe(scan.balance.total - plan.amount - plan.fee);
    expect(await getTransactionState(client, 'cd'.repeat(32))).toEqual({ state: 'not_found' });
  });

  it('spends all four input types in one transaction, each signature valid', () => {
    const coins = fundCoins([
      { address: w.accounts.p2wpkh.address(0, 5), value: 40_000 },
      { address: w.accounts.p2tr.address(0, 5), value: 40_000 },
      { address: w.accounts['p2sh-p2wpkh'].address(0, 5), value: 40_000 },
      { address: w.accounts.p2pkh.address(0, 5), value: 40_000 },
    ]).coins;
    const plan = planSend({
      network: 'regtest',
      recipients: [{ address: foreignAddress('p2pkh', rand), amount: 150_000 }],
      utxos: coins,
      changeAddress: w.accounts.p2tr.address(1, 0),
      feeRate: 3,
    });
    expect(plan.inputs).toHaveLength(4);
    const signed = signPlan(plan, w.keys);
    const v = verifyTx(signed.hex, prevoutMap(coins));
    expect(new Set(v.inputTypes)).toEqual(new Set(['p2wpkh', 'p2tr', 'p2sh-p2wpkh', 'p2pkh']));
    expectMatchesPlan(plan, v);
  });

  it('testnet works the same (tb1 / m… addresses), and signet shares its encoding', () => {
    const t = regtestWallet('testnet', 2);
    const coins = fundCoins([
      { address: t.accounts.p2tr.address(0, 0), value: 30_000 },
      { address: t.accounts.p2pkh.address(0, 0), value: 30_000 },
    ]).coins;
    const to = foreignAddress('p2wpkh', rand, bitcoin.networks.testnet);
    expect(to.startsWith('tb1q')).toBe(true);
    const plan = planSend({ network: 'testnet', recipients: [{ address: to, amount: 45_000 }], utxos: coins, changeAddress: t.accounts.p2wpkh.address(1, 0), feeRate: 1.5 });
    const v = verifyTx(signPlan(plan, t.keys).hex, prevoutMap(coins), bitcoin.networks.testnet);
    expectMatchesPlan(plan, v);
    expect(v.outputs.every((o) => o.address?.startsWith('tb1'))).toBe(true);
    expect(codeOf(() => planSend({ network: 'testnet', recipients: [{ address: foreignAddress('p2wpkh', rand), amount: 1000 }], utxos: coins, changeAddress: t.accounts.p2wpkh.address(1, 0), feeRate: 1 }))).toBe('WRONG_NETWORK');
    expect(codeOf(() => planSend({ network: 'regtest', recipients: [{ address: to, amount: 1000 }], utxos: coins, changeAddress: t.accounts.p2wpkh.address(1, 0), feeRate: 1 }))).toBe('WRONG_NETWORK');
  });

  it('send-max spends every coin to one output: amount = total − fee, no change', () => {
    const coins = fundCoins([
      { address: w.accounts.p2tr.address(0, 7), value: 25_000 },
      { address: w.accounts.p2wpkh.address(1, 7), value: 700 },
      { address: w.accounts.p2pkh.address(0, 7), value: 61_000 },
    ]).coins;
    const plan = planSend({
      network: 'regtest',
      recipients: [{ address: foreignAddress('p2wpkh', rand), amount: 0 }],
      sendMax: true,
      utxos: coins,
      changeAddress: w.accounts.p2wpkh.address(1, 8),
      feeRate: 7.5,
    });
    expect(plan.algorithm).toBe('send-max');
    expect(plan.inputs).toHaveLength(3);
    expect(plan.outputs).toHaveLength(1);
    expect(plan.change).toBe(0);
    expect(plan.amount).toBe(86_700 - plan.fee);
    expect(plan.fee).toBe(Math.ceil(plan.vsize * 7.5));
    const v = verifyTx(signPlan(plan, w.keys).hex, prevoutMap(coins));
    expectMatchesPlan(plan, v);
    // too little for fee + dust
    const tiny = fundCoins([{ address: w.accounts.p2wpkh.address(0, 9), value: 400 }]).coins;
    expect(codeOf(() => planSend({ network: 'regtest', recipients: [{ address: foreignAddress('p2wpkh', rand), amount: 0 }], sendMax: true, utxos: tiny, changeAddress: w.accounts.p2wpkh.address(1, 9), feeRate: 5 }))).toBe('INSUFFICIENT_FUNDS');
  });

  it('never creates dust change: the would-be change goes to the fee', () => {
    const change = w.accounts.p2wpkh.address(1, 11);
    const to = foreignAddress('p2wpkh', rand);
    // 1 p2wpkh input, 2 p2wpkh outputs = 141 vB; at 2 sat/vB the fee with change is 282.
    const coins = fundCoins([{ address: w.accounts.p2wpkh.address(0, 11), value: 50_000 + 282 + 200 }]).coins;
    const plan = planSend({ network: 'regtest', recipients: [{ address: to, amount: 50_000 }], utxos: coins, changeAddress: change, feeRate: 2 });
    expect(plan.outputs).toHaveLength(1);
    expect(plan.change).toBe(0);
    expect(plan.fee).toBe(482);
    expect(plan.excessToFee).toBe(482 - Math.ceil(plan.vsize * 2));
    expectMatchesPlan(plan, verifyTx(signPlan(plan, w.keys).hex, prevoutMap(coins)));
    // with 400 more, change (≥ 294 dust for p2wpkh) is created
    const coins2 = fundCoins([{ address: w.accounts.p2wpkh.address(0, 12), value: 50_000 + 282 + 600 }]).coins;
    const plan2 = planSend({ network: 'regtest', recipients: [{ address: to, amount: 50_000 }], utxos: coins2, changeAddress: change, feeRate: 2, longTermFeeRate: 1 });
    expect(plan2.change).toBe(600);
    expect(plan2.fee).toBe(282);
  });

  it('insufficient funds reports the shortfall', () => {
    const coins = fundCoins([
      { address: w.accounts.p2wpkh.address(0, 13), value: 10_000 },
      { address: w.accounts.p2wpkh.address(0, 14), value: 5_000 },
    ]).coins;
    try {
      planSend({ network: 'regtest', recipients: [{ address: foreignAddress('p2wpkh', rand), amount: 15_000 }], utxos: coins, changeAddress: w.accounts.p2wpkh.address(1, 13), feeRate: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BitcoinError);
      const err = e as BitcoinError;
      expect(err.code).toBe('INSUFFICIENT_FUNDS');
      // 2 p2wpkh inputs + 1 p2wpkh output = 177 vB at 1 sat/vB (708 WU)
      expect(err.details).toMatchObject({ available: 15_000, required: 15_177, shortfall: 177 });
    }
    expect(codeOf(() => planSend({ network: 'regtest', recipients: [{ address: foreignAddress('p2wpkh', rand), amount: 1000 }], utxos: [], changeAddress: w.accounts.p2wpkh.address(1, 13), feeRate: 1 }))).toBe('NO_UTXOS');
  });

  it('rejects bad recipients and amounts with specific codes', () => {
    const coins = fundCoins([{ address: w.accounts.p2wpkh.address(0, 15), value: 100_000 }]).coins;
    const change = w.accounts.p2wpkh.address(1, 15);
    const send = (address: string, amount = 10_000, network: 'regtest' | 'testnet' | 'mainnet' = 'regtest'): string =>
      codeOf(() => planSend({ network, recipients: [{ address, amount }], utxos: network === 'regtest' ? coins : [], changeAddress: network === 'regtest' ? change : { ...change, network }, feeRate: 1 }));
    const good = foreignAddress('p2wpkh', rand);
    expect(send(good)).toBe('no error');
    expect(send('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu')).toBe('WRONG_NETWORK'); // mainnet
    expect(send(foreignAddress('p2tr', rand, bitcoin.networks.testnet))).toBe('WRONG_NETWORK'); // tb1p…
    expect(send('1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA')).toBe('WRONG_NETWORK'); // mainnet base58
    const typo = good.slice(0, -1) + (good.endsWith('q') ? 'p' : 'q');
    expect(send(typo)).toBe('INVALID_CHECKSUM');
    expect(send('1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabB', 10_000, 'mainnet')).toBe('INVALID_CHECKSUM');
    expect(send('hello world')).toBe('INVALID_ADDRESS');
    expect(send('')).toBe('INVALID_ADDRESS');
    expect(send('0x9858EfFD232B4033E47d90003D41EC34EcaEda94')).toBe('INVALID_ADDRESS');
    expect(send(good, 293)).toBe('AMOUNT_BELOW_DUST');
    expect(send(good, 294)).toBe('no error');
    expect(send(foreignAddress('p2pkh', rand), 545)).toBe('AMOUNT_BELOW_DUST');
    expect(send(good, 0)).toBe('INVALID_AMOUNT');
    expect(send(good, -5)).toBe('INVALID_AMOUNT');
    expect(send(good, 1000.5)).toBe('INVALID_AMOUNT');
    // regtest address on testnet, testnet address on mainnet
    expect(send(good, 10_000, 'testnet')).toBe('WRONG_NETWORK');
    expect(send('mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', 10_000, 'mainnet')).toBe('WRONG_NETWORK');
    expect(codeOf(() => planSend({ network: 'regtest', recipients: [{ address: good, amount: 1000 }], utxos: coins, changeAddress: change, feeRate: 0.2 }))).toBe('INVALID_FEE_RATE');
  });

  it('a tampered plan is refused at signing', () => {
    const coins = fundCoins([{ address: w.accounts.p2wpkh.address(0, 16), value: 100_000 }]).coins;
    const plan = planSend({ network: 'regtest', recipients: [{ address: foreignAddress('p2wpkh', rand), amount: 10_000 }], utxos: coins, changeAddress: w.accounts.p2wpkh.address(1, 16), feeRate: 1 });
    const shown = { ...plan, outputs: plan.outputs.map((o) => (o.isChange ? o : { ...o, value: o.value - 1 })) };
    expect(codeOf(() => signPlan(shown, w.keys))).toBe('INVALID_PLAN');
    expect(codeOf(() => signPlan({ ...plan, fee: plan.fee - 1 }, w.keys))).toBe('INVALID_PLAN');
  });
});

describe('replace-by-fee speed up', () => {
  it('rebuilds a pending send at a higher fee from its hex; the node accepts the replacement', async () => {
    const client = createEsploraClient({ baseUrl: server.baseUrl });
    const acct = w.accounts.p2tr;
    const funded = fundCoins([
      { address: acct.address(0, 20), value: 80_000 },
      { address: w.accounts['p2sh-p2wpkh'].address(0, 20), value: 30_000 },
    ]);
    server.addTx(funded.hex, true);
    const to = foreignAddress('p2wpkh', rand);
    const plan = planSend({ network: 'regtest', recipients: [{ address: to, amount: 90_000 }], utxos: funded.coins, changeAddress: acct.address(1, 20), feeRate: 2 });
    expect(plan.change).toBeGreaterThan(0);
    const signed = signPlan(plan, w.keys);
    await broadcastTransaction(client, signed);

    const walletAddresses = [acct.address(0, 20), acct.address(1, 20), w.accounts['p2sh-p2wpkh'].address(0, 20)];
    const spent = await resolveSpentCoins(client, signed.hex, walletAddresses);
    expect(spent.map((c) => c.value).sort()).toEqual([30_000, 80_000]);
    const bump = planSpeedUp({ network: 'regtest', txHex: signed.hex, spentCoins: spent, walletAddresses, feeRate: 12 });
    expect(bump.kind).toBe('speed-up');
    expect(bump.replaces).toMatchObject({ txid: signed.txid, fee: plan.fee, vsize: signed.vsize, signaledRbf: true });
    expect(bump.replaces!.minFee).toBe(plan.fee + bump.vsize); // BIP125 rule 4 at 1 sat/vB
    expect(bump.fee).toBeGreaterThanOrEqual(bump.replaces!.minFee);
    expect(bump.fee).toBe(Math.ceil(bump.vsize * 12));
    // same inputs, same recipient, change reduced by exactly the fee increase
    expect(bump.inputs.map((i) => `${i.txid}:${i.vout}`).sort()).toEqual(plan.inputs.map((i) => `${i.txid}:${i.vout}`).sort());
    expect(bump.outputs.find((o) => !o.isChange)).toMatchObject({ address: to, value: 90_000 });
    expect(bump.change).toBe(plan.change - (bump.fee - plan.fee));

    const replacement = signPlan(bump, w.keys);
    const v = verifyTx(replacement.hex, server.prevouts());
    expectMatchesPlan(bump, v);
    expect(await broadcastTransaction(client, replacement)).toBe(replacement.txid);
    expect(await getTransactionState(client, signed.txid)).toEqual({ state: 'not_found' });
    expect(await getTransactionState(client, replacement.txid)).toEqual({ state: 'pending' });

    // The original no longer gets in: it pays less than what replaced it (the node enforces BIP125).
    await expect(broadcastTransaction(client, signed)).rejects.toMatchObject({ kind: 'http', status: 400 });
  });

  it('adds a confirmed coin when the change cannot absorb the fee, drops change that would be dust, refuses foreign inputs', () => {
    const acct = w.accounts.p2wpkh;
    const coins = fundCoins([{ address: acct.address(0, 30), value: 20_000 }]).coins;
    const plan = planSend({ network: 'regtest', recipients: [{ address: foreignAddress('p2tr', rand), amount: 19_000 }], utxos: coins, changeAddress: acct.address(1, 30), feeRate: 1, randomizeChangePosition: false });
    expect(plan.change).toBe(1_000 - plan.fee);
    const signed = signPlan(plan, w.keys);
    const addrs = [acct.address(0, 30), acct.address(1, 30)];

    // Small bump: change shrinks.
    const small = planSpeedUp({ network: 'regtest', txHex: signed.hex, spentCoins: coins, walletAddresses: addrs, feeRate: 3 });
    expect(small.outputs).toHaveLength(2);
    expect(small.change).toBe(plan.change - (small.fee - plan.fee));

    // Bump where change would fall under 294 sat: it is dropped into the fee.
    const drop = planSpeedUp({ network: 'regtest', txHex: signed.hex, spentCoins: coins, walletAddresses: addrs, feeRate: 5.5 });
    expect(drop.outputs).toHaveLength(1);
    expect(drop.change).toBe(0);
    expect(drop.fee).toBe(1_000);
    expectMatchesPlan(drop, verifyTx(signPlan(drop, w.keys).hex, prevoutMap(coins)));

    // Big bump: needs another coin; unconfirmed coins are refused (BIP125 rule 2).
    expect(codeOf(() => planSpeedUp({ network: 'regtest', txHex: signed.hex, spentCoins: coins, walletAddresses: addrs, feeRate: 40 }))).toBe('RBF_INSUFFICIENT_FUNDS');
    const extra = fundCoins([{ address: acct.address(0, 31), value: 30_000 }]).coins;
    const pending = fundCoins([{ address: acct.address(0, 32), value: 30_000 }], false).coins;
    expect(codeOf(() => planSpeedUp({ network: 'regtest', txHex: signed.hex, spentCoins: coins, walletAddresses: addrs, feeRate: 40, extraUtxos: pending }))).toBe('RBF_UNCONFIRMED_INPUT');
    const big = planSpeedUp({ network: 'regtest', txHex: signed.hex, spentCoins: coins, walletAddresses: addrs, feeRate: 40, extraUtxos: extra });
    expect(big.inputs).toHaveLength(2);
    expect(big.fee).toBe(Math.ceil(big.vsize * 40));
    const all = [...coins, ...extra];
    expectMatchesPlan(big, verifyTx(signPlan(big, w.keys).hex, prevoutMap(all)));

    // A transaction spending a coin we do not know is not ours to replace.
    expect(codeOf(() => planSpeedUp({ network: 'regtest', txHex: signed.hex, spentCoins: [] as WalletUtxo[], walletAddresses: addrs, feeRate: 3 }))).toBe('RBF_FOREIGN_INPUT');
  });
});
