/**
 * Exactly-once execution of dApp requests, for every family at once (the router calls it).
 *
 * A request is identified by its origin (from the browser), the page's id and a digest of what it
 * asks (family, method, params). Copies arriving while it runs join it and get the same answer. When
 * its approval is granted the ledger in storage.session records "approved" BEFORE the handler signs
 * or broadcasts, and the final answer when it is done, so:
 * - a copy sent after the answer gets the recorded answer (same signature / transaction hash; any
 *   request's answer is also remembered in memory for a minute);
 * - a copy re-sent after a service-worker restart that interrupted an approved execution gets a
 *   clear error instead of a second execution (its outcome is unknown to the new worker).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ProviderErrorShape } from '../../protocol/dapp';
import { createSerial } from '../serial';
import { ProviderError, toProviderError } from './providerError';
import { sessionArea } from '../storageCache';

export type Outcome = { result: unknown } | { error: ProviderErrorShape };

interface LedgerEntry {
  state: 'approved' | 'done';
  outcome?: Outcome;
  at: number;
}
type Ledger = Record<string, LedgerEntry>;

const LEDGER_KEY = 'dappExecutions';
/** Answers are kept this long for late copies of a request. */
export const LEDGER_TTL_MS = 10 * 60_000;
const LEDGER_MAX = 200;
const ledgerLock = createSerial();
const inflight = new Map<string, Promise<Outcome>>();
/** Executions whose approval was granted in this worker (their answer is recorded). */
const approved = new Set<string>();
/**
 * Every answer of the last minute, in memory: a copy of any request (say a broadcast of an already
 * signed transaction, which needs no approval) posted just after the answer gets that answer again.
 */
const RECENT_MS = 60_000;
const RECENT_MAX = 1000;
const recent = new Map<string, { outcome: Outcome; at: number }>();

/** Larger answers (say a big eth_getLogs) are not kept: a page must not grow the worker's memory. */
const RECENT_MAX_BYTES = 16 * 1024;

function remember(key: string, outcome: Outcome): void {
  recent.delete(key);
  let size = Infinity;
  try {
    size = JSON.stringify(outcome)?.length ?? Infinity;
  } catch {
    // unserialisable: not kept
  }
  if (size > RECENT_MAX_BYTES) return;
  recent.set(key, { outcome, at: Date.now() });
  // Oldest first (insertion order): drop what is too many or too old.
  for (const [k, v] of recent) {
    if (recent.size <= RECENT_MAX && Date.now() - v.at < RECENT_MS) break;
    recent.delete(k);
  }
}

/**
 * Forgets the remembered answers of one site (or all): after a disconnect, a block or a lock, a page
 * replaying an earlier id must ask again instead of getting, say, the accounts it was given before.
 */
export function forgetRecentAnswers(origin?: string): void {
  if (origin === undefined) recent.clear();
  else for (const k of recent.keys()) if (k.startsWith(`${origin} `)) recent.delete(k);
}

/** The handlers' request id: the page's id bound to the content it asks for. */
export function boundRequestId(id: string, family: string, method: string, params: unknown): string {
  let text: string;
  try {
    text = JSON.stringify([family, method, params ?? null]) ?? 'null';
  } catch {
    text = `${family}\u0000${method}\u0000unserialisable`;
  }
  return `${id}~${bytesToHex(sha256(new TextEncoder().encode(text))).slice(0, 24)}`;
}

const keyOf = (origin: string, requestId: string): string => `${origin} ${requestId}`;

/** This worker is the ledger's only writer: after the first read, memory mirrors storage. */
let ledgerCache: Ledger | null = null;

async function loadLedger(): Promise<Ledger> {
  ledgerCache ??= ((await sessionArea.get(LEDGER_KEY))[LEDGER_KEY] as Ledger | undefined) ?? {};
  return ledgerCache;
}

function writeEntry(key: string, entry: LedgerEntry): Promise<void> {
  return ledgerLock(async () => {
    const now = Date.now();
    const kept = Object.entries(await loadLedger())
      .filter(([k, e]) => k !== key && now - e.at < LEDGER_TTL_MS)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, LEDGER_MAX - 1);
    ledgerCache = Object.fromEntries([[key, entry], ...kept]) as Ledger;
    await sessionArea.set({ [LEDGER_KEY]: ledgerCache });
  });
}

/** Reads the ledger and starts the caches at worker start, so a page's first request waits for nothing extra. */
export function warmExecutions(): void {
  void loadLedger().catch(() => undefined);
}

export const interruptedError = (): ProviderError =>
  new ProviderError(-32603, 'This request was approved and was being carried out when the wallet restarted; its outcome is unknown. Check the wallet’s activity before sending it again.');

/**
 * Called by the approvals queue when the user approves `requestId` of `origin` (a handler may add
 * a suffix "#n" for one of several approvals of one request). Written before the action runs.
 */
export async function markApproved(origin: string, requestId: string): Promise<void> {
  let key = keyOf(origin, requestId);
  if (!inflight.has(key)) {
    const owner = [...inflight.keys()].find((k) => key.startsWith(`${k}#`));
    if (!owner) return;
    key = owner;
  }
  if (approved.has(key)) return;
  approved.add(key);
  await writeEntry(key, { state: 'approved', at: Date.now() });
}

/** Runs `exec` once for this request; copies join it or get its recorded answer. */
export function runOnce(origin: string, requestId: string, exec: () => Promise<unknown>): Promise<Outcome> {
  const key = keyOf(origin, requestId);
  const running = inflight.get(key);
  if (running) return running;
  const fresh = recent.get(key);
  if (fresh && Date.now() - fresh.at < RECENT_MS) return Promise.resolve(fresh.outcome);
  const p = (async (): Promise<Outcome> => {
    const prior = (await loadLedger())[key];
    if (prior && Date.now() - prior.at < LEDGER_TTL_MS) {
      if (prior.state === 'done' && prior.outcome) return prior.outcome;
      if (prior.state === 'approved') return { error: interruptedError().toShape() };
    }
    let outcome: Outcome;
    try {
      const result = await exec();
      outcome = { result: result === undefined ? null : result };
    } catch (err) {
      outcome = { error: toProviderError(err) };
    }
    if (approved.delete(key)) await writeEntry(key, { state: 'done', outcome, at: Date.now() });
    remember(key, outcome);
    return outcome;
  })();
  inflight.set(key, p);
  void p.finally(() => inflight.delete(key)).catch(() => undefined);
  return p;
}
