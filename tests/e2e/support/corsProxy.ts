/**
 * The extension fetches nodes cross-origin, and public APIs (mempool.space, Solana RPCs,
 * TronGrid) answer with CORS headers: this loopback front adds them to a test node that does not.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CorsProxy {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function corsProxy(target: string, allowHeaders = 'content-type, solana-client'): Promise<CorsProxy> {
  const t = new URL(target);
  const server = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': allowHeaders };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    const up = httpRequest({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'text/plain' } }, (r) => {
      res.writeHead(r.statusCode ?? 502, { ...cors, 'content-type': r.headers['content-type'] ?? 'text/plain' });
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502, cors).end('upstream error'));
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, close: () => new Promise((r) => server.close(() => r())) };
}
