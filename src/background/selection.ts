/**
 * "The selected wallet or account changed": the families whose dApp account follows the popup's
 * selection (Bitcoin, Solana, TRON) subscribe and tell their connected sites (accountsChanged).
 */
type Listener = () => void | Promise<void>;
const listeners: Listener[] = [];

export function onSelectionChanged(fn: Listener): void {
  listeners.push(fn);
}

export function selectionChanged(): void {
  for (const fn of listeners) {
    try {
      void Promise.resolve(fn()).catch(() => undefined);
    } catch {
      // a listener's failure must not break the selection itself
    }
  }
}
