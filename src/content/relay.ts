/**
 * The content script's relay (isolated world): the only bridge between the page and the
 * background. It accepts only window messages from this very window, on our channel, with a
 * well-formed shape and bounded size, and forwards them on a port. If the service worker
 * restarts, the port is re-opened and requests still unanswered are sent again (the background
 * recognises them by id, so an approval already queued is not duplicated).
 *
 * The port is opened on the page's first request, not at page load: connecting wakes the service
 * worker, and most pages never talk to a wallet. A page receives events (accountsChanged…) once
 * it has asked something; every dApp library asks (eth_accounts, connect) before it listens.
 *
 * The relay runs at document_idle, not document_start: an isolated-world script at document_start
 * delays every page's DOMContentLoaded by several ms. The providers still exist at document_start
 * (MAIN world); requests they post before the relay is here are re-posted when it says `ready`
 * (a copy that arrives twice is answered twice with the background's one answer).
 */
import { browser, type Browser } from 'wxt/browser';
import {
  CONTENT_CHANNEL,
  DAPP_PORT,
  INPAGE_CHANNEL,
  MAX_REQUEST_BYTES,
  isPortRequest,
  type ContentToPage,
  type PortMessage,
  type PortRequest,
} from '../protocol/dapp';

export function startRelay(): void {
  const origin = window.location.origin;
  const unanswered = new Map<string, PortRequest>();
  let port: Browser.runtime.Port | null = null;

  const toPage = (msg: ContentToPage): void => window.postMessage(msg, origin);

  const connect = (): Browser.runtime.Port => {
    const p = browser.runtime.connect({ name: DAPP_PORT });
    p.onMessage.addListener((raw: unknown) => {
      const msg = raw as PortMessage;
      if (msg?.type === 'response' && typeof msg.id === 'string') {
        unanswered.delete(msg.id);
        toPage(
          msg.error
            ? { channel: CONTENT_CHANNEL, type: 'response', id: msg.id, error: msg.error }
            : { channel: CONTENT_CHANNEL, type: 'response', id: msg.id, result: msg.result },
        );
      } else if (msg?.type === 'event') {
        toPage({ channel: CONTENT_CHANNEL, type: 'event', family: msg.family, event: msg.event, data: msg.data });
      }
    });
    p.onDisconnect.addListener(() => {
      port = null;
      // The worker went away (restart or update): reconnect and replay what is still waiting.
      if (unanswered.size > 0) setTimeout(() => ensurePort(), 50);
    });
    return p;
  };

  const ensurePort = (): Browser.runtime.Port | null => {
    if (port) return port;
    try {
      port = connect();
      for (const req of unanswered.values()) port.postMessage(req);
    } catch {
      port = null; // extension reloaded: this page's context is gone for good
    }
    return port;
  };

  window.addEventListener('message', (ev: MessageEvent) => {
    if (ev.source !== window || ev.origin !== origin) return;
    const data = ev.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || data.channel !== INPAGE_CHANNEL) return;
    const req: PortRequest = { id: data.id as string, family: data.family as PortRequest['family'], method: data.method as string, params: data.params };
    if (!isPortRequest(req)) {
      if (typeof data.id === 'string' && data.id.length <= 100) {
        toPage({ channel: CONTENT_CHANNEL, type: 'response', id: data.id, error: { code: -32600, message: 'Invalid request' } });
      }
      return;
    }
    let size = 0;
    try {
      size = JSON.stringify(req.params ?? null).length;
    } catch {
      size = Infinity;
    }
    if (size > MAX_REQUEST_BYTES) {
      toPage({ channel: CONTENT_CHANNEL, type: 'response', id: req.id, error: { code: -32602, message: 'Invalid params: request too large' } });
      return;
    }
    // Every copy goes on, even the same id re-posted after `ready` or by a page posting a request
    // twice: the background recognises copies (origin + id + content), runs the request once and
    // gives every copy the same answer, so nothing posted is left unanswered. The port is opened
    // before this request is recorded, so a fresh port's replay of what is waiting does not send it twice.
    const p = ensurePort();
    if (!p) {
      toPage({ channel: CONTENT_CHANNEL, type: 'response', id: req.id, error: { code: 4900, message: 'The wallet is not available' } });
      return;
    }
    unanswered.set(req.id, req);
    p.postMessage(req);
  });

  toPage({ channel: CONTENT_CHANNEL, type: 'ready' });
}
