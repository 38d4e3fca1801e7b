/**
 * Launches Debian's Chromium with the built extension loaded (new headless mode), and finds
 * the extension id from its service worker. Every test gets a fresh profile unless it passes
 * `userDataDir` (a directory it owns) to relaunch the same profile, e.g. to test a browser restart.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const CHROME_DIR = resolve(process.cwd(), process.env.MCW_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Wallet {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens an extension page (popup.html, onboarding.html…) in a new tab sized like the popup. */
  openPage: (path: string, size?: { width: number; height: number }) => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * No test reaches beyond 127.0.0.1: every host name but the loopback ones resolves to nothing, so the
 * wallet's public defaults (the price API, a mainnet RPC the incoming-transfer poller might ask) fail
 * fast instead of leaving the machine. A test may pass its own --host-resolver-rules in `args` (the
 * last one wins).
 */
export const OFFLINE_RULES = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

/** args: extra Chromium switches. */
export async function launchWallet(opts: { locale?: string; userDataDir?: string; args?: readonly string[] } = {}): Promise<Wallet> {
  if (!existsSync(`${CHROME_DIR}/manifest.json`)) throw new Error(`Build the extension first (npm run build): ${CHROME_DIR} is missing`);
  const context = await chromium.launchPersistentContext(opts.userDataDir ?? '', {
    executablePath: CHROMIUM,
    headless: true,
    locale: opts.locale ?? 'en-US',
    args: [
      '--headless=new',
      `--disable-extensions-except=${CHROME_DIR}`,
      `--load-extension=${CHROME_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      OFFLINE_RULES,
      ...(opts.locale ? [`--lang=${opts.locale}`] : []),
      ...(opts.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const openPage = async (path: string, size = { width: 360, height: 600 }): Promise<Page> => {
    const page = await context.newPage();
    await page.setViewportSize(size);
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };
  return { context, extensionId, worker, openPage, close: () => context.close() };
}

/** Every storage area the extension can write, as text: storage.local/sync/session and IndexedDB. */
export async function dumpAllStorage(wallet: Wallet): Promise<string> {
  const fromWorker = await wallet.worker.evaluate(async () => {
    type Area = { get(k: null): Promise<Record<string, unknown>> };
    const c = (globalThis as unknown as { chrome: { storage: { local: Area; sync: Area; session: Area } } }).chrome;
    const [local, sync, session] = await Promise.all([c.storage.local.get(null), c.storage.sync.get(null), c.storage.session.get(null)]);
    const dbs = (await indexedDB.databases?.()) ?? [];
    return JSON.stringify({ local, sync, session, indexedDbNames: dbs.map((d) => d.name) });
  });
  const page = await wallet.openPage('popup.html');
  const fromPage = await page.evaluate(async () => {
    const dbs = (await indexedDB.databases?.()) ?? [];
    const out: Record<string, unknown> = { localStorage: { ...localStorage }, sessionStorage: { ...sessionStorage } };
    for (const d of dbs) {
      if (!d.name) continue;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(d.name!);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        out[`${d.name}/${store}`] = await new Promise((res) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
          r.onerror = () => res(null);
        });
      }
    }
    return JSON.stringify(out);
  });
  await page.close();
  return `${fromWorker}\n${fromPage}`;
}

/** Imports a mnemonic through the onboarding page, as a user does, and closes the page. */
export async function importWallet(wallet: Wallet, mnemonic: string, password: string): Promise<void> {
  const onboarding = await wallet.openPage('onboarding.html', { width: 800, height: 900 });
  await onboarding.getByTestId('import').click();
  await onboarding.getByTestId('import-mnemonic').fill(mnemonic);
  await onboarding.getByTestId('import-next').click();
  await onboarding.getByTestId('new-password').fill(password);
  await onboarding.getByTestId('confirm-password').fill(password);
  await onboarding.getByTestId('finish').click();
  await onboarding.getByTestId('onboarding-done').waitFor({ timeout: 30_000 });
  await onboarding.close();
}
