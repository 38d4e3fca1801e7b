/**
 * Debian firefox-esr driven over WebDriver BiDi by puppeteer-core, with the Firefox build installed
 * for real, and the page helpers both Firefox e2e files use.
 *
 * No test reaches beyond 127.0.0.1: every request that is not for a loopback address goes to a
 * proxy on the discard port of 127.0.0.1, where nothing listens, so the wallet's public defaults
 * (the price API, a mainnet RPC) fail at once instead of leaving the machine.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIREFOX_DIR = resolve(process.cwd(), '.output/firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const OFFLINE_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
};

/** Launches Firefox ESR with the extension's internal UUID fixed (so moz-extension:// pages can be opened). */
export async function launchFirefox(uuid: string): Promise<{ browser: Browser; geckoId: string }> {
  if (!existsSync(`${FIREFOX_DIR}/manifest.json`)) throw new Error('Run npm run build:firefox first');
  const geckoId = JSON.parse(readFileSync(`${FIREFOX_DIR}/manifest.json`, 'utf8')).browser_specific_settings.gecko.id as string;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Lets WebDriver BiDi open moz-extension:// pages (Firefox refuses it otherwise).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }), ...OFFLINE_PREFS },
  });
  return { browser, geckoId };
}

export interface FirefoxPage {
  /** Starts loading an extension page (BiDi never reports such a navigation as finished). */
  open: (path: string) => void;
  /** Opens an extension page and waits until the NEW document shows `selector`. */
  openAt: (path: string, selector: string) => Promise<void>;
  waitFor: (selector: string, ms?: number) => Promise<void>;
  /** A real mouse click at the element's centre, scrolled into view first. */
  click: (selector: string) => Promise<void>;
}

/** Whether `err` or an error in its `cause` chain is a BiDi protocol error. */
function causedByProtocolError(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (/Protocol error|ProtocolError/.test(`${(e as Error).name ?? ''} ${String(e)}`)) return true;
  }
  return false;
}

export function firefoxPage(page: Page, uuid: string): FirefoxPage {
  const open = (path: string): void => void page.goto(`moz-extension://${uuid}/${path}`).catch(() => undefined);
  // A selector poll that lands while a navigation is still committing fails with a BiDi protocol
  // error instead of polling on (seen twice in CI; puppeteer wraps it as the `cause` of "Waiting
  // for selector … failed"); such an error is retried, any other is not.
  const waitFor = async (selector: string, ms = 30_000): Promise<void> => {
    const end = Date.now() + ms;
    for (;;) {
      try {
        await page.waitForSelector(selector, { timeout: Math.max(1, end - Date.now()) });
        return;
      } catch (err) {
        if (!causedByProtocolError(err) || Date.now() >= end) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  // The old document is marked first, so a selector still on screen from the page being left does
  // not count. Polled with timers, for the reason given at `click`.
  const openAt = async (path: string, selector: string): Promise<void> => {
    await page.evaluate(() => void ((window as unknown as { __left?: boolean }).__left = true)).catch(() => undefined);
    open(path);
    const end = Date.now() + 30_000;
    for (;;) {
      const ready = await page
        .evaluate((sel) => !(window as unknown as { __left?: boolean }).__left && document.querySelector(sel) !== null, selector)
        .catch(() => false);
      if (ready) return;
      if (Date.now() >= end) throw new Error(`${path}: ${selector} did not appear within 30 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  // Not page.click(): puppeteer's BiDi click first waits for an IntersectionObserver report on the
  // element, and headless Firefox ESR sometimes stops delivering frames to the page on a busy
  // machine, so that report (like a requestAnimationFrame) never came and the test hung.
  const click = async (selector: string): Promise<void> => {
    await waitFor(selector);
    const point = await page.$eval(selector, (el) => {
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
  };
  return { open, openAt, waitFor, click };
}
