/**
 * What most e2e suites set up the same way, in one place: stopping what a suite started (one afterAll,
 * last started first, every stop attempted even when one fails), calling the dApp page's test script,
 * counting queued approvals, and an account's public half from the test phrase (its key wiped at once).
 */
import { afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { Wallet } from './chromium';
import { createDeriver } from '../../../src/core';
import type { Family } from '../../../src/core/types';
import type { KeyOptions } from '../../../src/core/derive/options';

type Stoppable = { stop(): unknown } | { close(): unknown } | { disconnect(): unknown };

/**
 * Returns `keep`: `node = keep(await startNode())` registers the node (or server, proxy, browser, API client)
 * to be stopped after all the suite's tests. What failed to start was never kept, so it is not stopped.
 */
export function stopAfterAll(): <T extends Stoppable>(thing: T) => T {
  const kept: Stoppable[] = [];
  afterAll(async () => {
    const failures: unknown[] = [];
    for (const t of kept.reverse()) {
      try {
        await ('disconnect' in t ? t.disconnect() : 'close' in t ? t.close() : t.stop());
      } catch (e) {
        failures.push(e);
      }
    }
    if (failures.length) throw failures[0];
  });
  return (thing) => {
    kept.push(thing);
    return thing;
  };
}

/** Calls `window.dapp[fn](...args)` on the page `page()` returns (the test dApps' scripts) and returns its answer. */
export function dappCaller<R>(page: () => Page): <T = R>(fn: string, ...args: unknown[]) => Promise<T> {
  return <T = R>(fn: string, ...args: unknown[]): Promise<T> =>
    page().evaluate(({ fn, args }) => (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).dapp![fn]!(...args), { fn, args }) as Promise<T>;
}

/** How many approval requests wait in the queue (storage.session `approvals`). */
export function queuedApprovals(wallet: Wallet): Promise<number> {
  return wallet.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown[] | undefined>> } } } }).chrome;
    return ((await c.storage.session.get('approvals')).approvals ?? []).length;
  });
}

/** Account `index` of `family` from `mnemonic`: its address and public key; the secret key is zeroed before returning. */
export function publicAccount(mnemonic: string, family: Family, index: number, opts?: KeyOptions): { address: string; publicKey: string } {
  const d = createDeriver(mnemonic);
  const own = d.account(family, index, opts);
  own.secretKey.fill(0);
  d.wipe();
  return { address: own.address, publicKey: own.publicKey };
}
