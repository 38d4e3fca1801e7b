#!/usr/bin/env node
/**
 * `npm start`: builds the extension, starts a local anvil devnet on 127.0.0.1:8545 (the
 * wallet's "Local devnet", chain id 31337, funded test accounts), serves the demo dApp on
 * http://localhost:5173 and opens Chromium with the extension loaded on a fresh profile.
 * Ctrl+C stops everything.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const children = [];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

console.log('» Building the extension…');
const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log('» Starting anvil on http://127.0.0.1:8545 (chain id 31337)…');
const anvilBin = join(root, 'node_modules/.bin/anvil');
const anvil = spawn(anvilBin, ['--host', '127.0.0.1', '--port', '8545', '--chain-id', '31337', '--silent'], { stdio: 'inherit' });
anvil.on('error', (e) => console.error('anvil failed to start:', e.message));
children.push(anvil);

const demoDir = join(root, 'tests/demo');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const file = join(demoDir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(demoDir) || !existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
server.listen(5173, '127.0.0.1', () => console.log('» Demo dApp on http://localhost:5173'));

const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : 'chromium');
const ext = join(root, '.output/chrome-mv3');
const profile = mkdtempSync(join(tmpdir(), 'wallet-profile-'));
console.log(`» Opening Chromium (${chromium}) with the wallet loaded…`);
const browser = spawn(
  chromium,
  [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(process.env.DISPLAY || process.platform === 'darwin' ? [] : ['--headless=new', '--remote-debugging-port=9222']),
    'http://localhost:5173',
  ],
  { stdio: 'ignore' },
);
browser.on('exit', stop);
children.push(browser);
