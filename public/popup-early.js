// The popup's first requests, sent before the UI module runs (popup.html loads this small classic
// script with `defer`: it runs once the page is parsed, ahead of the module, which is still being
// compiled and evaluated). src/ui/prefetch.ts picks the answers up from globalThis.__mcwPrefetch.
// Plain script, no imports: nothing here but message sends.
(() => {
  // The same list as PREFETCHED in src/ui/prefetch.ts (tests/unit/popupEarly.test.ts holds them together).
  const methods = ['getState', 'listAccounts', 'listChains', 'getCachedChainBalances'];
  // Firefox's `browser` namespace always returns promises; Chrome's `chrome` does in MV3.
  const ext = globalThis.browser ?? globalThis.chrome;
  const out = {};
  try {
    for (const method of methods) {
      const p = ext.runtime.sendMessage({ kind: 'ui', method, params: {} });
      if (!p || typeof p.then !== 'function') return; // no promise API: the UI module asks itself
      p.catch(() => undefined);
      out[method] = p;
    }
    globalThis.__mcwPrefetch = out;
  } catch {
    // the UI module falls back to its own requests
  }
})();
