/**
 * Throwaway extensions the bench measures against, written to a temp directory:
 *  - echo: a content script that opens its port on the first request (as the wallet's relay does)
 *    and a service worker that echoes; also hosts a blank page and a bare Argon2id page (hash-wasm,
 *    the same library and parameters as the vault) for the popup and unlock baselines.
 *  - installed: a worker that answers runtime messages and, while it is installed, imports the
 *    wallet's own wallet-worker.js as the wallet's worker does (never again): with the echo, the
 *    start-up cost Chromium adds for a background whose code can be loaded on demand;
 *  - floor: one empty MAIN-world script at document_start, on a path of 127.0.0.1 the wallet's copy
 *    leaves alone (FLOOR_PATH): the page-load floor.
 * The page-load pages all live on 127.0.0.1 (one host: the same process model and secure context;
 * until session 11 the floor and the no-extension page were on other host names, and the echo's
 * content script also ran on the MAIN-world-only path), each path touched by one extension only.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The page-load pages, one path each; the echo's content script stays out of every `/dcl…` path. */
export const DCL_PATH = '/dcl/';
/** On pages under this path the bench's copy of the wallet injects only its MAIN-world script (no relay). */
export const MAIN_ONLY_PATH = '/dcl-main/';
/** Only the floor extension's empty MAIN-world script. */
export const FLOOR_PATH = '/dcl-floor/';
/** No extension at all (for reference). */
export const NONE_PATH = '/dcl-none/';

/**
 * The copy of the built wallet the bench loads: identical but for a blank page and its content scripts'
 * `exclude_matches`: none of them on the floor's and the no-extension paths, and on MAIN_ONLY_PATH only
 * the MAIN-world script that runs at document_start, so the page-load figure can be taken for what runs
 * before DOMContentLoaded (the isolated relay and the families' MAIN-world script run at document_idle,
 * after DOMContentLoaded, tests/e2e/lazyRelay.test.ts; their CPU time falls in the same page load).
 */
export function writeWalletCopy(ext) {
  const dir = join(mkdtempSync(join(tmpdir(), 'bench-wallet-')), 'chrome-mv3');
  cpSync(ext, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const first = manifest.content_scripts.filter((c) => c.world === 'MAIN' && c.run_at === 'document_start');
  const idle = manifest.content_scripts.filter((c) => c.run_at === 'document_idle');
  if (first.length !== 1 || idle.length + 1 !== manifest.content_scripts.length) throw new Error('expected one MAIN-world script at document_start, the others at document_idle');
  for (const c of idle) c.exclude_matches = [...(c.exclude_matches ?? []), `http://127.0.0.1${MAIN_ONLY_PATH}*`];
  for (const c of manifest.content_scripts) c.exclude_matches = [...(c.exclude_matches ?? []), `http://127.0.0.1${FLOOR_PATH}*`, `http://127.0.0.1${NONE_PATH}*`];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  // A page of the wallet's extension that asks its worker nothing: the cold start keeps it open, as it keeps
  // one of the echo's, so neither start includes starting its extension's renderer process.
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
  return dir;
}

/** `walletWorker`: the built wallet's wallet-worker.js, which the `installed` worker installs. */
export function writeBaselines(root, walletWorker) {
  const base = mkdtempSync(join(tmpdir(), 'bench-ext-'));
  const echoDir = join(base, 'echo');
  const floorDir = join(base, 'floor');
  const installedDir = join(base, 'installed');
  mkdirSync(echoDir);
  mkdirSync(floorDir);
  mkdirSync(installedDir);

  writeFileSync(join(echoDir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'echo', version: '1.0',
    background: { service_worker: 'sw.js' },
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    content_scripts: [{ matches: ['http://127.0.0.1/*'], exclude_matches: ['http://127.0.0.1/dcl*'], js: ['cs.js'], run_at: 'document_start' }],
  }));
  const echoWorker = 'chrome.runtime.onConnect.addListener((p) => p.onMessage.addListener((m) => p.postMessage(m)));\nchrome.runtime.onMessage.addListener((m, s, respond) => { respond(m); });';
  writeFileSync(join(echoDir, 'sw.js'), echoWorker);
  writeFileSync(join(echoDir, 'cs.js'), `let port = null;
const open = () => {
  if (port) return port;
  port = chrome.runtime.connect({ name: 'echo' });
  port.onMessage.addListener((m) => window.postMessage({ ch: 'echo-out', id: m.id }, location.origin));
  port.onDisconnect.addListener(() => { port = null; });
  return port;
};
window.addEventListener('message', (e) => { if (e.source === window && e.data && e.data.ch === 'echo-in') open().postMessage({ id: e.data.id }); });`);
  writeFileSync(join(echoDir, 'blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><p id="x">blank</p></body></html>');
  copyFileSync(join(root, 'node_modules/hash-wasm/dist/argon2.umd.min.js'), join(echoDir, 'argon2.js'));
  writeFileSync(join(echoDir, 'kdf.js'), `// The vault's KDF (src/core/vault/kdf.ts): Argon2id m = 64 MiB, t = 3, p = 1, 32-byte output.
window.runKdf = async () => {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const t0 = performance.now();
  await hashwasm.argon2id({ password: 'benchmark password 123', salt, parallelism: 1, iterations: 3, memorySize: 65536, hashLength: 32, outputType: 'binary' });
  return performance.now() - t0;
};`);
  writeFileSync(join(echoDir, 'kdf.html'), '<!doctype html><html><head><meta charset="utf-8"><title>kdf</title><script src="argon2.js"></script><script src="kdf.js"></script></head><body>kdf</body></html>');

  writeFileSync(join(installedDir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'installed', version: '1.0', background: { service_worker: 'sw-installed.js' },
  }));
  copyFileSync(walletWorker, join(installedDir, 'installed.js'));
  writeFileSync(join(installedDir, 'sw-installed.js'), `if (self.serviceWorker && self.serviceWorker.state === 'parsed') importScripts('installed.js');\n${echoWorker}`);
  writeFileSync(join(installedDir, 'blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');

  writeFileSync(join(floorDir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'floor', version: '1.0',
    content_scripts: [{ matches: [`http://127.0.0.1${FLOOR_PATH}*`], js: ['main.js'], run_at: 'document_start', world: 'MAIN' }],
  }));
  writeFileSync(join(floorDir, 'main.js'), '');
  return { echoDir, floorDir, installedDir };
}
