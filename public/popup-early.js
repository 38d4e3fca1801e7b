// The popup's first requests, sent while the page is still parsing (a classic script runs at once;
// the UI module still has to load and compile). src/ui/prefetch.ts picks the answers up from
// globalThis.__mcwPrefetch. Plain script, no imports: nothing here but message sends.
(() => {
  const methods = ['getState', 'listAccounts', 'listChains', 'getCachedBalances', 'getCachedChainBalances'];
  const out = {};
  for (const method of methods) {
    const p = chrome.runtime.sendMessage({ kind: 'ui', method, params: {} });
    p.catch(() => undefined);
    out[method] = p;
  }
  globalThis.__mcwPrefetch = out;
})();
