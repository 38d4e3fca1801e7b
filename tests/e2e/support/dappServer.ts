/**
 * Serves test dApp pages on loopback. Page scripts in tests/e2e/pages/*.ts are bundled with
 * esbuild (real client libraries: mipd, viem, @wallet-standard/app…) and served next to a
 * bare HTML shell. The same server answers on 127.0.0.1 and localhost: two origins.
 */
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export interface DappServer {
  port: number;
  /** http://127.0.0.1:PORT/NAME.html */
  url(name: string, host?: '127.0.0.1' | 'localhost'): string;
  stop(): Promise<void>;
}

const PAGES_DIR = resolve(import.meta.dirname, '../pages');

export async function startDappServer(pages: string[]): Promise<DappServer> {
  const bundles = new Map<string, string>();
  for (const name of pages) {
    const out = await build({
      entryPoints: [resolve(PAGES_DIR, `${name}.ts`)],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      logLevel: 'silent',
    });
    bundles.set(name, out.outputFiles[0]!.text);
  }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    const [name, ext] = path.split('.');
    if (name && bundles.has(name) && ext === 'js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundles.get(name));
    } else if (name && bundles.has(name) && ext === 'html') {
      // The first inline script proves the provider exists before any page script runs.
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html><head><meta charset="utf-8"><title>${name}</title><script>window.__hadEthereumAtFirstScript = typeof window.ethereum === 'object';</script></head><body><h1>${name}</h1><script src="/${name}.js"></script></body></html>`);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  // localhost may resolve to ::1 first; listen there as well when available.
  const port = (server.address() as AddressInfo).port;
  const v6 = createServer((req, res) => server.emit('request', req, res));
  await new Promise<void>((r) => {
    v6.once('error', () => r());
    v6.listen(port, '::1', () => r());
  });
  return {
    port,
    url: (name, host = '127.0.0.1') => `http://${host}:${port}/${name}.html`,
    stop: async () => {
      await new Promise((r) => server.close(() => r(undefined)));
      await new Promise((r) => v6.close(() => r(undefined)));
    },
  };
}
