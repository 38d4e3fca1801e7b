/**
 * The page's two MAIN-world scripts meet through src/inpage/late.ts: the document_start script's
 * stand-ins answer before the families' code arrived (fields, waiting calls, recorded listeners), and
 * are the real objects' once it did. Each case loads a fresh copy of the module (its arrival state).
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LateParts } from '../../src/families/inpageLate';

const win = new EventTarget() as EventTarget & Record<string, unknown>;
vi.stubGlobal('window', win);
afterAll(() => void vi.unstubAllGlobals());

const HOOK = 'multichainWallet:late';
type Late = typeof import('../../src/inpage/late');
let late: Late;

beforeEach(async () => {
  vi.resetModules();
  delete win[HOOK];
  late = await import('../../src/inpage/late');
});

/** A real provider: records its calls, `this` included (private state, as the real ones keep it). */
class Real {
  #log: string[] = [];
  readonly isReal = true;
  get log(): string[] {
    return this.#log;
  }
  async request(method: string): Promise<string> {
    this.#log.push(`request ${method}`);
    return `answer to ${method}`;
  }
  on(event: string): this {
    this.#log.push(`on ${event}`);
    return this;
  }
  removeListener(event: string): this {
    this.#log.push(`off ${event}`);
    return this;
  }
  subscribe(event: string): () => void {
    this.#log.push(`subscribe ${event}`);
    return () => this.#log.push(`unsubscribe ${event}`);
  }
}

/** Hands `real` over the way the families' script does, through the hook the start script left. */
function arrive(real: Real): void {
  late.lateHook()!.deliver({ tron: { provider: () => real } } as unknown as LateParts);
}

describe('late stand-ins (src/inpage/late.ts)', () => {
  it('the hook carries the bridge, is not enumerable, and is gone once the parts are delivered; a second delivery is ignored', async () => {
    const bridge = { name: 'bridge' };
    late.openLate(bridge);
    expect(Object.keys(win)).not.toContain(HOOK);
    expect(late.lateHook()?.bridge).toBe(bridge);
    let arrived = false;
    void late.whenLate().then(() => (arrived = true));
    const first = new Real();
    arrive(first);
    await late.whenLate();
    expect(arrived).toBe(true);
    expect(late.lateHook()).toBeUndefined();
    expect(HOOK in win).toBe(false);
    expect((late.late('tron') as unknown as { provider: () => Real }).provider()).toBe(first);
  });

  it('before arrival: fields answer, calls wait for the real object, listeners are replayed in order on it', async () => {
    late.openLate({});
    let real: Real | undefined;
    const stand = late.lateObject<Real & { early: number }>(() => real, { early: { early: 1 }, calls: ['request'], subs: ['on', 'removeListener'] });
    expect(stand.early).toBe(1);
    expect('request' in stand).toBe(true);
    expect('log' in stand).toBe(false);
    expect(stand.on('a')).toBe(stand); // EventEmitter style: chainable before arrival too
    stand.on('b');
    stand.removeListener('a');
    const answer = stand.request('eth_chainId');
    let settled = false;
    void answer.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);

    real = new Real();
    arrive(real);
    expect(await answer).toBe('answer to eth_chainId');
    expect(real.log).toEqual(['on a', 'on b', 'off a', 'request eth_chainId']);
    // Once arrived, every read is the real object's, methods bound to it and the same on every read.
    expect(stand.isReal).toBe(true);
    expect(stand.log).toBe(real.log);
    expect(stand.request).toBe(stand.request);
    const { request } = stand;
    expect(await request('x')).toBe('answer to x');
    stand.on('c');
    expect(real.log.slice(-2)).toEqual(['request x', 'on c']);
  });

  it('a listener recorded before arrival returns an unsubscribe that works before and after the replay', async () => {
    late.openLate({});
    let real: Real | undefined;
    const stand = late.lateObject<Real>(() => real, { subs: ['subscribe'], subsReturn: 'off' });
    const dropped = stand.subscribe('dropped') as () => void;
    const kept = stand.subscribe('kept') as () => void;
    dropped();
    real = new Real();
    arrive(real);
    await late.whenLate();
    await Promise.resolve();
    expect(real.log).toEqual(['subscribe kept']);
    kept();
    expect(real.log).toEqual(['subscribe kept', 'unsubscribe kept']);
  });

  it("the page's writes before arrival stay on the stand-in; after, they go to the real object", async () => {
    late.openLate({});
    let real: (Real & { tag?: string; wrapped?: string }) | undefined;
    const stand = late.lateObject<Real & { tag?: string; wrapped?: string }>(() => real, { calls: ['request'] });
    stand.wrapped = 'page';
    real = new Real();
    arrive(real);
    await late.whenLate();
    expect(stand.wrapped).toBe('page');
    expect(real.wrapped).toBeUndefined();
    stand.tag = 'after';
    expect(real.tag).toBe('after');
    expect(stand.tag).toBe('after');
  });

  it('without the start script (no hook), the families script finds nothing and nothing arrives', async () => {
    expect(late.lateHook()).toBeUndefined();
    expect(late.late('tron')).toBeUndefined();
  });
});
