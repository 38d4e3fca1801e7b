/**
 * The one HTTP exchange under every chain client (src/core/net/http.ts), against loopback servers:
 * what it sends, and the three failures each client maps onto its own error class.
 */
import { describe, expect, it } from 'vitest';
import { ExchangeError, httpExchange, parseRetryAfter } from '../../../src/core/net/http.ts';
import { closedPort, startHttpServer } from '../../families/evm/helpers.ts';
import { rejectionOf } from '../../support/errors.ts';

const failure = (p: Promise<unknown>): Promise<ExchangeError> => rejectionOf(ExchangeError, p);

describe('httpExchange', () => {
  it('sends method, headers and body, omits credentials, and returns any status with the whole text', async () => {
    const seen: Array<{ method?: string; type?: string; cookie?: string; body: string }> = [];
    const server = await startHttpServer((req, res, body) => {
      seen.push({ method: req.method, type: req.headers['content-type'], cookie: req.headers.cookie, body });
      res.writeHead(503, { 'content-type': 'text/plain' }).end('node busy');
    });
    try {
      let sentCredentials: RequestCredentials | undefined;
      const { response, text } = await httpExchange(
        `${server.url}/tx`,
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'abcd' },
        {
          timeoutMs: 5000,
          fetchFn: (input, init) => {
            sentCredentials = init.credentials;
            return fetch(input, init);
          },
        },
      );
      expect(response.status).toBe(503);
      expect(text).toBe('node busy');
      expect(sentCredentials).toBe('omit');
      expect(seen).toEqual([{ method: 'POST', type: 'text/plain', cookie: undefined, body: 'abcd' }]);
    } finally {
      await server.close();
    }
  });

  it('a closed port is unreachable, with the fetch failure as the reason', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const err = await failure(httpExchange(url, { method: 'GET', headers: {} }, { timeoutMs: 5000 }));
    expect(err.kind).toBe('unreachable');
    expect(err.url).toBe(url);
    expect(err.reason.length).toBeGreaterThan(0);
  });

  it('a server that never answers is a timeout', async () => {
    const server = await startHttpServer(() => {
      /* never answers */
    });
    try {
      const err = await failure(httpExchange(server.url, { method: 'GET', headers: {} }, { timeoutMs: 200 }));
      expect(err.kind).toBe('timeout');
    } finally {
      await server.close();
    }
  });

  it('a connection cut in the middle of the body is interrupted (not a timeout)', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"partial":', () => res.socket?.destroy());
    });
    try {
      const err = await failure(httpExchange(server.url, { method: 'GET', headers: {} }, { timeoutMs: 5000 }));
      expect(err.kind).toBe('interrupted');
    } finally {
      await server.close();
    }
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates; ignores absent or garbage values', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(new Date(0).toUTCString())).toBe(0);
  });
});
