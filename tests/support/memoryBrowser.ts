/**
 * The `wxt/browser` module for unit tests of worker code: storage.local (and session) on `store`, values
 * JSON-copied in and out as the browser does; every event accepts listeners and never fires.
 * Use: vi.mock('wxt/browser', async () => (await import('…/memoryBrowser')).memoryBrowser(store)).
 */
export function memoryBrowser(store: Map<string, unknown>): { browser: unknown } {
  const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
  const local = {
    async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
      const list = keys === undefined || keys === null ? [...store.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => store.has(k)).map((k) => [k, clone(store.get(k))]));
    },
    async set(items: Record<string, unknown>): Promise<void> {
      for (const [k, v] of Object.entries(items)) store.set(k, clone(v));
    },
    async remove(keys: string | string[]): Promise<void> {
      for (const k of Array.isArray(keys) ? keys : [keys]) store.delete(k);
    },
  };
  const event = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false };
  return { browser: { storage: { local, session: local, onChanged: event }, runtime: { id: 'test', getURL: (p: string) => `chrome-extension://test${p}`, onMessage: event, onConnect: event, onInstalled: event, onStartup: event, sendMessage: async () => undefined }, alarms: { create: () => undefined, clear: async () => true, onAlarm: event }, tabs: { create: async () => ({}) } } };
}
