/**
 * The dApp side of the background: accepts ports from our content scripts only, takes each
 * request's origin from the port's sender (never from the message), and hands the request to
 * its chain family's handler. Events go back only to ports of the origins they concern.
 *
 * The generic pipeline every family gets: blocked sites are refused; a site may have at most
 * MAX_INFLIGHT_PER_ORIGIN requests in progress (a flood is answered at once, cheaply, and other
 * sites are unaffected); copies of a request run once (executions.ts); and nothing that names an
 * account or network reaches a site without a grant for the family (siteGuard.ts).
 */
import type { Browser } from 'wxt/browser';
import { DAPP_PORT, isPortRequest, type DappFamily, type PortMessage, type ProviderErrorShape } from '../../protocol/dapp';
import { liveGrant } from '../permissions';
import { blockedError, isBlocked } from '../siteLimits';
import { boundRequestId, runOnce, warmExecutions } from './executions';
import { ProviderError, toProviderError, unsupported } from './providerError';
import { carriesAccountData, errorForStranger } from './siteGuard';
import { onWake } from '../wakeEvents';
import { originOfSender } from './origin';

export interface DappContext {
  origin: string;
  /** The page's request id bound to what it asks (a digest of family, method and params). */
  requestId: string;
  tabId?: number;
  /** The page's port (one per frame): subscriptions answer on it and end when it closes. */
  connectionId?: number;
}

export interface FamilyHandler {
  family: DappFamily;
  handle(ctx: DappContext, method: string, params: unknown): Promise<unknown>;
}

interface Connection {
  id: number;
  port: Browser.runtime.Port;
  origin: string;
  tabId?: number;
}

/** Requests of one site being worked on at once; more are refused with -32005 until some finish. */
export const MAX_INFLIGHT_PER_ORIGIN = 100;

const connections = new Set<Connection>();
let nextConnectionId = 1;
const closeListeners: Array<(connectionId: number) => void> = [];

/** Called when a page's port closes (navigation, tab closed): per-page state is dropped there. */
export function onConnectionClosed(fn: (connectionId: number) => void): void {
  closeListeners.push(fn);
}

/** An event for one page only (its subscriptions); false when that page is gone. */
export function emitToConnection(connectionId: number, family: DappFamily, event: string, data: unknown): boolean {
  for (const c of connections) {
    if (c.id !== connectionId) continue;
    try {
      c.port.postMessage({ type: 'event', family, event, data } satisfies PortMessage);
      return true;
    } catch {
      connections.delete(c);
    }
  }
  return false;
}
const handlers = new Map<DappFamily, FamilyHandler>();
const inflightPerOrigin = new Map<string, number>();

export function registerFamily(h: FamilyHandler): void {
  handlers.set(h.family, h);
}

export { originOfSender };

const post = (c: Connection, msg: PortMessage): void => {
  try {
    c.port.postMessage(msg);
  } catch {
    connections.delete(c);
  }
};

export function emitToOrigin(origin: string | null, family: DappFamily, event: string, data: unknown): void {
  const msg: PortMessage = { type: 'event', family, event, data };
  const sensitive = carriesAccountData(data);
  for (const c of connections) {
    if (origin !== null && c.origin !== origin) continue;
    // An event naming an account goes only to sites connected for the family.
    if (!sensitive) post(c, msg);
    else void liveGrant(c.origin, family).then((g) => g && post(c, msg), () => undefined);
  }
}

export function connectedOrigins(): string[] {
  return [...new Set([...connections].map((c) => c.origin))];
}

const tooManyRequests = (): ProviderError => new ProviderError(-32005, 'Too many requests from this site at once; wait for the earlier ones to be answered.');

async function answer(conn: Connection, family: DappFamily, raw: { id: string; method: string; params?: unknown }): Promise<{ result: unknown } | { error: ProviderErrorShape }> {
  const handler = handlers.get(family);
  if (!handler) return { error: unsupported(raw.method).toShape() };
  if (await isBlocked(conn.origin)) return { error: blockedError().toShape() };
  const requestId = boundRequestId(raw.id, family, raw.method, raw.params);
  const ctx: DappContext = { origin: conn.origin, requestId, connectionId: conn.id, ...(conn.tabId !== undefined ? { tabId: conn.tabId } : {}) };
  const outcome = await runOnce(conn.origin, requestId, () => handler.handle(ctx, raw.method, raw.params));
  if (!('error' in outcome)) return outcome;
  // Nothing about the wallet's accounts or networks in an error to a site that is not connected.
  return (await liveGrant(conn.origin, family)) ? outcome : { error: errorForStranger(outcome.error) };
}

async function handle(conn: Connection, raw: unknown): Promise<void> {
  if (!isPortRequest(raw)) return;
  const reply = (m: PortMessage): void => {
    try {
      conn.port.postMessage(m);
    } catch {
      // the page went away
    }
  };
  const busy = inflightPerOrigin.get(conn.origin) ?? 0;
  if (busy >= MAX_INFLIGHT_PER_ORIGIN) {
    reply({ type: 'response', id: raw.id, error: tooManyRequests().toShape() });
    return;
  }
  inflightPerOrigin.set(conn.origin, busy + 1);
  try {
    const out = await answer(conn, raw.family, raw);
    reply('error' in out ? { type: 'response', id: raw.id, error: out.error } : { type: 'response', id: raw.id, result: out.result });
  } catch (err) {
    reply({ type: 'response', id: raw.id, error: errorForStranger(toProviderError(err)) });
  } finally {
    const n = (inflightPerOrigin.get(conn.origin) ?? 1) - 1;
    if (n <= 0) inflightPerOrigin.delete(conn.origin);
    else inflightPerOrigin.set(conn.origin, n);
  }
}

/** Ports taken over from the eager core (boot/core.ts) after it answered their first requests itself. */
const byPort = new WeakMap<Browser.runtime.Port, Connection>();
let routerReady: Promise<unknown> = Promise.resolve();

/** A new port from a content script: ours if it is a dApp port of a web page, closed otherwise. */
function accept(port: Browser.runtime.Port): void {
  if (port.name !== DAPP_PORT || byPort.has(port)) return;
  const origin = originOfSender(port.sender);
  if (!origin) {
    port.disconnect();
    return;
  }
  const conn: Connection = { id: nextConnectionId++, port, origin, ...(port.sender?.tab?.id !== undefined ? { tabId: port.sender.tab.id } : {}) };
  connections.add(conn);
  byPort.set(port, conn);
  port.onMessage.addListener((msg: unknown) => void routerReady.then(() => handle(conn, msg)));
  port.onDisconnect.addListener(() => {
    connections.delete(conn);
    for (const fn of closeListeners) fn(conn.id);
  });
}

/**
 * A port the eager core has served so far (its read-only EVM answers): from now on the router
 * receives its messages, and `pending` (requests the core could not answer) are handled first.
 */
export function adoptPort(port: Browser.runtime.Port, pending: readonly unknown[] = []): void {
  accept(port);
  const conn = byPort.get(port);
  if (!conn) return;
  for (const msg of pending) void routerReady.then(() => handle(conn, msg));
}

/** `ready` settles when the worker has restored its session: requests wait for it. */
export function installDappRouter(ready: Promise<unknown>): void {
  routerReady = ready;
  warmExecutions();
  void isBlocked('').catch(() => undefined);
  onWake('connect', accept);
}

export { ProviderError };
