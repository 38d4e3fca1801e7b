/**
 * The wallet's service worker as the browser's DevTools protocol sees it: whether it runs, and
 * stopping it (as Chrome does when it idles) so a test can check what wakes it again.
 */
import { expect } from 'vitest';
import type { CDPSession } from 'playwright-core';

/** Whether the extension's service worker is running, as the browser lists its targets. */
export async function isWorkerRunning(cdp: CDPSession, extensionId: string): Promise<boolean> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
}

/** Stops every service worker until the extension's is no longer listed. */
export async function stopServiceWorker(cdp: CDPSession, extensionId: string): Promise<void> {
  await expect
    .poll(async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      return isWorkerRunning(cdp, extensionId);
    }, { timeout: 30_000, interval: 200 })
    .toBe(false);
}
