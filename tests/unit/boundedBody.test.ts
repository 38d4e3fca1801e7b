/**
 * Response bodies read with a hard cap while they stream (src/core/net/boundedBody.ts), against a
 * real loopback HTTP server: an endless body without Content-Length is cut off once it passes the
 * cap (res.text() would never return), a declared oversize body is refused unread, a body at the
 * cap is returned whole. The EVM NFT metadata fetch (src/families/evm/background/nfts.ts) uses it: an oversize
 * tokenURI document is an error, a normal one is text.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedBytes } from '../../src/core/net/boundedBody';
import { MAX_METADATA_BYTES } from '../../src/families/evm/core/nft';
import { fetchText } from '../../src/families/evm/background/nfts';

const CHUNK = 16 * 1024;
let server: Server;
let base: string;
/** Bytes the endless route managed to write before the client hung up. */
let endlessSent = 0;
let endlessClosed: Promise<void> = Promise.resolve();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/endless') {
      endlessSent = 0;
      endlessClosed = new Promise((resolve) => res.on('close', () => resolve()));
      res.writeHead(200, { 'content-type': 'application/json' });
      const pump = (): void => {
        while (!res.destroyed && res.write(Buffer.alloc(CHUNK, 0x20))) endlessSent += CHUNK;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    } else if (req.url === '/declared') {
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      res.write('{');
    } else if (req.url === '/exact') {
      res.end(Buffer.alloc(1000, 0x61));
    } else if (req.url === '/meta') {
      res.end(JSON.stringify({ name: 'Kitten #7', image: 'ipfs://bafy' }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('boundedBytes', () => {
  it('cuts an endless body off just past the cap and closes the connection', async () => {
    const max = 64 * 1024;
    expect(await boundedBytes(await fetch(`${base}/endless`), max)).toBeUndefined();
    await endlessClosed;
    // The server stopped long before anything like "everything": the reader cancelled the stream.
    expect(endlessSent).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a declared oversize body without reading it', async () => {
    expect(await boundedBytes(await fetch(`${base}/declared`), 1024)).toBeUndefined();
  });

  it('returns a body at the cap whole, and refuses it one byte under', async () => {
    const bytes = await boundedBytes(await fetch(`${base}/exact`), 1000);
    expect(bytes).toEqual(new Uint8Array(1000).fill(0x61));
    expect(await boundedBytes(await fetch(`${base}/exact`), 999)).toBeUndefined();
  });

  it('reads a body from a stream of many small chunks in order', async () => {
    const parts = ['ab', 'cd', 'ef'];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(new TextEncoder().encode(p));
        c.close();
      },
    });
    expect(new TextDecoder().decode(await boundedBytes(new Response(body), 6))).toBe('abcdef');
  });
});

describe('NFT metadata fetch (background)', () => {
  it('an oversize tokenURI document is an error; a normal one is its text', async () => {
    await expect(fetchText(`${base}/endless`)).rejects.toThrow(`Metadata larger than ${MAX_METADATA_BYTES} bytes`);
    await endlessClosed;
    expect(JSON.parse(await fetchText(`${base}/meta`))).toEqual({ name: 'Kitten #7', image: 'ipfs://bafy' });
    await expect(fetchText(`${base}/missing`)).rejects.toThrow('HTTP 404');
  });
});
