/**
 * The browser events that can wake the service worker, as the wallet's code subscribes to them.
 *
 * The worker is two files (src/background/boot/core.ts): a small eager core that owns the real
 * `chrome.*` listeners, registered at its top level as MV3 requires, and the rest of the
 * background, loaded on the first event the core cannot answer itself. A listener added while an
 * event is being dispatched does not receive that event (checked in Chromium), so the rest of the
 * background does not add browser listeners for these events: it subscribes here, and the core
 * hands each event over with `dispatchWake` (the one that made it load the rest, and every later one).
 */
import type { Browser } from 'wxt/browser';

export interface WakeEvents {
  /** runtime.onConnect */
  connect: (port: Browser.runtime.Port) => void;
  /** runtime.onMessage: returns true to answer asynchronously through sendResponse. */
  message: (msg: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void) => boolean | undefined | void;
  /** runtime.onInstalled */
  installed: (details: { reason: string; previousVersion?: string }) => void;
  /** alarms.onAlarm */
  alarm: (alarm: { name: string; scheduledTime: number }) => void;
  /** windows.onRemoved */
  windowRemoved: (windowId: number) => void;
}
export type WakeEvent = keyof WakeEvents;

const listeners: { [K in WakeEvent]: Array<WakeEvents[K]> } = { connect: [], message: [], installed: [], alarm: [], windowRemoved: [] };

/** Subscribes to a wake-up event (instead of `browser.<api>.<event>.addListener`). */
export function onWake<K extends WakeEvent>(event: K, fn: WakeEvents[K]): void {
  listeners[event].push(fn);
}

/** Delivers one event to every subscriber; true when one of them answers a message later. */
export function dispatchWake<K extends WakeEvent>(event: K, args: Parameters<WakeEvents[K]>): boolean {
  let later = false;
  for (const fn of [...listeners[event]]) {
    if ((fn as (...a: unknown[]) => unknown)(...args) === true) later = true;
  }
  return later;
}
