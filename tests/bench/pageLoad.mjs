/**
 * Page load: DOMContentLoaded of the same plain page on a host only the wallet injects into and on
 * a host only the "floor" extension (one empty MAIN-world script at document_start) injects into,
 * interleaved, each in a fresh tab; plus a host no extension touches, for reference.
 * The figure is the median of per-round differences wallet − floor.
 */
export async function measurePageLoad({ ctx, walletUrl, floorUrl, noneUrl, trials = 40 }) {
  const dcl = async (url) => {
    const page = await ctx.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const ms = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
    await page.close();
    return ms;
  };
  const out = { wallet: [], floor: [], none: [] };
  for (let i = 0; i < 3; i++) for (const u of [walletUrl, floorUrl, noneUrl]) await dcl(u); // warm caches
  for (let i = 0; i < trials; i++) {
    const order = [['wallet', walletUrl], ['floor', floorUrl], ['none', noneUrl]];
    if (i % 2) order.reverse();
    for (const [k, u] of order) out[k].push(await dcl(u));
  }
  // Paired differences (wallet − floor of the same round): the machine's drift cancels out.
  out.diff = out.wallet.map((w, i) => w - out.floor[i]);
  return out;
}
