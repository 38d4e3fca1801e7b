/**
 * A minimal Substrate JSON-RPC client over one WebSocket (the legacy `state_*` / `author_*`
 * methods every node and chopsticks answer). Requests time out with a clear error; a dropped
 * socket fails what is pending and the next request reconnects. Subscriptions deliver their
 * notifications to a callback until unsubscribed. No SDK: the wallet's chunk stays small.
 */
import { PolkadotError } from '../core/errors.ts';

type WsCtor = new (url: string) => WebSocket;

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface RpcOptions {
  timeoutMs?: number;
  /** For Node tests (Node 20 has no global WebSocket); the service worker uses the browser's. */
  WebSocket?: WsCtor;
}

export class SubstrateRpc {
  private socket: WebSocket | null = null;
  private opening: Promise<WebSocket> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly subs = new Map<string, (result: unknown) => void>();
  private readonly early = new Map<string, unknown[]>();

  constructor(
    readonly url: string,
    private readonly opts: RpcOptions = {},
  ) {}

  private open(): Promise<WebSocket> {
    if (this.socket && this.socket.readyState === 1) return Promise.resolve(this.socket);
    if (this.opening) return this.opening;
    const Ctor = this.opts.WebSocket ?? (globalThis.WebSocket as unknown as WsCtor);
    this.opening = new Promise<WebSocket>((resolve, reject) => {
      let ws: WebSocket;
      try {
        ws = new Ctor(this.url);
      } catch {
        this.opening = null;
        reject(new PolkadotError('node', `Cannot connect to ${this.url}`));
        return;
      }
      const fail = (): void => {
        this.opening = null;
        this.socket = null;
        const err = new PolkadotError('node', `The connection to ${this.url} closed`);
        for (const p of this.pending.values()) {
          clearTimeout(p.timer);
          p.reject(err);
        }
        this.pending.clear();
        this.subs.clear();
        reject(new PolkadotError('node', `Cannot connect to ${this.url}`));
      };
      ws.onopen = () => {
        this.socket = ws;
        this.opening = null;
        resolve(ws);
      };
      ws.onerror = fail;
      ws.onclose = fail;
      ws.onmessage = (ev: MessageEvent) => this.onMessage(String(ev.data));
    });
    return this.opening;
  }

  private onMessage(text: string): void {
    let msg: { id?: number; result?: unknown; error?: { message?: string }; method?: string; params?: { subscription?: string; result?: unknown } };
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof msg.id === 'number') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) p.reject(new PolkadotError('node', `The node refused: ${String(msg.error.message ?? 'error').slice(0, 300)}`));
      else p.resolve(msg.result);
      return;
    }
    const sub = msg.params?.subscription;
    if (typeof sub === 'string') {
      const cb = this.subs.get(sub);
      // A notification may arrive before the subscribe answer has been handled: keep it.
      if (cb) cb(msg.params!.result);
      else this.early.set(sub, [...(this.early.get(sub) ?? []), msg.params!.result]);
    }
  }

  async request<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    const ws = await this.open();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new PolkadotError('node', `${this.url} did not answer ${method} in time`));
      }, this.opts.timeoutMs ?? 30_000);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  /** Subscribes; `onEvent` gets each notification. Returns the unsubscribe function. */
  async subscribe(method: string, params: unknown[], unsubscribeMethod: string, onEvent: (result: unknown) => void): Promise<() => Promise<void>> {
    const id = await this.request<string>(method, params);
    this.subs.set(id, onEvent);
    for (const r of this.early.get(id) ?? []) onEvent(r);
    this.early.delete(id);
    return async () => {
      this.subs.delete(id);
      await this.request(unsubscribeMethod, [id]).catch(() => undefined);
    };
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
  }
}
