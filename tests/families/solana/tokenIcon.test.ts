/**
 * Token icons from metadata URIs, against a real loopback HTTP server: which URIs may be fetched
 * (https, http only to this computer, ipfs:// and ar:// through gateways), the image as a data:
 * URI, and refusals (SVG, oversized JSON or image, no image, broken JSON, HTTP errors).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchTokenIcon, MAX_ICON_BYTES, MAX_METADATA_JSON_BYTES, resolveMetadataUrl } from '../../../src/families/solana/core/tokenIcon.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('token icons', () => {
  let server: Server;
  let base = '';
  const realFetch = (u: string, init: RequestInit): Promise<Response> => fetch(u, init);

  beforeAll(async () => {
    server = createServer((req, res) => {
      const json = (v: unknown): void => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(v));
      switch (req.url) {
        case '/ok.json': return json({ image: `${base}/icon.png` });
        case '/icon.png': return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
        case '/svg.json': return json({ image: `${base}/icon.svg` });
        case '/icon.svg': return void res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg/>');
        case '/big.json': return json({ image: `${base}/icon.png`, pad: 'x'.repeat(MAX_METADATA_JSON_BYTES) });
        case '/bigimg.json': return json({ image: `${base}/big.png` });
        case '/big.png': return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(MAX_ICON_BYTES + 1));
        case '/noimage.json': return json({ name: 'x' });
        case '/broken.json': return void res.writeHead(200, { 'content-type': 'application/json' }).end('{');
        case '/remote.json': return json({ image: 'http://example.com/icon.png' });
        default: return void res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('resolves https, loopback http, ipfs:// and ar:// URIs and refuses the rest', () => {
    expect(resolveMetadataUrl('https://arweave.net/abc')).toBe('https://arweave.net/abc');
    expect(resolveMetadataUrl('http://127.0.0.1:8899/x.json')).toBe('http://127.0.0.1:8899/x.json');
    expect(resolveMetadataUrl('ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/1.json')).toBe('https://ipfs.io/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/1.json');
    expect(resolveMetadataUrl('ar://0123456789abcdefghijABCDEFGHIJ_-')).toBe('https://arweave.net/0123456789abcdefghijABCDEFGHIJ_-');
    for (const bad of ['http://example.com/x.json', 'javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd', 'https://user:pw@example.com/', 'ipfs://../x', '']) expect(resolveMetadataUrl(bad), bad).toBeUndefined();
  });

  it('returns the image as a data: URI', async () => {
    expect(await fetchTokenIcon(`${base}/ok.json`, realFetch)).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
  });

  it('refuses SVG, oversized JSON or image, a missing or remote-http image, broken JSON and HTTP errors', async () => {
    for (const path of ['/svg.json', '/big.json', '/bigimg.json', '/noimage.json', '/broken.json', '/remote.json', '/missing.json']) {
      expect(await fetchTokenIcon(`${base}${path}`, realFetch), path).toBeUndefined();
    }
  });
});
