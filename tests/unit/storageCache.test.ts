/**
 * The worker's storage read cache (src/background/storageCache.ts): reads of a seen key come from
 * memory; its own writes are seen at once; a change made elsewhere (storage.onChanged) makes the next
 * read ask the browser; a read in flight across a write does not put back an older value; what a
 * caller reads is its own copy. The browser here counts its calls and fires onChanged as Chrome does
 * (after the write, for every context).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const store = new Map<string, unknown>();
const calls = { get: 0, set: 0 };
const listeners: Array<(changes: Record<string, unknown>, area: string) => void> = [];
let failNextSet = false;
/** A get answered only when the test says so (to race it with a write). */
let heldGet: { release: () => void } | null = null;
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const fire = (keys: string[]): void => {
  for (const l of listeners) l(Object.fromEntries(keys.map((k) => [k, { newValue: store.get(k) }])), 'local');
};
const area = {
  async get(keys: string[]): Promise<Record<string, unknown>> {
    calls.get++;
    const snapshot = Object.fromEntries(keys.filter((k) => store.has(k)).map((k) => [k, json(store.get(k))]));
    if (heldGet) await new Promise<void>((r) => (heldGet = { release: r }));
    return snapshot;
  },
  async set(values: Record<string, unknown>): Promise<void> {
    calls.set++;
    if (failNextSet) {
      failNextSet = false;
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    for (const [k, v] of Object.entries(values)) store.set(k, json(v));
    fire(Object.keys(values));
  },
  async remove(keys: string[]): Promise<void> {
    for (const k of keys) store.delete(k);
    fire(keys);
  },
  async clear(): Promise<void> {
    const keys = [...store.keys()];
    store.clear();
    fire(keys);
  },
};
vi.mock('wxt/browser', () => ({
  browser: { storage: { local: area, session: area, onChanged: { addListener: (l: (typeof listeners)[number]) => listeners.push(l) } } },
}));

const { localArea, enableStorageCache } = await import('../../src/background/storageCache');

/** A write made by another context: the browser changes the value, then tells every context. */
function writeElsewhere(key: string, value: unknown): void {
  store.set(key, json(value));
  fire([key]);
}

beforeEach(async () => {
  await localArea.clear();
  store.clear();
  calls.get = calls.set = 0;
  failNextSet = false;
  heldGet = null;
});

describe('storage read cache, before the worker turns it on', () => {
  it('passes every read to the browser', async () => {
    store.set('wallets', [{ id: 'a' }]);
    await localArea.get('wallets');
    await localArea.get('wallets');
    expect(calls.get).toBe(2);
  });
});

describe('storage read cache', () => {
  beforeEach(() => enableStorageCache());

  it('asks the browser once for a key, then answers from memory (missing keys too)', async () => {
    store.set('wallets', [{ id: 'a' }]);
    expect(await localArea.get(['wallets', 'selection'])).toEqual({ wallets: [{ id: 'a' }] });
    expect(await localArea.get('wallets')).toEqual({ wallets: [{ id: 'a' }] });
    expect(await localArea.get(['selection', 'wallets'])).toEqual({ wallets: [{ id: 'a' }] });
    expect(calls.get).toBe(1);
  });

  it('gives each caller its own copy', async () => {
    store.set('wallets', [{ id: 'a' }]);
    const first = (await localArea.get('wallets')).wallets as Array<{ id: string }>;
    first.push({ id: 'mutated' });
    const cached = (await localArea.get('wallets')).wallets as Array<{ id: string }>;
    cached[0]!.id = 'also mutated';
    expect((await localArea.get('wallets')).wallets).toEqual([{ id: 'a' }]);
  });

  it('sees its own write at once, even before the write settled', async () => {
    store.set('selection', { walletId: 'a', accountIndex: 0 });
    await localArea.get('selection');
    const writing = localArea.set({ selection: { walletId: 'a', accountIndex: 3 } });
    expect((await localArea.get('selection')).selection).toEqual({ walletId: 'a', accountIndex: 3 });
    await writing;
    expect(store.get('selection')).toEqual({ walletId: 'a', accountIndex: 3 });
    expect((await localArea.get('selection')).selection).toEqual({ walletId: 'a', accountIndex: 3 });
  });

  it('reads a change made elsewhere from the browser again', async () => {
    store.set('permissions', { 'https://a.example': {} });
    await localArea.get('permissions');
    writeElsewhere('permissions', {});
    expect((await localArea.get('permissions')).permissions).toEqual({});
    expect(calls.get).toBe(2);
  });

  it("keeps its own write when the browser reports it, even with the object's keys in another order", async () => {
    await localArea.set({ balanceCache: { 'evm:1|0xa': { address: '0xa', assets: [{ symbol: 'ETH', amount: '1' }] } } });
    // Chrome rebuilds the reported value from its own storage format: keys may come sorted.
    for (const l of listeners) l({ balanceCache: { newValue: { 'evm:1|0xa': { assets: [{ amount: '1', symbol: 'ETH' }], address: '0xa' } } } }, 'local');
    expect((await localArea.get('balanceCache')).balanceCache).toEqual({ 'evm:1|0xa': { address: '0xa', assets: [{ symbol: 'ETH', amount: '1' }] } });
    await localArea.remove('gone');
    expect(await localArea.get('gone')).toEqual({});
    expect(calls.get).toBe(0);
  });

  it('forgets a key whose reported value is not the one it holds (an older write of its own, or a change elsewhere)', async () => {
    await localArea.set({ prices: { eth: 1 } });
    await localArea.set({ prices: { eth: 2 } });
    // The first write's event arrives after the second write: the cache cannot tell which is newer.
    for (const l of listeners) l({ prices: { newValue: { eth: 1 } } }, 'local');
    expect((await localArea.get('prices')).prices).toEqual({ eth: 2 }); // the browser's answer
    expect(calls.get).toBe(1);
    for (const l of listeners) l({ prices: {} }, 'local'); // removed elsewhere
    store.delete('prices');
    expect(await localArea.get('prices')).toEqual({});
    expect(calls.get).toBe(2);
  });

  it('does not keep an answer that was in flight while the key was written', async () => {
    store.set('settings', { language: 'en' });
    heldGet = { release: () => undefined };
    const reading = localArea.get('settings'); // the browser took its snapshot: language 'en'
    await Promise.resolve();
    await localArea.set({ settings: { language: 'zh-CN' } });
    heldGet.release();
    expect((await reading).settings).toEqual({ language: 'en' }); // what the browser answered then
    heldGet = null;
    expect((await localArea.get('settings')).settings).toEqual({ language: 'zh-CN' });
  });

  it('forgets a write the browser refused, and removed keys read as missing', async () => {
    store.set('addressBook', [{ name: 'A' }]);
    await localArea.get('addressBook');
    failNextSet = true;
    await expect(localArea.set({ addressBook: [] })).rejects.toThrow('QUOTA_BYTES');
    expect((await localArea.get('addressBook')).addressBook).toEqual([{ name: 'A' }]);
    await localArea.remove('addressBook');
    expect(await localArea.get('addressBook')).toEqual({});
    expect(store.has('addressBook')).toBe(false);
  });

  it('after clear() every key reads as the browser has it', async () => {
    store.set('wallets', [{ id: 'a' }]);
    await localArea.get('wallets');
    await localArea.clear();
    expect(await localArea.get('wallets')).toEqual({});
  });
});
