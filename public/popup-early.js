// The popup's first requests, sent while the page is still parsing (a classic script runs at once;
// the UI module still has to load and compile). src/ui/prefetch.ts picks the answers up from
// globalThis.__mcwPrefetch. Plain script, no imports: nothing here but message sends.
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
