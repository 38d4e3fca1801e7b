/**
 * Where the MAIN-world script's page-load JavaScript goes: a CPU profile (CDP Profiler, 25 µs sampling)
 * of N loads of a plain 127.0.0.1 page with the script as the only MAIN-world content script at
 * document_start, summed: self time per function of the script, then sample ticks per source line.
 * Read a readable build (MCW_NO_MINIFY=1 MCW_OUT_DIR=.output-nomin npm run build), e.g.
 *
 *   node tests/bench/inpageProfile.mjs 40 .output-nomin/chrome-mv3/content-scripts/inpage.js
 *
 * The profiler slows the page (figures ≈ 1.7× those of inpageAB.mjs), and V8 charges compiling a
 * function at its first call to the line that calls it: a call line's ticks are mostly that compile.
 * The first 3 loads (cold caches) are left out.
 */
import { mainWorldExtension, startRig } from './mainWorldRig.mjs';

const [loads, file] = [Number(process.argv[2]), process.argv[3]];
if (!(loads > 3) || !file) {
  console.error('usage: node tests/bench/inpageProfile.mjs LOADS script.js');
  process.exit(2);
}
const dir = mainWorldExtension('profiled', 'v', file);
const { ctx, port, close } = await startRig([dir]);

const selfTime = new Map();
const lineTicks = new Map();
const ours = (frame) => frame.url.startsWith('chrome-extension://');
for (let i = 0; i < loads; i++) {
  const page = await ctx.newPage();
  // A same-site page first, so the measured navigation stays in the renderer the profiler is attached to.
  await page.goto(`http://127.0.0.1:${port}/x/blank.html`);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 25 });
  await cdp.send('Profiler.start');
  await page.goto(`http://127.0.0.1:${port}/v/page.html`, { waitUntil: 'load' });
  const { profile } = await cdp.send('Profiler.stop');
  await page.close();
  if (i < 3) continue;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, k) => {
    const f = byId.get(id).callFrame;
    if (!ours(f) && !f.functionName.startsWith('(garbage')) return;
    const key = ours(f) ? `${f.functionName || '(top level)'} line ${f.lineNumber + 1}` : f.functionName;
    selfTime.set(key, (selfTime.get(key) ?? 0) + (profile.timeDeltas[k + 1] ?? 0));
  });
  for (const n of profile.nodes) {
    if (!ours(n.callFrame)) continue;
    for (const p of n.positionTicks ?? []) {
      const key = `line ${p.line} (${n.callFrame.functionName || 'top level'})`;
      lineTicks.set(key, (lineTicks.get(key) ?? 0) + p.ticks);
    }
  }
}
const per = loads - 3;
console.log(`self time per load (µs), ${per} loads:`);
for (const [k, v] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(v / per).toFixed(0).padStart(6)}  ${k}`);
console.log('sample ticks per source line (all loads):');
for (const [k, v] of [...lineTicks].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${String(v).padStart(6)}  ${k}`);
await close();
