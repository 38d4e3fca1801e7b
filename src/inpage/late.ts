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
 * (`subs`). Once arrived, every read of the stand-in is the real object's. Stand-ins are read-only, as
 * the frozen providers they stand for.
 *
 * The hook is a non-configurable, non-writable property holding a frozen object, so a page cannot swap
 * it. It hands out the bridge until the parts arrive, and `deliver` (a bound function: its source does
 * not show) takes them only with the build's token (`__MCW_LATE_TOKEN__`, random per build, known only
 * to the two scripts' bundles, which pages cannot read), once. A page script that runs before the late
 * script can read the bridge, which only posts what the page could post to the relay itself; requests
 * still go through the relay, which takes the origin from the browser.
 */
import type { LateParts } from '../families/inpageLate';

declare const __MCW_LATE_TOKEN__: string | undefined;
const TOKEN = typeof __MCW_LATE_TOKEN__ === 'undefined' ? 'unbuilt' : __MCW_LATE_TOKEN__;

interface Hook {
  /** The start script's bridge, until the parts arrived. */
  readonly bridge: unknown;
  readonly deliver: (parts: LateParts, token: string) => void;
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

/** A family's late part, once the late script handed it over (for what a family does on arrival). */
export async function lateParts<F extends keyof LateParts>(family: F): Promise<LateParts[F]> {
  await whenLate();
  return parts![family];
}

/** A family's late part, or undefined before the late script ran. */
export function late<F extends keyof LateParts>(family: F): LateParts[F] | undefined {
  return parts?.[family];
}

function deliver(p: LateParts, token: string): void {
  if (parts || token !== TOKEN) return;
  parts = p;
  arrived?.();
}

/** Start script: leaves the hook for the late script (not enumerable, not replaceable). */
export function openLate(bridge: unknown): void {
  const hook: Hook = Object.freeze({
    get bridge() {
      return parts ? undefined : bridge;
    },
    deliver: deliver.bind(null),
  });
  Object.defineProperty(window, HOOK, { value: hook });
}

/** Late script: the start script's hook (undefined where it did not run). */
export function lateHook(): Hook | undefined {
  return w[HOOK];
}

/** Late script: hands the families' parts to the start script's stand-ins. */
export function deliverLate(p: LateParts): void {
  lateHook()?.deliver(p, TOKEN);
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
 * A stand-in for the object `real` returns once the late script arrived (undefined before): reads go to
 * the real object once it exists (methods bound to it, the same function on every read), to `surface`
 * before. Read-only, as the frozen providers it stands for: writes, definitions and deletions are
 * refused. Its target stays an empty object, so a page that freezes it (`Object.freeze`, SES `harden`)
 * breaks no Proxy invariant: reads still work, reflection then sees an empty frozen object.
 */
export function lateObject<T extends object>(real: () => object | undefined, surface: Surface): T {
  const own: Record<PropertyKey, unknown> = { ...surface.early };
  const queue: Array<() => void> = [];
  const now = (): Methods => real() as Methods;
  for (const m of surface.calls ?? []) {
    own[m] = async (...a: unknown[]) => {
      await whenLate();
      return now()[m]!(...a);
    };
  }
  const replay = (): void => {
    for (const q of queue.splice(0)) {
      try {
        q();
      } catch (err) {
        setTimeout(() => {
          throw err;
        });
      }
    }
  };
  for (const s of surface.subs ?? []) {
    own[s] = (...a: unknown[]) => {
      if (real()) return now()[s]!(...a);
      let off: unknown;
      let dropped = false;
      queue.push(() => {
        if (!dropped) off = now()[s]!(...a);
      });
      if (queue.length === 1) void whenLate().then(replay);
      return surface.subsReturn === 'off'
        ? () => {
            dropped = true;
            if (typeof off === 'function') (off as () => void)();
          }
        : proxy;
    };
  }
  const bound = new WeakMap<object, unknown>();
  const read = (key: PropertyKey): unknown => {
    const r = real();
    if (!r || !(key in r)) return own[key];
    const v: unknown = Reflect.get(r, key);
    if (typeof v !== 'function') return v;
    if (!bound.has(v)) bound.set(v, v.bind(r));
    return bound.get(v);
  };
  const frozen = (target: object): boolean => !Reflect.isExtensible(target);
  const proxy: T = new Proxy({} as T, {
    get: (_t, key) => read(key),
    has: (_t, key) => key in own || key in (real() ?? {}),
    ownKeys: (target) => (frozen(target) ? [] : Reflect.ownKeys(real() ?? own)),
    getOwnPropertyDescriptor(target, key) {
      if (frozen(target) || !Object.prototype.hasOwnProperty.call(real() ?? own, key)) return undefined;
      return { value: read(key), writable: false, enumerable: true, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  return proxy;
}
