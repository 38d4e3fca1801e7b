/**
 * The dApp side of the background: accepts ports from our content scripts only, takes each
 * request's origin from the port's sender (never from the message), and hands the request to
 * its chain family's handler. Events go back only to ports of the origins they concern.
 */
import { browser, type Browser } from 'wxt/browser';
import { DAPP_PORT, isPortRequest, type DappFamily, type PortMessage } from '../../protocol/dapp';
import { ProviderError, toProviderError, unsupported } from './providerError';

export interface DappContext {
  origin: string;
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

export function registerFamily(h: FamilyHandler): void {
  handlers.set(h.family, h);
}

/** The web origin of a content-script port, or null for anything that is not one of ours on a web page. */
export function originOfSender(sender: Browser.runtime.MessageSender | undefined): string | null {
  if (!sender || sender.id !== browser.runtime.id || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const origin = (sender as { origin?: string }).origin ?? url.origin;
  return origin === 'null' ? null : origin;
}

export function emitToOrigin(origin: string | null, family: DappFamily, event: string, data: unknown): void {
  const msg: PortMessage = { type: 'event', family, event, data };
  for (const c of connections) {
    if (origin !== null && c.origin !== origin) continue;
    try {
      c.port.postMessage(msg);
    } catch {
      connections.delete(c);
    }
  }
}

export function connectedOrigins(): string[] {
  return [...new Set([...connections].map((c) => c.origin))];
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
  const handler = handlers.get(raw.family);
  try {
    if (!handler) throw unsupported(raw.method);
    const result = await handler.handle({ origin: conn.origin, requestId: raw.id, connectionId: conn.id, ...(conn.tabId !== undefined ? { tabId: conn.tabId } : {}) }, raw.method, raw.params);
    reply({ type: 'response', id: raw.id, result: result === undefined ? null : result });
  } catch (err) {
    reply({ type: 'response', id: raw.id, error: toProviderError(err) });
  }
}

/** `ready` settles when the worker has restored its session: requests wait for it. */
export function installDappRouter(ready: Promise<unknown>): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== DAPP_PORT) return;
    const origin = originOfSender(port.sender);
    if (!origin) {
      port.disconnect();
      return;
    }
    const conn: Connection = { id: nextConnectionId++, port, origin, ...(port.sender?.tab?.id !== undefined ? { tabId: port.sender.tab.id } : {}) };
    connections.add(conn);
    port.onMessage.addListener((msg: unknown) => void ready.then(() => handle(conn, msg)));
    port.onDisconnect.addListener(() => {
      connections.delete(conn);
      for (const fn of closeListeners) fn(conn.id);
    });
  });
}

export { ProviderError };
