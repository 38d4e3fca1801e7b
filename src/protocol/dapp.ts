import { isFamily, type Family } from '../families/ids';

/**
 * The dApp protocol: page (inpage providers) ↔ content script ↔ background.
 * The page's envelope carries no origin: the background takes it from the port's sender.
 */
export const INPAGE_CHANNEL = 'mcw:inpage';
export const CONTENT_CHANNEL = 'mcw:content';
export const DAPP_PORT = 'mcw-dapp';

/** Families with an injected provider. */
export type DappFamily = Family;

/** Largest serialized request accepted from a page (protects the worker from huge payloads). */
export const MAX_REQUEST_BYTES = 512 * 1024;

export interface DappRequest {
  channel: typeof INPAGE_CHANNEL;
  /** Unique per page load; the content script re-sends pending ids after a worker restart. */
  id: string;
  family: DappFamily;
  method: string;
  params?: unknown;
}

export interface ProviderErrorShape {
  code: number;
  message: string;
  data?: unknown;
}

export type DappResponse =
  | { channel: typeof CONTENT_CHANNEL; type: 'response'; id: string; result: unknown }
  | { channel: typeof CONTENT_CHANNEL; type: 'response'; id: string; error: ProviderErrorShape };

export interface DappEvent {
  channel: typeof CONTENT_CHANNEL;
  type: 'event';
  family: DappFamily;
  event: string;
  data: unknown;
}

/**
 * The relay announces itself when it starts (document_idle, after DOMContentLoaded): requests the
 * page posted before that had no listener, so the page re-posts the ones still unanswered.
 */
export interface RelayReady {
  channel: typeof CONTENT_CHANNEL;
  type: 'ready';
}

export type ContentToPage = DappResponse | DappEvent | RelayReady;

/** What the content script sends on its port (the page envelope minus the channel). */
export interface PortRequest {
  id: string;
  family: DappFamily;
  method: string;
  params?: unknown;
}

export type PortMessage = { type: 'response'; id: string; result?: unknown; error?: ProviderErrorShape } | { type: 'event'; family: DappFamily; event: string; data: unknown };

/** Shape check shared by the content script (on page input) and the background (on port input). */
export function isPortRequest(v: unknown): v is PortRequest {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    r.id.length > 0 &&
    r.id.length <= 100 &&
    isFamily(r.family) &&
    typeof r.method === 'string' &&
    r.method.length > 0 &&
    r.method.length <= 100
  );
}
