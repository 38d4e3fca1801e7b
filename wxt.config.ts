import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { packageDedupe } from './src/build/packageDedupe';
import { PREACT_ALIAS } from './src/build/preactAlias';
import { ANTELOPE_FILE, pureTopLevel, SOLANA_WEB3_FILE } from './src/build/pureTopLevel';
import { importerAlias } from './src/build/importerAlias';
import { terseInjected } from './src/build/terseInjected';
import { pageChunks } from './src/build/pageChunks';
import { inlinePageCss } from './src/build/inlinePageCss';

// Manifest is locked down from the start: see ../shared/security-checklist.md §A.
const CONTENT_MATCHES = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const ICONS = { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' };

/**
 * The `npm start` demo build: MCW_DEMO holds the local nodes' URLs as JSON (src/demo/config.ts).
 * Unset (every normal build) the constant is null and the demo code is dropped from the bundle.
 */
function demoDefine(): string {
  const raw = process.env.MCW_DEMO;
  if (!raw) return 'null';
  const demo = JSON.parse(raw) as Record<string, unknown>;
  for (const [key, url] of Object.entries(demo)) {
    if (!['evmRpc', 'solanaRpc', 'tronNode', 'esplora'].includes(key) || typeof url !== 'string' || !/^http:\/\/(127\.0\.0\.1|localhost):\d+\/?$/.test(url)) {
      throw new Error(`MCW_DEMO: ${key} must be a loopback http URL with a port, got ${JSON.stringify(url)}`);
    }
  }
  if (typeof demo.evmRpc !== 'string') throw new Error('MCW_DEMO: evmRpc is required');
  return JSON.stringify(demo);
}

/**
 * The token the document_idle script hands its parts over with (src/inpage/late.ts): random per build,
 * the same in both MAIN-world bundles, which pages cannot read.
 */
const LATE_TOKEN = randomUUID();

export default defineConfig({
  srcDir: '.',
  // A developer (or a parallel helper) can build into another directory: MCW_OUT_DIR=.output-x npm run build
  outDir: process.env.MCW_OUT_DIR ?? '.output',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // favicon (Chrome only): the approval window shows a site's icon from the browser's cache
    // instead of fetching it from the site (src/ui/approval/siteIcon.ts); Firefox has no such API.
    permissions: ['storage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['favicon'])],
    // Rendered from public/icon/logo.svg by tests/support/icons.mjs (committed PNGs).
    icons: ICONS,
    action: { default_icon: ICONS, default_title: '__MSG_extName__' },
    externally_connectable: { ids: [], matches: [] },
    // The lazily loaded TronWeb for window.tronWeb (entrypoints/tronweb.ts): http(s) pages only.
    // Chrome: reachable only at a per-session dynamic URL (the background hands it to connected sites
    // only), so a page cannot probe the fixed chrome-extension://<id>/tronweb.js to fingerprint the
    // wallet. Firefox's moz-extension host is already a random per-install UUID and it does not take
    // the key, so it is set for Chrome only.
    web_accessible_resources: [{ resources: ['tronweb.js'], matches: CONTENT_MATCHES, ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) }],
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'wallet@multichain-wallet.dev', strict_min_version: '128.0' } },
          // Firefox lets an extension handle `bitcoin:` links (its list of allowed schemes has no
          // ethereum/solana/tron; those need `web+…`, which no page uses). Chrome has no such key for
          // extensions: there the content script's click handler (src/content/payLinks.ts) does it.
          protocol_handlers: [{ protocol: 'bitcoin', name: 'Multichain Wallet', uriTemplate: '/popup.html?pay=%s#/send' }],
        }
      : {}),
  }),
  hooks: {
    // Firefox runs the background as an event page (no importScripts): it loads the rest of the
    // background (entrypoints/wallet-worker.ts) before the eager core, which then finds it loaded.
    'build:manifestGenerated': (wxt, manifest) => {
      const bg = manifest.background as { scripts?: string[] } | undefined;
      if (wxt.config.browser === 'firefox' && bg?.scripts) bg.scripts = ['wallet-worker.js', ...bg.scripts.filter((f) => f !== 'wallet-worker.js')];
    },
  },
  vite: () => ({
    // MCW_NO_MINIFY=1: readable bundles for CPU profiles of start-up work (see npm run bench).
    // MCW_SOURCEMAP=1: source maps beside the bundles, for tests/bench/bundleBytes.mjs (bytes per package).
    build: {
      sourcemap: !!process.env.MCW_SOURCEMAP,
      // A lazy chunk is fetched by its own import() (the browser then loads its static imports from
      // the extension's files): no <link rel=modulepreload> per dependency appended to the page, which
      // cost the popup ≈ 30 ms of main thread before its first meaningful paint. CSS stays preloaded.
      modulePreload: { polyfill: false, resolveDependencies: (_file: string, deps: string[], { hostType }: { hostType: 'html' | 'js' }) => (hostType === 'html' ? deps : deps.filter((d) => d.endsWith('.css'))) },
      ...(process.env.MCW_NO_MINIFY ? { minify: false } : {}),
      rolldownOptions: {
        treeshake: {
          // Packages that only define things: included only when the wallet uses an export of theirs.
          // @solana/web3.js imports them for its `Connection`, which the wallet never uses.
          moduleSideEffects: [
            { test: /[\\/]node_modules[\\/](jayson|rpc-websockets|eventemitter3|uuid)[\\/]/, sideEffects: false },
            { test: /./, sideEffects: true },
          ],
        },
      },
    },
    define: { __MCW_DEMO__: demoDefine(), __MCW_LATE_TOKEN__: JSON.stringify(LATE_TOKEN) },
    // Fewer bytes installed with the service worker (README "Cold start"): one copy of a package npm
    // installed twice, two libraries that @wharfkit/antelope imports but the wallet never runs, and hash.js
    // answered by @noble/hashes.
    plugins: [
      // @solana/web3.js and viem on the @noble 2.x the wallet uses (one copy of each curve and hash in the worker).
      importerAlias([
        {
          importer: SOLANA_WEB3_FILE,
          map: {
            '@noble/curves/ed25519': fileURLToPath(new URL('./src/build/stubs/solanaEd25519.ts', import.meta.url)),
            '@noble/curves/secp256k1': fileURLToPath(new URL('./src/build/stubs/solanaSecp256k1.ts', import.meta.url)),
            '@noble/hashes/sha256': fileURLToPath(new URL('./node_modules/@noble/hashes/sha2.js', import.meta.url)),
            '@noble/hashes/sha3': fileURLToPath(new URL('./node_modules/@noble/hashes/sha3.js', import.meta.url)),
          },
        },
        {
          importer: /\/node_modules\/viem\/_esm\//,
          map: {
            '@noble/curves/secp256k1': fileURLToPath(new URL('./src/build/stubs/viemSecp256k1.ts', import.meta.url)),
            '@noble/hashes/sha256': fileURLToPath(new URL('./node_modules/@noble/hashes/sha2.js', import.meta.url)),
            '@noble/hashes/sha3': fileURLToPath(new URL('./node_modules/@noble/hashes/sha3.js', import.meta.url)),
          },
        },
      ]),
      // The page-injected scripts get a second, terser minification (src/build/terseInjected.ts);
      // MCW_NO_TERSER=1 leaves them as the bundler minified them (to compare bytes and page-load CPU).
      ...(process.env.MCW_NO_MINIFY || process.env.MCW_NO_TERSER ? [] : [terseInjected()]),
      pageChunks(),
      inlinePageCss(),
      pureTopLevel([SOLANA_WEB3_FILE, ANTELOPE_FILE]), packageDedupe({ root: ROOT, exact: [], sameMajor: ['@noble/curves', '@noble/hashes'], anyMajor: ['bn.js'] })],
    resolve: {
      alias: [
        ...PREACT_ALIAS,
        { find: /^elliptic$/, replacement: fileURLToPath(new URL('./src/build/stubs/elliptic.ts', import.meta.url)) },
        { find: /^pako$/, replacement: fileURLToPath(new URL('./src/build/stubs/pako.ts', import.meta.url)) },
        { find: /^hash\.js$/, replacement: fileURLToPath(new URL('./src/build/stubs/hashjs.ts', import.meta.url)) },
        // The relay's main never reads WXT's content-script context: src/build/stubs/contentScriptContext.ts.
        { find: /^wxt\/utils\/content-script-context$/, replacement: fileURLToPath(new URL('./src/build/stubs/contentScriptContext.ts', import.meta.url)) },
      ],
    },
  }),
});
export { CONTENT_MATCHES };
