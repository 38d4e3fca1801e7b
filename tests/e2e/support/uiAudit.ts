/**
 * Audits one screen as it is on screen: axe-core (injected with page.evaluate, which the extension
 * pages' CSP does not apply to) must report no violation, and no visible element may reach past
 * the viewport's right edge (horizontal overflow at 360 px). With MCW_SCREENSHOTS=<dir> it also
 * writes the screen's PNG there (npm run screenshots: the reviewers' gallery).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.MCW_SCREENSHOTS ? resolve(process.env.MCW_SCREENSHOTS) : null;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

export interface AuditResult {
  screen: string;
  violations: string[];
  overflow: string[];
}

export async function auditScreen(page: Page, screen: string): Promise<AuditResult> {
  // Let transitions and lazy chunks settle: the audit reads the painted page.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${(n.failureSummary ?? '').split('\n').slice(0, 2).join(' ')}`));
  });
  const overflow = await page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) out.push(`document scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
      // Content inside a scroll or clip container (a long address in a scrolling <pre>) is not overflow of the page.
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox !== 'visible' && p.getBoundingClientRect().right <= width + 1) clipped = true;
      }
      if (el.closest('.sr-only')) clipped = true;
      if (!clipped) out.push(`${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}.${el.className} right=${Math.round(r.right)} > ${width}`);
    }
    return out.slice(0, 10);
  });
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${screen}.png`), fullPage: true });
  return { screen, violations, overflow };
}
