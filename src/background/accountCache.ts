/**
 * Public values derived from one account (its address), kept while the worker lives. Deriving an
 * address costs a key derivation, and the dApp families ask for it on every request; the value is
 * public, so caching it in memory is safe. The key is every input the value depends on (wallet id
 * and index, plus e.g. Bitcoin's scheme and network); wallet ids are never reused, so an entry
 * cannot name another wallet's account.
 */
export class AccountCache<T> {
  readonly #values = new Map<string, T>();

  static key(parts: readonly (string | number)[]): string {
    return parts.join(':');
  }

  /** The cached value, or `derive()`'s result (cached on success; a failure caches nothing). */
  async get(parts: readonly (string | number)[], derive: () => T | Promise<T>): Promise<T> {
    const key = AccountCache.key(parts);
    const hit = this.#values.get(key);
    if (hit !== undefined) return hit;
    const value = await derive();
    this.#values.set(key, value);
    return value;
  }

  /** Records a value learnt elsewhere (e.g. while signing with the account's key). */
  set(parts: readonly (string | number)[], value: T): void {
    this.#values.set(AccountCache.key(parts), value);
  }

  clear(): void {
    this.#values.clear();
  }
}
