/**
 * A loopback price API speaking CoinGecko's `simple/price` shape (what the wallet's default
 * points at): GET /api/v3/simple/price?ids=a,b&vs_currencies=usd → { "a": { "usd": 1.23 } }.
 * Prices are set by the test; every request is recorded; `mode` makes it fail (HTTP 500 or a
 * dropped connection). Sends CORS headers as the public API does (the service worker fetches it).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PriceServer {
  /** Base URL, as the wallet's price API setting takes it: http://127.0.0.1:PORT/api/v3 */
  url: string;
  /** id → currency (lower case) → price, written into the JSON as a number. */
  prices: Record<string, Record<string, number>>;
  requests: URL[];
  mode: 'ok' | '500' | 'down';
  stop(): Promise<void>;
}

export async function startPriceServer(prices: PriceServer['prices'] = {}): Promise<PriceServer> {
  const srv: PriceServer = { url: '', prices, requests: [], mode: 'ok', stop: async () => undefined };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    srv.requests.push(url);
    if (srv.mode === 'down') {
      req.socket.destroy();
      return;
    }
    const headers = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };
    if (srv.mode === '500') {
      res.writeHead(500, headers).end('{"error":"internal"}');
      return;
    }
    if (req.method !== 'GET' || url.pathname !== '/api/v3/simple/price') {
      res.writeHead(404, headers).end('{"error":"not found"}');
      return;
    }
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
    const vs = (url.searchParams.get('vs_currencies') ?? '').split(',').filter(Boolean);
    const body: Record<string, Record<string, number>> = {};
    for (const id of ids) {
      const known = srv.prices[id];
      if (!known) continue;
      const entry: Record<string, number> = {};
      for (const c of vs) if (known[c] !== undefined) entry[c] = known[c];
      if (Object.keys(entry).length) body[id] = entry;
    }
    res.writeHead(200, headers).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  srv.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3`;
  srv.stop = () => new Promise<void>((r) => server.close(() => r()));
  return srv;
}
