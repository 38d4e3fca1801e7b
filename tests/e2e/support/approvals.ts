/** The approval window as a test user sees it: find the one showing a request, check who asks, click. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Wallet } from './chromium';

export const approvalPages = (wallet: Wallet): Page[] => wallet.context.pages().filter((x) => x.url().includes('/approval.html'));

/** The approval window showing a request: a fresh one or the previous one reused. */
export async function approvalWindow(wallet: Wallet): Promise<Page> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    for (const p of approvalPages(wallet)) {
      if (await p.getByTestId('approval').isVisible().catch(() => false)) return p;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no approval window showed a request (open: ${wallet.context.pages().map((p) => p.url()).join(', ')})`);
}

/** Waits for the window, checks it names the requesting origin (from the browser), runs `check`, then approves or rejects. */
export async function decide(wallet: Wallet, expectOrigin: string, approve: boolean, check?: (w: Page) => Promise<void>): Promise<void> {
  const win = await approvalWindow(wallet);
  expect(await win.getByTestId('approval-origin').textContent()).toContain(expectOrigin);
  if (check) await check(win);
  await win.getByTestId(approve ? 'approve' : 'reject').click();
}
