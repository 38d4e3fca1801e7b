/**
 * A promise-chain mutex: the queued functions run one at a time, in call order. Every
 * read-modify-write of a shared storage.session record (the approvals queue, the approval window
 * id, the execution ledger) goes through one, so concurrent requests never overwrite each other.
 */
export type Serial = <T>(fn: () => Promise<T> | T) => Promise<T>;

export function createSerial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T> | T): Promise<T> => {
    const run = tail.then(fn, fn) as Promise<T>;
    // A failure belongs to its caller; the chain itself goes on.
    tail = run.catch(() => undefined);
    return run;
  };
}
