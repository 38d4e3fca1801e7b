/** The promise-chain mutex: one at a time, in call order, a failure does not stop the chain. */
import { describe, expect, it } from 'vitest';
import { createSerial } from '../../src/background/serial';

describe('createSerial', () => {
  it('runs read-modify-write sections one at a time: no lost update among 2,000 concurrent callers', async () => {
    const serial = createSerial();
    let store = 0;
    let inside = 0;
    let maxInside = 0;
    const tasks = Array.from({ length: 2000 }, () =>
      serial(async () => {
        inside++;
        maxInside = Math.max(maxInside, inside);
        const read = store;
        await Promise.resolve();
        await new Promise((r) => setImmediate(r));
        store = read + 1;
        inside--;
      }),
    );
    await Promise.all(tasks);
    expect(store).toBe(2000);
    expect(maxInside).toBe(1);
  });

  it('keeps call order and goes on after a failure, which reaches only its caller', async () => {
    const serial = createSerial();
    const order: number[] = [];
    const a = serial(async () => order.push(1));
    const b = serial(async () => {
      throw new Error('boom');
    });
    const c = serial(() => order.push(3));
    await expect(b).rejects.toThrow('boom');
    await Promise.all([a, c]);
    expect(order).toEqual([1, 3]);
  });

  it('without it the same workload loses updates (the bug it prevents)', async () => {
    let store = 0;
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        const read = store;
        await new Promise((r) => setImmediate(r));
        store = read + 1;
      }),
    );
    expect(store).toBeLessThan(100);
  });
});
