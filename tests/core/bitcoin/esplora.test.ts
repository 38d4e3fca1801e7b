import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEsploraClient, EsploraError } from '../../../src/families/bitcoin/core/esplora.ts';
import { feeRatesFromEstimates, fetchFeeRates, resolveFeeRate } from '../../../src/families/bitcoin/core/fees.ts';
import { FakeEsplora } from './esploraServer.ts';
import { fundingTx, regtestWallet } from './helpers.ts';

const server = new FakeEsplora();
beforeAll(async () => {
  await server.start();
});
afterAll(async () => {
  await server.stop();
});

const expectKind = async (p: Promise<unknown>, kind: string): Promise<EsploraError> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(EsploraError);
    expect((e as EsploraError).kind).toBe(kind);
    return e as EsploraError;
  }
  throw new Error(`expected an EsploraError of kind ${kind}`);
};

describe('Esplora client against a loopback Esplora-shaped server', () => {
  it('reads address stats, UTXOs, tx hex and status, tip height and fee estimates', async () => {
    const client = createEsploraClient({ baseUrl: `${server.baseUrl}/` });
    const wa = regtestWallet().accounts.p2wpkh.address(0, 0);
    const f = fundingTx([{ script: wa.script, value: 12_345 }, { script: wa.script, value: 1_000 }]);
    server.addTx(f.hex, true);
    const info = await client.getAddress(wa.address);
    expect(info.chain).toEqual({ fundedTxoCount: 2, fundedTxoSum: 13_345, spentTxoCount: 0, spentTxoSum: 0, txCount: 1 });
    expect(info.mempool.txCount).toBe(0);
    const utxos = await client.getAddressUtxos(wa.address);
    expect(utxos.map((u) => [u.txid, u.vout, u.value, u.status.confirmed])).toEqual([
      [f.txid, 0, 12_345, true],
      [f.txid, 1, 1_000, true],
    ]);
    expect(await client.getTxHex(f.txid)).toBe(f.hex);
    expect(await client.getTxStatus(f.txid)).toMatchObject({ confirmed: true, blockHeight: 100 });
    expect(await client.getTipHeight()).toBe(100);
    const est = await client.getFeeEstimates();
    expect(est['6']).toBe(10.02);
    expect(await fetchFeeRates(client)).toEqual({ slow: 2.5, normal: 10.02, fast: 25.3, estimated: true });
  });

  it('types failures: 404 not_found, 429 rate_limited with Retry-After, HTTP error with body, broadcast rejection text', async () => {
    const client = createEsploraClient({ baseUrl: server.baseUrl });
    await expectKind(client.getTxHex('ab'.repeat(32)), 'not_found');
    server.failures.push({ status: 429, body: 'Too Many Requests', headers: { 'retry-after': '7' } });
    const rl = await expectKind(client.getTipHeight(), 'rate_limited');
    expect(rl.status).toBe(429);
    expect(rl.retryAfterMs).toBe(7000);
    server.failures.push({ status: 503, body: 'upstream electrs is syncing' });
    const http = await expectKind(client.getFeeEstimates(), 'http');
    expect(http.status).toBe(503);
    expect(http.body).toBe('upstream electrs is syncing');
    expect(http.message).toContain('upstream electrs is syncing');
    const bad = await expectKind(client.broadcast('0200000000'), 'http');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('TX decode failed');
    server.failures.push({ status: 200, body: '{not json' });
    await expectKind(client.getFeeEstimates(), 'invalid_response');
    server.failures.push({ status: 200, body: '[{"txid":"zz","vout":0,"value":1,"status":{"confirmed":true}}]' });
    await expectKind(client.getAddressUtxos('bcrt1qxyz'), 'invalid_response');
  });

  it('times out and reports an unreachable server', async () => {
    server.delayMs = 300;
    try {
      await expectKind(createEsploraClient({ baseUrl: server.baseUrl, timeoutMs: 50 }).getTipHeight(), 'timeout');
    } finally {
      server.delayMs = 0;
    }
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    await expectKind(createEsploraClient({ baseUrl: `http://127.0.0.1:${port}` }).getTipHeight(), 'unreachable');
  });

  it('uses an injected fetch and never sends credentials', async () => {
    const seen: RequestInit[] = [];
    const client = createEsploraClient({
      baseUrl: 'https://esplora.example/api',
      fetchFn: async (url, init) => {
        seen.push(init);
        expect(url).toBe('https://esplora.example/api/blocks/tip/height');
        return new Response('812345');
      },
    });
    expect(await client.getTipHeight()).toBe(812_345);
    expect(seen[0]?.credentials).toBe('omit');
  });
});

describe('fee levels', () => {
  it('maps targets to slow/normal/fast, falls back to faster targets, keeps order and the relay floor', () => {
    expect(feeRatesFromEstimates({ '1': 30.001, '3': 12, '144': 0.5 })).toEqual({ slow: 1, normal: 12, fast: 30.01, estimated: true });
    expect(feeRatesFromEstimates({ '2': 5, '6': 8 })).toEqual({ slow: 8, normal: 8, fast: 8, estimated: true });
    expect(feeRatesFromEstimates({})).toEqual({ slow: 1, normal: 1, fast: 1, estimated: false });
    const rates = feeRatesFromEstimates({ '1': 20, '6': 10, '144': 2 });
    expect(resolveFeeRate({ level: 'normal' }, rates)).toBe(10);
    expect(resolveFeeRate({ custom: 3.5 }, undefined)).toBe(3.5);
    expect(() => resolveFeeRate({ custom: 0.5 }, rates)).toThrow(expect.objectContaining({ code: 'INVALID_FEE_RATE' }));
    expect(() => resolveFeeRate({ custom: Number.NaN }, rates)).toThrow(expect.objectContaining({ code: 'INVALID_FEE_RATE' }));
    expect(() => resolveFeeRate({ custom: 50_000 }, rates)).toThrow(expect.objectContaining({ code: 'INVALID_FEE_RATE' }));
    expect(resolveFeeRate({ custom: 0.5 }, rates, { minFeeRate: 0.1 })).toBe(0.5);
  });
});
