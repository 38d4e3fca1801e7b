/** A tiny Node-style event emitter for providers (on/once/off/removeListener/emit). */
type Listener = (...args: unknown[]) => void;

export class Emitter {
  #listeners = new Map<string, Listener[]>();

  on(event: string, fn: Listener): this {
    if (typeof fn !== 'function') return this;
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), fn]);
    return this;
  }
  addListener(event: string, fn: Listener): this {
    return this.on(event, fn);
  }
  once(event: string, fn: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(event, wrapped);
      fn(...args);
    };
    return this.on(event, wrapped);
  }
  removeListener(event: string, fn: Listener): this {
    const list = this.#listeners.get(event);
    if (list) this.#listeners.set(event, list.filter((l) => l !== fn));
    return this;
  }
  off(event: string, fn: Listener): this {
    return this.removeListener(event, fn);
  }
  removeAllListeners(event?: string): this {
    if (event === undefined) this.#listeners.clear();
    else this.#listeners.delete(event);
    return this;
  }
  listenerCount(event: string): number {
    return this.#listeners.get(event)?.length ?? 0;
  }
  emit(event: string, ...args: unknown[]): boolean {
    const list = this.#listeners.get(event);
    if (!list?.length) return false;
    for (const fn of [...list]) {
      try {
        fn(...args);
      } catch (err) {
        // A dApp's listener throwing must not break the provider or other listeners.
        setTimeout(() => {
          throw err;
        });
      }
    }
    return true;
  }
}
