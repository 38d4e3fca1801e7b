/** The in-memory cache of public per-account values (src/background/accountCache.ts). */
import { describe, expect, it } from 'vitest';
import { AccountCache } from '../../src/background/accountCache';

describe('AccountCache', () => {
  it('derives once per key and keys on every part', async () => {
    const cache = new AccountCache<string>();
    let derivations = 0;
    const derive = (v: string) => () => {
      derivations++;
      return v;
    };
    expect(await cache.get(['w1', 0], derive('A'))).toBe('A');
    expect(await cache.get(['w1', 0], derive('other'))).toBe('A');
    expect(await cache.get(['w1', 1], derive('B'))).toBe('B');
    expect(await cache.get(['w1', 0, 'p2tr', 'testnet'], derive('C'))).toBe('C');
    expect(derivations).toBe(3);
    expect(AccountCache.key(['w1', 0, 'p2tr'])).toBe('w1:0:p2tr');
  });

  it('caches nothing when deriving fails, and set/clear replace entries', async () => {
    const cache = new AccountCache<string>();
    await expect(cache.get(['w', 0], () => Promise.reject(new Error('locked')))).rejects.toThrow('locked');
    expect(await cache.get(['w', 0], () => 'A')).toBe('A');
    cache.set(['w', 0], 'B');
    expect(await cache.get(['w', 0], () => 'unused')).toBe('B');
    cache.clear();
    expect(await cache.get(['w', 0], () => 'C')).toBe('C');
  });
});
