/**
 * Signing with many accounts: a wallet with 100 accounts; site A connected to account #1, site B
 * to account #100; personal_sign from each, alternating. Timed from the Approve click in the
 * approval window to the signature arriving in the page (both read performance.timeOrigin +
 * performance.now(), one clock), so the window opening is left out and the signing path is what
 * is compared.
 */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function approvalPage(ctx) {
  for (let i = 0; i < 300; i++) {
    for (const p of ctx.pages()) {
      if (p.url().includes('/approval.html') && (await p.getByTestId('approve').isEnabled().catch(() => false))) return p;
    }
    await sleep(50);
  }
  throw new Error('no approval window');
}

/** Starts a request in the page, approves it, returns { result, ms }. */
async function approveTimed(ctx, page, method, params) {
  await page.evaluate(({ method, params }) => {
    window.__bench = { done: false };
    window.ethereum.request({ method, params }).then(
      (r) => { window.__bench = { done: true, result: r, at: performance.timeOrigin + performance.now() }; },
      (e) => { window.__bench = { done: true, error: String(e?.message ?? e), at: performance.timeOrigin + performance.now() }; },
    );
  }, { method, params });
  // The previous request's window may still be listed while it closes: look again if it went away.
  let clickedAt;
  for (let attempt = 0; clickedAt === undefined; attempt++) {
    const win = await approvalPage(ctx);
    clickedAt = await win.evaluate(() => {
      const t = performance.timeOrigin + performance.now();
      document.querySelector('[data-testid="approve"]').click();
      return t;
    }).catch((err) => {
      if (attempt >= 5 || !win.isClosed()) throw err;
      return undefined;
    });
  }
  const h = await page.waitForFunction(() => window.__bench.done && window.__bench, undefined, { timeout: 30_000, polling: 'raf' });
  const r = await h.jsonValue();
  if (r.error) throw new Error(`${method} failed: ${r.error}`);
  return { result: r.result, ms: r.at - clickedAt };
}

export async function measureManyAccounts({ ctx, walletId, urlA, urlB, rounds = 30 }) {
  const ui = await ctx.newPage();
  await ui.goto(`chrome-extension://${walletId}/popup.html`);
  const call = (method, params) => ui.evaluate(([m, p]) => chrome.runtime.sendMessage({ kind: 'ui', method: m, params: p }), [method, params]);
  const state = await call('getState', {});
  const id = state.result?.wallets?.[0]?.id ?? state.result?.selectedWalletId;
  for (let n = state.result?.wallets?.[0]?.accountCount ?? 1; n < 100; n++) {
    const r = await call('addAccount', { walletId: id });
    if (!r.ok) throw new Error(`addAccount: ${JSON.stringify(r)}`);
  }
  const connect = async (url, index) => {
    const r = await call('selectAccount', { index });
    if (!r.ok) throw new Error(`selectAccount: ${JSON.stringify(r)}`);
    const page = await ctx.newPage();
    await page.goto(url);
    const { result } = await approveTimed(ctx, page, 'eth_requestAccounts', []);
    return { page, address: result[0] };
  };
  const a = await connect(urlA, 0);
  const b = await connect(urlB, 99);
  await call('selectAccount', { index: 0 });
  await ui.close();
  if (a.address.toLowerCase() === b.address.toLowerCase()) throw new Error('sites A and B got the same account');
  const first = [];
  const hundredth = [];
  const sign = async (site, out) => out.push((await approveTimed(ctx, site.page, 'personal_sign', ['0x68656c6c6f', site.address])).ms);
  await sign(a, []);
  await sign(b, []); // warm both paths once
  for (let i = 0; i < rounds; i++) {
    if (i % 2) { await sign(b, hundredth); await sign(a, first); } else { await sign(a, first); await sign(b, hundredth); }
  }
  await a.page.close();
  await b.page.close();
  return { first, hundredth, addresses: [a.address, b.address] };
}
