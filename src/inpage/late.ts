/**
 * The page's providers come in two MAIN-world scripts (README "Page load: two scripts"):
 *
 * - `inpage.js` at document_start: the EVM provider, and for every other family what announces it and
 *   what a page may touch first (Wallet Standard stand-ins, `window.tron`, `window.unisat`…), as
 *   stand-ins built here. It leaves a hook on window holding its bridge.
 * - `inpage-late.js` at document_idle (after DOMContentLoaded): each family's real provider code
 *   (src/families/inpageLate.ts), which reuses that bridge and hands its parts to the hook.
 *
 * Chromium compiles a content script on the page's main thread at every load (no code cache): code
 * in the first script delays DOMContentLoaded of every page, code in the second does not.
 *
 * A stand-in answers what a page can ask before the real code arrived: static fields (`early`), async
 * methods that wait for the real object (`calls`) and listener methods recorded and replayed on it
 * (`subs`). Once arrived, every read of the stand-in is the real object's. The hook is deleted when
 * used; a page script that calls it first only feeds its own page its own objects (it can do that to
 * itself anyway, and every request still goes through the relay, which takes the origin from the browser).
 */
import type { LateParts } from '../families/inpageLate';

interface Hook {
  readonly bridge: unknown;
  deliver(parts: LateParts): void;
}

const HOOK = 'multichainWallet:late';
const w = window as unknown as Record<string, Hook | undefined>;

let parts: LateParts | undefined;
let arrival: Promise<void> | undefined;
let arrived: (() => void) | undefined;

/** Resolves when the late script handed its parts over (at once if it already did). */
export function whenLate(): Promise<void> {
  return (arrival ??= parts ? Promise.resolve() : new Promise<void>((resolve) => (arrived = resolve)));
}

/** A family's late part, or undefined before the late script ran. */
export function late<F extends keyof LateParts>(family: F): LateParts[F] | undefined {
  return parts?.[family];
}

/** Start script: leaves the hook (not enumerable) for the late script. */
export function openLate(bridge: unknown): void {
  const hook: Hook = {
    bridge,
    deliver(p) {
      if (parts) return;
      parts = p;
      delete w[HOOK];
      arrived?.();
    },
  };
  Object.defineProperty(window, HOOK, { value: Object.freeze(hook), configurable: true });
}

/** Late script: the start script's hook (undefined where it did not run). */
export function lateHook(): Hook | undefined {
  return w[HOOK];
}

/** What a page may use of an object before the real one arrived. */
export interface Surface {
  /** Plain fields (a version, a flag). */
  readonly early?: Readonly<Record<string, unknown>>;
  /** Methods returning a promise: they wait for the real object, then call its method. */
  readonly calls?: readonly string[];
  /** Listener methods, recorded and replayed in order on the real object when it arrives. */
  readonly subs?: readonly string[];
  /** What a recorded listener call returns: the stand-in (EventEmitter style) or an unsubscribe function. */
  readonly subsReturn?: 'self' | 'off';
}

/** The listener methods of src/inpage/emitter.ts' EventEmitter, for stand-ins of providers built on it. */
export const EMITTER_SUBS = ['on', 'addListener', 'once', 'removeListener', 'off', 'removeAllListeners'];

type Methods = Record<PropertyKey, (...a: unknown[]) => unknown>;

/**
 * A stand-in for the object `real` returns once the late script arrived (undefined before). The page's
 * own writes before arrival stay on the stand-in; after, they go to the real object. Methods read
 * through it are bound to the real object (the same function on every read).
 */
export function lateObject<T extends object>(real: () => object | undefined, surface: Surface): T {
  const own: Record<PropertyKey, unknown> = { ...surface.early };
  const mine = new Set<PropertyKey>();
  const queue: Array<() => void> = [];
  const now = (): Methods => real() as Methods;
  for (const m of surface.calls ?? []) {
    own[m] = async (...a: unknown[]) => {
      await whenLate();
      return now()[m]!(...a);
    };
  }
  for (const s of surface.subs ?? []) {
    own[s] = (...a: unknown[]) => {
      if (real()) return now()[s]!(...a);
      let off: unknown;
      let dropped = false;
      queue.push(() => {
        if (!dropped) off = now()[s]!(...a);
      });
      if (queue.length === 1) void whenLate().then(() => queue.splice(0).forEach((replay) => replay()));
      return surface.subsReturn === 'off'
        ? () => {
            dropped = true;
            if (typeof off === 'function') (off as () => void)();
          }
        : proxy;
    };
  }
  const bound = new WeakMap<object, unknown>();
  const proxy: T = new Proxy(own, {
    get(target, key) {
      const r = mine.has(key) ? undefined : real();
      if (!r || !(key in r)) return Reflect.get(target, key);
      const v: unknown = Reflect.get(r, key);
      if (typeof v !== 'function') return v;
      if (!bound.has(v)) bound.set(v, v.bind(r));
      return bound.get(v);
    },
    has: (target, key) => key in target || key in (real() ?? {}),
    set(target, key, value) {
      const r = real();
      if (r) {
        mine.delete(key);
        return Reflect.set(r, key, value);
      }
      mine.add(key);
      return Reflect.set(target, key, value);
    },
  }) as T;
  return proxy;
}
