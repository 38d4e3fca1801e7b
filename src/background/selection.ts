/**
 * "The selected wallet or account changed": the families whose dApp account follows the popup's
 * selection (Bitcoin, Solana, TRON) subscribe and tell their connected sites (accountsChanged).
 */
type Listener = () => void | Promise<void>;
const listeners: Listener[] = [];

export function onSelectionChanged(fn: Listener): void {
  listeners.push(fn);
}

/** How many listeners are registered (a family loaded later registers its own; see lazyModules.ts). */
export function listenerCount(): number {
  return listeners.length;
}

export function selectionChanged(): void {
  notifyListenersFrom(0);
}

/** Runs the listeners registered at or after `index`: those of a family that loaded after the change. */
export function notifyListenersFrom(index: number): void {
  for (const fn of listeners.slice(index)) {
    try {
      void Promise.resolve(fn()).catch(() => undefined);
    } catch {
      // a listener's failure must not break the selection itself
    }
  }
}
