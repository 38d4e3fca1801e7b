/**
 * The worker's view of storage.local and storage.session, read through a memory cache.
 *
 * Why: every `browser.storage` call is a round trip to the browser process (≈ 3–9 ms on a busy
 * machine), and the popup's first requests go two or three reads deep: timed inside the worker,
 * `listAccounts` and `getCachedChainBalances` took ≈ 15 ms each, nearly all of it waiting for
 * storage (README "Benchmarks"). While the worker lives, reads of a key it has seen come from memory.
 *
 * Consistency:
 *  - a write made here updates the cache when it is called, so a later read here sees it (as the
 *    browser orders one context's calls); a failed write forgets its keys;
 *  - a change made anywhere (this worker, an extension page, DevTools, the e2e tests) reaches the
 *    cache through `storage.onChanged`, which forgets the changed keys (the next read asks the
 *    browser) unless the cache already holds the new value: the event of the worker's own write
 *    (the balance cache, rewritten on every popup open, would otherwise be read from the browser on
 *    the next open, 1–21 ms), or of a write elsewhere that changed nothing;
 *  - a read in flight when one of its keys was written or changed does not keep its answer (a
 *    generation per key), so it cannot put back an older value.
 * Values are kept as JSON text (the shape storage keeps of the wallet's plain data) and parsed on
 * every read: a caller that mutates what it read cannot change the cache.
 *
 * Off until the worker starts (`enableStorageCache`): elsewhere (unit tests with an in-memory
 * browser) every call goes straight to `browser.storage`.
 */
import { browser } from 'wxt/browser';

type AreaName = 'local' | 'session';
type Keys = string | readonly string[];

/** A key known to be missing from the area. */
const ABSENT = null;

/**
 * JSON text with every object's keys sorted: Chrome hands storage.onChanged a value rebuilt from its
 * own storage format, whose objects' keys need not come in the order the worker wrote them.
 */
function canonical(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v,
  );
}

class CachedArea {
  /** key → JSON text, or ABSENT. */
  readonly #values = new Map<string, string | typeof ABSENT>();
  readonly #generation = new Map<string, number>();
  #epoch = 0;

  constructor(private readonly area: AreaName) {}

  #storage() {
    return browser.storage[this.area];
  }

  #touch(key: string): void {
    this.#generation.set(key, (this.#generation.get(key) ?? 0) + 1);
  }

  #forget(keys: Iterable<string>): void {
    for (const key of keys) {
      this.#values.delete(key);
      this.#touch(key);
    }
  }

  /**
   * storage.onChanged: keeps a key whose cached value already is the new one, forgets the others.
   * Either way a read in flight does not keep its answer (it may predate the change).
   */
  changed(changes: Record<string, { newValue?: unknown }>): void {
    for (const [key, change] of Object.entries(changes)) {
      const held = this.#values.get(key);
      this.#touch(key);
      if (held === undefined) continue;
      const removed = change?.newValue === undefined; // storage holds no undefined: the key was removed
      const same = removed ? held === ABSENT : held !== ABSENT && canonical(JSON.parse(held)) === canonical(change.newValue);
      if (!same) this.#values.delete(key);
    }
  }

  #reset(): void {
    this.#values.clear();
    this.#epoch++;
  }

  async get(keys: Keys): Promise<Record<string, unknown>> {
    const list = typeof keys === 'string' ? [keys] : [...keys];
    if (!enabled) return this.#storage().get(list);
    const out: Record<string, unknown> = {};
    const missing: string[] = [];
    for (const key of list) {
      if (!this.#values.has(key)) missing.push(key);
      else {
        const text = this.#values.get(key);
        if (typeof text === 'string') out[key] = JSON.parse(text);
      }
    }
    if (missing.length === 0) return out;
    const epoch = this.#epoch;
    const generations = missing.map((key) => this.#generation.get(key) ?? 0);
    const got = await this.#storage().get(missing);
    missing.forEach((key, i) => {
      const has = Object.prototype.hasOwnProperty.call(got, key);
      if (has) out[key] = got[key];
      if (epoch !== this.#epoch || (this.#generation.get(key) ?? 0) !== generations[i]) return;
      const text = has ? JSON.stringify(got[key]) : ABSENT;
      if (text === undefined) return; // not JSON data: not cached
      this.#values.set(key, text);
    });
    return out;
  }

  async set(values: Record<string, unknown>): Promise<void> {
    if (!enabled) return this.#storage().set(values);
    const keys = Object.keys(values);
    for (const key of keys) {
      this.#touch(key);
      const text = JSON.stringify(values[key]) as string | undefined; // undefined for a value storage drops
      if (text === undefined) this.#values.delete(key);
      else this.#values.set(key, text);
    }
    try {
      await this.#storage().set(values);
    } catch (err) {
      this.#forget(keys);
      throw err;
    }
  }

  async remove(keys: Keys): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : [...keys];
    if (!enabled) return this.#storage().remove(list);
    for (const key of list) {
      this.#touch(key);
      this.#values.set(key, ABSENT);
    }
    try {
      await this.#storage().remove(list);
    } catch (err) {
      this.#forget(list);
      throw err;
    }
  }

  async clear(): Promise<void> {
    if (!enabled) return this.#storage().clear();
    this.#reset();
    try {
      await this.#storage().clear();
    } finally {
      this.#reset();
    }
  }
}

let enabled = false;

/** storage.local as the background reads and writes it. */
export const localArea = new CachedArea('local');
/** storage.session as the background reads and writes it. */
export const sessionArea = new CachedArea('session');

/** Turns the cache on for this worker's life (startBackground): changes made anywhere forget their keys. */
export function enableStorageCache(): void {
  if (enabled) return;
  enabled = true;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') localArea.changed(changes);
    else if (area === 'session') sessionArea.changed(changes);
  });
}
