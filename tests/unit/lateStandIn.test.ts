/**
 * The page's two MAIN-world scripts meet through src/inpage/late.ts: the document_start script's
 * stand-ins answer before the families' code arrived (fields, waiting calls, recorded listeners), and
 * are the real objects' once it did. Each case loads a fresh copy of the module (its arrival state).
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LateParts } from '../../src/families/inpageLate';

afterAll(() => void vi.unstubAllGlobals());

const HOOK = 'multichainWallet:late';
type Late = typeof import('../../src/inpage/late');
let late: Late;

beforeEach(async () => {
  vi.resetModules();
  // The hook cannot be deleted (not configurable): each case gets a fresh window.
  vi.stubGlobal('window', new EventTarget());
  late = await import('../../src/inpage/late');
});
const hookOf = (): PropertyDescriptor | undefined => Object.getOwnPropertyDescriptor(window, HOOK);

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

const partsWith = (real: Real): LateParts => ({ tron: { provider: () => real } }) as unknown as LateParts;

/** Hands `real` over the way the families' script does, through the hook the start script left. */
function arrive(real: Real): void {
  late.deliverLate(partsWith(real));
}

describe('late stand-ins (src/inpage/late.ts)', () => {
  it('the hook carries the bridge until the parts arrive, cannot be replaced, and takes parts only with the build token, once', async () => {
    const bridge = { name: 'bridge' };
    late.openLate(bridge);
    expect(hookOf()).toMatchObject({ enumerable: false, configurable: false, writable: false });
    expect(Object.isFrozen(hookOf()!.value)).toBe(true);
    expect(Function.prototype.toString.call(late.lateHook()!.deliver)).toContain('[native code]');
    expect(late.lateHook()?.bridge).toBe(bridge);
    let arrived = false;
    void late.whenLate().then(() => (arrived = true));
    // A page's delivery, without the token the two bundles share: ignored.
    late.lateHook()!.deliver(partsWith(new Real()), 'guess');
    await Promise.resolve();
    expect(arrived).toBe(false);
    expect(late.late('tron')).toBeUndefined();
    const first = new Real();
    arrive(first);
    arrive(new Real());
    await late.whenLate();
    expect(arrived).toBe(true);
    expect(late.lateHook()?.bridge).toBeUndefined();
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

  it('is read-only like the frozen providers it stands for; a page may still freeze it, and reads go on', async () => {
    late.openLate({});
    let real: (Real & { tag?: string }) | undefined;
    const stand = late.lateObject<Real & { tag?: string }>(() => real, { early: { early: 1 }, calls: ['request'] });
    expect(Reflect.set(stand, 'request', () => 'evil')).toBe(false);
    expect(Reflect.defineProperty(stand, 'tag', { value: 'x' })).toBe(false);
    expect(Reflect.deleteProperty(stand, 'request')).toBe(false);
    expect(Object.keys(stand).sort()).toEqual(['early', 'request']);
    expect(Object.getOwnPropertyDescriptor(stand, 'early')).toMatchObject({ value: 1, writable: false });
    Object.freeze(stand);
    expect(Object.isFrozen(stand)).toBe(true);
    real = new Real();
    arrive(real);
    expect(await stand.request('after freeze')).toBe('answer to after freeze');
    expect(stand.request).toBe(stand.request);
    expect(stand.isReal).toBe(true);
    expect(real.tag).toBeUndefined();
  });

  it('a replayed listener that throws does not stop the others', async () => {
    late.openLate({});
    let real: (Real & { on: (e: string) => Real }) | undefined;
    const stand = late.lateObject<Real>(() => real, { subs: ['on'] });
    stand.on('boom');
    stand.on('after');
    real = new Real();
    const on = real.on.bind(real);
    real.on = (e: string) => {
      if (e === 'boom') throw new Error('listener setup failed');
      return on(e);
    };
    const thrown: unknown[] = [];
    vi.useFakeTimers();
    try {
      arrive(real);
      await late.whenLate();
      await Promise.resolve();
      try {
        vi.runAllTimers();
      } catch (err) {
        thrown.push(err);
      }
    } finally {
      vi.useRealTimers();
    }
    expect(real.log).toEqual(['on after']);
    expect(String(thrown[0])).toContain('listener setup failed');
  });

  it('without the start script (no hook), the families script finds nothing and nothing arrives', async () => {
    expect(late.lateHook()).toBeUndefined();
    expect(late.late('tron')).toBeUndefined();
  });
});
