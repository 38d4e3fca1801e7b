/**
 * Unlock through the UI against the bare KDF. Bare: Argon2id (64 MiB, t = 3, hash-wasm) in an
 * extension page of the same browser. UI: the locked popup, password typed, Unlock clicked; timed
 * in the page from the click until the selected account's addresses are in the DOM (a
 * MutationObserver, so no polling granularity). Interleaved, one of each per round, the order
 * alternating; the bare KDF varies by ±40 % between rounds on a busy machine, so the figure is the
 * median of the per-round ratios (a round's UI unlock over the same round's bare KDF), not a ratio
 * of medians taken over different moments.
 */
export async function measureUnlock({ ctx, walletId, echoId, password, rounds = 15 }) {
  const kdfPage = await ctx.newPage();
  await kdfPage.goto(`chrome-extension://${echoId}/kdf.html`);
  await kdfPage.evaluate(() => window.runKdf()); // warm: compile the wasm once
  const popup = await ctx.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${walletId}/popup.html`);
  const bare = [];
  const ui = [];
  const uiOnce = async () => {
    await popup.evaluate(() => chrome.runtime.sendMessage({ kind: 'ui', method: 'lock', params: {} }));
    await popup.reload();
    await popup.getByTestId('unlock-password').fill(password);
    const ms = await popup.evaluate(() => new Promise((resolve) => {
      const done = () => document.querySelector('[data-testid="home-address"]')?.textContent?.startsWith('0x');
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        if (done()) { obs.disconnect(); resolve(performance.now() - t0); }
      });
      obs.observe(document.body, { childList: true, subtree: true, characterData: true });
      document.querySelector('[data-testid="unlock"]').click();
    }));
    ui.push(ms);
  };
  await uiOnce(); // warm: the first unlock of a browser session derives and stores the public rows
  ui.length = 0;
  for (let i = 0; i < rounds; i++) {
    if (i % 2) {
      await uiOnce();
      bare.push(await kdfPage.evaluate(() => window.runKdf()));
    } else {
      bare.push(await kdfPage.evaluate(() => window.runKdf()));
      await uiOnce();
    }
  }
  await kdfPage.close();
  await popup.close();
  return { ui, bare, ratios: ui.map((u, i) => u / bare[i]) };
}
