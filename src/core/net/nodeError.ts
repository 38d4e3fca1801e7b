/**
 * The errors the families' chain clients share. NodeError: what went wrong talking to a node (the
 * transport's kinds or the node's own refusal), where, and what the node said; each family's class names
 * itself (UI and dApp error mapping read `name`) and narrows the kinds. WalletRefusal: what the wallet
 * itself refuses, with a stable `code` the UI translates and the `providerCode` a dApp receives.
 */
export interface NodeErrorDetails<K extends string, C = number> {
  kind: K;
  url: string;
  /** The JSON-RPC method or the API path called. */
  method?: string;
  /** HTTP status for 'rate_limited' and 'http'. */
  status?: number;
  /** The node's own error code (JSON-RPC code, or TRON's "CONTRACT_VALIDATE_ERROR"…). */
  code?: C;
  data?: unknown;
  /** From a Retry-After header, for 'rate_limited'. */
  retryAfterMs?: number;
}

export class NodeError<K extends string, C = number> extends Error {
  readonly kind: K;
  readonly url: string;
  readonly method: string | undefined;
  readonly status: number | undefined;
  readonly code: C | undefined;
  readonly data: unknown;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: NodeErrorDetails<K, C>) {
    super(message);
    this.kind = details.kind;
    this.url = details.url;
    this.method = details.method;
    this.status = details.status;
    this.code = details.code;
    this.data = details.data;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** A refusal by the wallet; `providerCode` is what a dApp receives (-32602 invalid params unless stated). */
export class WalletRefusal<C extends string> extends Error {
  readonly code: C;
  readonly providerCode: number;
  readonly details: Readonly<Record<string, string | number | boolean>>;

  constructor(code: C, message: string, details: Record<string, string | number | boolean> = {}, providerCode = -32602) {
    super(message);
    this.code = code;
    this.details = details;
    this.providerCode = providerCode;
  }
}
