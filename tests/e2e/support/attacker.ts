/**
 * Drives the malicious page (tests/e2e/pages/attacker.ts) and counts what the wallet does: approval
 * windows opened, answers received. Helpers shared by the malicious-dApp suites.
 */
import type { Page } from 'playwright-core';
import { approvalPages } from './approvals';
import type { Wallet } from './chromium';

export interface Answer {
  id: string;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

type AttackApi = Record<string, (...a: unknown[]) => unknown>;

/** Calls a function of `window.attack` in the page. */
export const attack = <T = unknown>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(({ fn, args }) => (window as unknown as { attack: AttackApi }).attack[fn]!(...args), { fn, args }) as Promise<T>;

export async function openAttacker(wallet: Wallet, url: string): Promise<Page> {
  const page = await wallet.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { attack?: unknown }).attack !== undefined);
  return page;
}

/** Counts approval windows opened from now on (a new page's URL is read later: it starts as about:blank). */
export function countWindows(wallet: Wallet): { opened: () => number; stop: () => void } {
  const pages: Page[] = [];
  const onPage = (p: Page): void => void pages.push(p);
  wallet.context.on('page', onPage);
  return { opened: () => pages.filter((p) => p.url().includes('/approval.html')).length, stop: () => wallet.context.off('page', onPage) };
}

/** The approval windows currently showing a request. */
export async function visibleApprovals(wallet: Wallet): Promise<Page[]> {
  const out: Page[] = [];
  for (const p of approvalPages(wallet)) if (await p.getByTestId('approval').isVisible().catch(() => false)) out.push(p);
  return out;
}

/** Until `done()` or the deadline: clicks `button` in every approval window that shows a request. */
export async function clickUntil(wallet: Wallet, button: string, done: () => Promise<boolean>, ms = 60_000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (await done()) return true;
    for (const p of await visibleApprovals(wallet)) await p.getByTestId(button).click({ timeout: 2_000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 150));
  }
  return done();
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `cond` until it holds or `ms` pass; returns whether it held (the caller asserts). */
export async function waitFor(cond: () => Promise<boolean>, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (await cond()) return true;
    await sleep(200);
  }
  return cond();
}

/** JSON with object keys sorted: the same answer compares equal whatever the key order (storage sorts keys). */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
}
