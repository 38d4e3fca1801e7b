import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEsploraClient } from '../../../src/families/bitcoin/core/esplora.ts';
import { scanAccount } from '../../../src/families/bitcoin/core/scan.ts';
import { FakeEsplora } from './esploraServer.ts';
import { fundingTx, regtestWallet } from './helpers.ts';

const server = new FakeEsplora();
beforeAll(async () => {
  await server.start();
});
afterAll(async () => {
  await server.stop();
});

describe('gap-limit scan (BIP44, gap 20) over receive and change chains', () => {
  it('finds funds across gaps up to the limit, returns fresh addresses, balances and UTXOs with their derivation', async () => {
    const client = createEsploraClient({ baseUrl: server.baseUrl });
    const acct = regtestWallet().accounts.p2wpkh;
    const r = (i: number): string => acct.address(0, i).script;
    const c = (i: number): string => acct.address(1, i).script;
    // receive 0, 3, 22 (18 unused between 3 and 22: still within the gap), 44 (21 unused after 22: beyond it)
    const f1 = fundingTx([
      { script: r(0), value: 50_000 },
      { script: r(3), value: 20_000 },
      { script: r(22), value: 7_000 },
      { script: r(44), value: 999 },
      { script: c(0), value: 3_000 },
    ]);
    server.addTx(f1.hex, true);
    const f2 = fundingTx([
      { script: c(2), value: 4_000 },
      { script: r(0), value: 1_500 },
    ]);
    server.addTx(f2.hex, false); // in the mempool

    const res = await scanAccount(acct, client);
    expect(res.used.map((a) => [a.address.chain, a.address.index])).toEqual([
      [0, 0],
      [0, 3],
      [0, 22],
      [1, 0],
      [1, 2],
    ]);
    expect(res.receiveAddress.index).toBe(23);
    expect(res.receiveAddress.chain).toBe(0);
    expect(res.changeAddress.index).toBe(3);
    expect(res.changeAddress.chain).toBe(1);
    expect(res.scanned.filter((a) => a.chain === 0)).toHaveLength(23 + 20);
    expect(res.scanned.filter((a) => a.chain === 1)).toHaveLength(3 + 20);
    expect(res.balance).toEqual({ confirmed: 80_000, unconfirmed: 5_500, total: 85_500 });
    expect(res.utxos).toHaveLength(6);
    const byValue = new Map(res.utxos.map((u) => [u.value, u]));
    expect(byValue.get(7_000)).toMatchObject({ txid: f1.txid, vout: 2, confirmed: true, blockHeight: 100 });
    expect(byValue.get(7_000)!.address).toMatchObject({ chain: 0, index: 22, path: "m/84'/1'/0'/0/22", scheme: 'p2wpkh' });
    expect(byValue.get(4_000)).toMatchObject({ confirmed: false });
    expect(byValue.get(4_000)!.address).toMatchObject({ chain: 1, index: 2 });
    expect(byValue.has(999)).toBe(false);
    // confirmed coins come first
    expect(res.utxos.slice(0, 4).every((u) => u.confirmed)).toBe(true);

    // A wider gap finds the far address.
    const wide = await scanAccount(acct, client, { gapLimit: 25 });
    expect(wide.receiveAddress.index).toBe(45);
    expect(wide.balance.confirmed).toBe(80_999);

    // Receiving on the fresh address moves the fresh address on.
    server.addTx(fundingTx([{ script: res.receiveAddress.script, value: 10_000 }]).hex, false);
    const again = await scanAccount(acct, client);
    expect(again.receiveAddress.index).toBe(24);
    expect(again.balance.unconfirmed).toBe(15_500);
  });

  it('an empty account yields index 0 addresses after 20 lookups per chain', async () => {
    const client = createEsploraClient({ baseUrl: server.baseUrl });
    const acct = regtestWallet('regtest', 7).accounts.p2tr;
    const before = server.requests.length;
    const res = await scanAccount(acct, client);
    expect(res.used).toEqual([]);
    expect(res.receiveAddress.index).toBe(0);
    expect(res.changeAddress.index).toBe(0);
    expect(res.receiveAddress.address.startsWith('bcrt1p')).toBe(true);
    expect(res.balance.total).toBe(0);
    expect(server.requests.length - before).toBe(40);
  });

  it('p2pkh coins come with their previous transaction; taproot and nested accounts scan alike', async () => {
    const client = createEsploraClient({ baseUrl: server.baseUrl });
    const w = regtestWallet('regtest', 3);
    const f = fundingTx([
      { script: w.accounts.p2pkh.address(0, 1).script, value: 60_000 },
      { script: w.accounts.p2tr.address(1, 5).script, value: 70_000 },
      { script: w.accounts['p2sh-p2wpkh'].address(0, 0).script, value: 80_000 },
    ]);
    server.addTx(f.hex, true);
    const legacy = await scanAccount(w.accounts.p2pkh, client);
    expect(legacy.utxos).toHaveLength(1);
    expect(legacy.utxos[0]!.prevTxHex).toBe(f.hex);
    expect(legacy.receiveAddress.index).toBe(2);
    const tr = await scanAccount(w.accounts.p2tr, client);
    expect(tr.utxos[0]).toMatchObject({ value: 70_000, vout: 1 });
    expect(tr.utxos[0]!.prevTxHex).toBeUndefined();
    expect(tr.changeAddress.index).toBe(6);
    const nested = await scanAccount(w.accounts['p2sh-p2wpkh'], client);
    expect(nested.balance.confirmed).toBe(80_000);
  });
});
