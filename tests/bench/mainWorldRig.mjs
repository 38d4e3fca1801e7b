/**
 * What inpageAB.mjs and inpageProfile.mjs share: a throwaway extension whose only content script is
 * one MAIN-world file at document_start on one path of 127.0.0.1 (a secure context, so
 * `crypto.randomUUID` exists), a loopback server answering every path with the same plain page, and
 * Chromium with those extensions loaded.
 */
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** An extension injecting `file` (or an empty script when null) into http://127.0.0.1/<path>/*. */
export function mainWorldExtension(name, path, file) {
  const dir = mkdtempSync(join(tmpdir(), `inpage-${name}-`));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name, version: '1.0',
    content_scripts: [{ matches: [`http://127.0.0.1/${path}/*`], js: ['main.js'], run_at: 'document_start', world: 'MAIN' }],
  }));
  if (file) copyFileSync(resolve(file), join(dir, 'main.js'));
  else writeFileSync(join(dir, 'main.js'), '');
  return dir;
}

/** A loopback server with one plain page on every path, and Chromium with the extensions in `dirs`. */
export async function startRig(dirs) {
  const server = createServer((_q, r) => {
    r.setHeader('content-type', 'text/html');
    r.end('<!doctype html><html><head><title>page</title></head><body><p>A plain page.</p></body></html>');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const ctx = await chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', `--disable-extensions-except=${dirs.join(',')}`, `--load-extension=${dirs.join(',')}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return { ctx, port: server.address().port, close: async () => { await ctx.close(); server.close(); } };
}
