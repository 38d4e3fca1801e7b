/**
 * The page side of the bridge: serializes requests to the content script over postMessage on
 * our own channel and resolves them from its answers. Native functions are captured at load
 * (document_start) so a page that later patches window.postMessage or addEventListener cannot
 * intercept our traffic. Holds no secrets and makes no decisions. The answer listener is added, and
 * the page's origin read, on the first request or event subscription: nothing can arrive before
 * (a page that never uses a wallet pays only for capturing the natives).
 *
 * One bridge per page: the document_idle script (src/inpage/late.ts) takes the document_start script's
 * through the late hook, so its providers share its natives, its pending requests and its error class.
 */
import { CONTENT_CHANNEL, INPAGE_CHANNEL, type ContentToPage, type DappFamily, type ProviderErrorShape } from '../protocol/dapp';
import { lateHook } from './late';

class RpcError extends Error {
  code: number;
  data?: unknown;
  constructor(e: ProviderErrorShape) {
    super(e.message);
    this.code = e.code;
    if (e.data !== undefined) this.data = e.data;
  }
}

export interface Bridge {
  /** The page's postMessage as it was at document_start (the TRON provider's legacy messages use it too). */
  post: (message: unknown, targetOrigin: string) => void;
  request: (family: DappFamily, method: string, params?: unknown) => Promise<unknown>;
  onEvent: (family: DappFamily, handler: (event: string, data: unknown) => void) => void;
  ProviderRpcError: typeof RpcError;
}

function createBridge(): Bridge {
  const post = window.postMessage.bind(window);
  const listen = window.addEventListener.bind(window);
  const sourceGetter = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'source')!.get!;
  const originGetter = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'origin')!.get!;

  type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void; envelope: unknown };
  const pending = new Map<string, Pending>();
  const eventHandlers = new Map<DappFamily, Array<(event: string, data: unknown) => void>>();
  let counter = 0;
  const prefix = Math.random().toString(36).slice(2, 10);

  /** The page's origin (Location is unforgeable: a page cannot redefine it), read on first use. */
  let origin = '';

  function onMessage(ev: MessageEvent): void {
    if (sourceGetter.call(ev) !== window || originGetter.call(ev) !== origin) return;
    const msg = ev.data as ContentToPage | undefined;
    if (!msg || typeof msg !== 'object' || msg.channel !== CONTENT_CHANNEL) return;
    if (msg.type === 'response') {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if ('error' in msg) p.reject(new RpcError(msg.error));
      else p.resolve(msg.result);
    } else if (msg.type === 'event') {
      for (const h of eventHandlers.get(msg.family) ?? []) h(msg.event, msg.data);
    } else if (msg.type === 'ready') {
      // The relay arrived (document_idle): what was posted before it had no listener. A page faking
      // `ready` only makes the relay see an id twice, which it ignores.
      for (const p of pending.values()) post(p.envelope, origin);
    }
  }

  let listening = false;
  function startListening(): void {
    if (listening) return;
    listening = true;
    origin = window.location.origin;
    listen('message', onMessage);
  }

  function request(family: DappFamily, method: string, params?: unknown): Promise<unknown> {
    startListening();
    const id = `${prefix}-${++counter}`;
    return new Promise((resolve, reject) => {
      const envelope = { channel: INPAGE_CHANNEL, id, family, method, params };
      pending.set(id, { resolve, reject, envelope });
      try {
        post(envelope, origin);
      } catch {
        // Not structured-cloneable (functions, DOM nodes…): a malformed request.
        pending.delete(id);
        reject(new RpcError({ code: -32602, message: 'Invalid params: not serializable' }));
      }
    });
  }

  function onEvent(family: DappFamily, handler: (event: string, data: unknown) => void): void {
    startListening();
    const list = eventHandlers.get(family) ?? [];
    list.push(handler);
    eventHandlers.set(family, list);
  }

  return Object.freeze({ post, request, onEvent, ProviderRpcError: RpcError });
}

/** The document_start script's bridge: created there, taken from the late hook by the late script. */
export const bridge: Bridge = (lateHook()?.bridge as Bridge | undefined) ?? createBridge();
export const { post, request, onEvent, ProviderRpcError } = bridge;
export type ProviderRpcError = RpcError;
