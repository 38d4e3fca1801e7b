import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRpcClient, RpcError, rpcErrorToProviderError, type FetchFn } from '../../../src/families/evm/core/rpc.ts';
import { startAnvil, type AnvilInstance } from '../../support/anvil.ts';
import { closedPort, startHttpServer } from './helpers.ts';
import { rejectionOf } from '../../support/errors.ts';

let anvil: AnvilInstance;
// PUSH4 0xdeadbeef PUSH1 0 MSTORE PUSH1 4 PUSH1 28 REVERT: always reverts with data 0xdeadbeef.
const REVERTER = '0x00000000000000000000000000000000000000aa';

beforeAll(async () => {
  anvil = await startAnvil();
  await anvil.rpc('anvil_setCode', [REVERTER, '0x63deadbeef6000526004601cfd']);
});
afterAll(async () => {
  await anvil?.stop();
});

const expectRpcError = (p: Promise<unknown>): Promise<RpcError> => rejectionOf(RpcError, p);

describe('JSON-RPC client against anvil', () => {
  it('answers a single request', async () => {
    const rpc = createRpcClient({ url: anvil.url });
    expect(await rpc.request<string>('eth_chainId')).toBe('0x7a69');
    expect(BigInt(await rpc.request<string>('eth_getBalance', [anvil.accounts[0]!.address, 'latest']))).toBe(10_000n * 10n ** 18n);
  });

  it('sends a batch in one HTTP request, settling each item on its own', async () => {
    let httpRequests = 0;
    const counting: FetchFn = (input, init) => {
      httpRequests++;
      return fetch(input, init);
    };
    const rpc = createRpcClient({ url: anvil.url, fetchFn: counting });
    const results = await rpc.batch([
      { method: 'eth_chainId' },
      { method: 'eth_getBalance', params: [anvil.accounts[1]!.address, 'latest'] },
      { method: 'eth_doesNotExist' },
      { method: 'net_version' },
    ]);
    expect(httpRequests).toBe(1);
    expect(results).toHaveLength(4);
    expect(results[0]).toEqual({ ok: true, result: '0x7a69' });
    expect(results[1]).toEqual({ ok: true, result: '0x21e19e0c9bab2400000' });
    expect(results[2]!.ok).toBe(false);
    if (!results[2]!.ok) {
      expect(results[2]!.error.kind).toBe('rpc');
      expect(results[2]!.error.code).toBe(-32601);
    }
    expect(results[3]).toEqual({ ok: true, result: '31337' });
  });

  it("keeps the node's error code, message and revert data", async () => {
    const rpc = createRpcClient({ url: anvil.url });
    const err = await expectRpcError(rpc.request('eth_call', [{ to: REVERTER, data: '0x' }, 'latest']));
    expect(err.kind).toBe('rpc');
    expect(err.code).toBe(3);
    expect(err.message).toMatch(/revert/i);
    expect(err.data).toBe('0xdeadbeef');
    const forDapp = rpcErrorToProviderError(err);
    expect(forDapp.code).toBe(3);
    expect(forDapp.data).toBe('0xdeadbeef');
    expect(forDapp.message).toBe(err.message);
  });
});

describe('JSON-RPC client failures', () => {
  it('reports an unreachable endpoint (closed loopback port) as unreachable, -32603 for dApps', async () => {
    const port = await closedPort();
    const rpc = createRpcClient({ url: `http://127.0.0.1:${port}`, timeoutMs: 5000 });
    const err = await expectRpcError(rpc.request('eth_chainId'));
    expect(err.kind).toBe('unreachable');
    expect(err.message).toContain(`127.0.0.1:${port}`);
    const forDapp = rpcErrorToProviderError(err);
    expect(forDapp.code).toBe(-32603);
    expect(forDapp.data).toEqual({ kind: 'unreachable' });
  });

  it('reports HTTP 429 as rate_limited with Retry-After, -32005 for dApps', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '3' });
      res.end('Too Many Requests');
    });
    try {
      const rpc = createRpcClient({ url: server.url });
      const err = await expectRpcError(rpc.request('eth_blockNumber'));
      expect(err.kind).toBe('rate_limited');
      expect(err.status).toBe(429);
      expect(err.retryAfterMs).toBe(3000);
      const batchErr = await expectRpcError(rpc.batch([{ method: 'eth_chainId' }, { method: 'eth_blockNumber' }]));
      expect(batchErr.kind).toBe('rate_limited');
      expect(rpcErrorToProviderError(err).code).toBe(-32005);
      expect(server.requests).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('times out a node that never answers', async () => {
    const server = await startHttpServer(() => {
      // never respond
    });
    try {
      const rpc = createRpcClient({ url: server.url, timeoutMs: 200 });
      const started = Date.now();
      const err = await expectRpcError(rpc.request('eth_chainId'));
      expect(err.kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await server.close();
    }
  });

  it('distinguishes HTTP failures, non-JSON answers and JSON-RPC errors sent with HTTP 400', async () => {
    let mode: 'html500' | 'text200' | 'rpc400' = 'html500';
    const server = await startHttpServer((_req, res, body) => {
      const id = (JSON.parse(body) as { id: number }).id;
      if (mode === 'html500') {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end('<h1>oops</h1>');
      } else if (mode === 'text200') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('hello');
      } else {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32000, message: 'header not found', data: { x: 1 } } }));
      }
    });
    try {
      const rpc = createRpcClient({ url: server.url });
      const e1 = await expectRpcError(rpc.request('eth_chainId'));
      expect(e1.kind).toBe('http');
      expect(e1.status).toBe(500);
      mode = 'text200';
      expect((await expectRpcError(rpc.request('eth_chainId'))).kind).toBe('invalid_response');
      mode = 'rpc400';
      const e3 = await expectRpcError(rpc.request('eth_getBlockByNumber', ['0x999999', false]));
      expect(e3.kind).toBe('rpc');
      expect(e3.code).toBe(-32000);
      expect(e3.message).toBe('header not found');
      expect(e3.data).toEqual({ x: 1 });
    } finally {
      await server.close();
    }
  });
});
