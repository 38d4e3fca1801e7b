/**
 * A/B harness for the MAIN-world script's page-load JavaScript (issue 12; README "Benchmarks"): each
 * variant is a script file loaded as the only MAIN-world content script at document_start of its own
 * extension, on its own path of 127.0.0.1 (a secure context: `crypto.randomUUID` exists there, not on a
 * plain-http host name), beside an extension with an empty script (the floor). The variants and the
 * floor load interleaved in fresh tabs, order reversed every other round; each figure is the median of
 * per-round differences variant − floor of CDP `Performance.getMetrics` ScriptDuration (thread time),
 * with its interquartile range. What `npm run bench` measures, minus the rest of the extension, so two
 * builds (or a build and a hand-edited copy of it) compare in one browser:
 *
 *   node tests/bench/inpageAB.mjs 60 before=.output-a/chrome-mv3/content-scripts/inpage.js after=.output-b/chrome-mv3/content-scripts/inpage.js
 *
 * Note: ScriptDuration does not count compiling the script itself, and V8 compiles a parenthesized
 * function (and everything the bundler inlines into one) with the script: a variant that only moves code
 * into such a function looks cheaper here without being cheaper (README "Benchmarks").
 */
import { mainWorldExtension, startRig } from './mainWorldRig.mjs';

const trials = Number(process.argv[2]);
const variants = process.argv.slice(3).map((a) => a.split('='));
if (!(trials > 0) || variants.length === 0 || variants.some(([n, f]) => !/^[a-z0-9-]+$/i.test(n) || !f)) {
  console.error('usage: node tests/bench/inpageAB.mjs TRIALS name=script.js [name=script.js …]');
  process.exit(2);
}
const all = [['floor', null], ...variants];
const dirs = all.map(([name, file]) => mainWorldExtension(name, name, file));
const { ctx, port, close } = await startRig(dirs);

const load = async (name) => {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(`http://127.0.0.1:${port}/${name}/page.html`, { waitUntil: 'load' });
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  return metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
};
const runs = Object.fromEntries(all.map(([n]) => [n, []]));
for (let i = 0; i < 3; i++) for (const [n] of all) await load(n); // warm caches
for (let i = 0; i < trials; i++) {
  const order = all.map(([n]) => n);
  if (i % 2) order.reverse();
  for (const n of order) runs[n].push(await load(n));
}
const quantile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * p;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
};
for (const [n] of variants) {
  const d = runs[n].map((x, i) => x - runs.floor[i]);
  console.log(`${n}: JavaScript over the floor ${quantile(d, 0.5).toFixed(3)} ms (IQR ${quantile(d, 0.25).toFixed(2)} … ${quantile(d, 0.75).toFixed(2)}), ${trials} paired loads`);
}
await close();
