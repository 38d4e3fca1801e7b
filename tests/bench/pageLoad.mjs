/**
 * Page load: the same plain page on paths of 127.0.0.1 only the wallet injects into (every script,
 * and only its document_start script: MAIN_ONLY_PATH in baselines.mjs) and on a path only the "floor"
 * extension (one empty MAIN-world script at document_start) injects into, interleaved, each in a
 * fresh tab; plus a path no extension touches, for reference.
 *
 * Two figures per load:
 *  - DOMContentLoaded (wall clock): the budget's own terms, but on a shared 2-core machine a single
 *    load varies by ±20 ms, so even the median of 40 paired differences moves by ±10 ms between runs.
 *  - Main-thread CPU time of the page's renderer (CDP Performance.getMetrics with
 *    timeDomain "threadTicks": thread time, so waiting for a busy CPU does not count):
 *    ScriptDuration (JavaScript run in the page: for these pages only the extensions' content
 *    scripts) and TaskDuration (all main-thread work, which includes compiling the scripts: not part
 *    of ScriptDuration, and content scripts are compiled at every load). This is what the extension
 *    adds, stable to a few tenths of a ms. Taken on the MAIN-world-only path (the document_start
 *    script alone) it is what the wallet costs before DOMContentLoaded; the full path adds the
 *    isolated relay (content.js) and the families' providers (inpage-late.js), which run at
 *    document_idle, after DOMContentLoaded.
 * Each figure is the median of per-round differences wallet − floor, with its interquartile range.
 */
export async function measurePageLoad({ ctx, walletUrl, mainUrl, floorUrl, noneUrl, trials = 40 }) {
  const load = async (url) => {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load' });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const dcl = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
    await page.close();
    return { dcl, script: m.ScriptDuration * 1000, task: m.TaskDuration * 1000 };
  };
  const runs = { wallet: [], main: [], floor: [], none: [] };
  for (let i = 0; i < 3; i++) for (const u of [walletUrl, mainUrl, floorUrl, noneUrl]) await load(u); // warm caches
  for (let i = 0; i < trials; i++) {
    const order = [['wallet', walletUrl], ['floor', floorUrl], ['main', mainUrl], ['none', noneUrl]];
    if (i % 2) order.reverse();
    for (const [k, u] of order) runs[k].push(await load(u));
  }
  const pick = (k, f) => runs[k].map((r) => r[f]);
  // Paired differences (wallet − floor of the same round): the machine's drift cancels out.
  const diff = (f, k = 'wallet') => runs[k].map((w, i) => w[f] - runs.floor[i][f]);
  return {
    wallet: pick('wallet', 'dcl'), floor: pick('floor', 'dcl'), none: pick('none', 'dcl'), diff: diff('dcl'),
    scriptWallet: pick('wallet', 'script'), scriptDiff: diff('script'), taskDiff: diff('task'),
    mainDiff: diff('dcl', 'main'), mainScriptDiff: diff('script', 'main'), mainTaskDiff: diff('task', 'main'),
  };
}
