/**
 * The approvals queue. Each sensitive dApp request becomes a record in storage.session (it
 * survives a stopped service worker, not a browser restart, when the requesting page is gone
 * too) and is shown in one approval window. A request re-sent after a worker restart finds its
 * record by key and waits on the same decision.
 *
 * One writer: every change to the queue goes through `queueLock`, and opening, focusing and
 * forgetting the window through `windowLock`, so simultaneous requests neither lose each other's
 * records nor open several windows. A site may have at most MAX_PENDING_PER_ORIGIN requests
 * waiting; further ones are refused at once (-32002) without touching the window.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { browser } from 'wxt/browser';
import type { ApprovalDecision, ApprovalKind, ApprovalRecord, RiskWarning } from '../protocol/approvals';
import type { DappFamily } from '../protocol/dapp';
import { ProviderError, pendingRequest, userRejected } from './dapp/providerError';
import { markApproved } from './dapp/executions';
import { WalletError } from './errors';
import { createSerial } from './serial';
import { checkCooldown, noteDecision, startCooldown } from './siteLimits';
import { recordRiskOverride } from './riskOverrides';
import { onWake } from './wakeEvents';
import { APPROVAL_WINDOW_KEY } from './boot/handoff';
import { sessionArea } from './storageCache';

/** Requests one site may have waiting for the user at once. */
export const MAX_PENDING_PER_ORIGIN = 5;

const KEY = 'approvals';
const WINDOW_KEY = APPROVAL_WINDOW_KEY;
const SELF_CLOSE_KEY = 'approvalWindowSelfClose';
const waiters = new Map<string, Array<(d: ApprovalDecision) => void>>();
const queueLock = createSerial();
const windowLock = createSerial();
type ChangeListener = () => void;
const changeListeners: ChangeListener[] = [];

export function onApprovalsChanged(fn: ChangeListener): void {
  changeListeners.push(fn);
}

async function load(): Promise<ApprovalRecord[]> {
  const got = await sessionArea.get(KEY);
  return (got[KEY] as ApprovalRecord[] | undefined) ?? [];
}

async function save(list: ApprovalRecord[]): Promise<void> {
  await sessionArea.set({ [KEY]: list });
  for (const fn of changeListeners) fn();
}

export async function listApprovals(): Promise<ApprovalRecord[]> {
  return load();
}

export async function getApproval(id: string): Promise<ApprovalRecord | undefined> {
  return (await load()).find((a) => a.id === id);
}

const unlockWaiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];

/** Called by the session when the wallet unlocks: requests waiting for it go on. */
export function notifyUnlocked(): void {
  for (const w of unlockWaiters.splice(0)) w.resolve();
}

/**
 * For a dApp request that needs keys while the wallet is locked: opens the approval window
 * (which shows the unlock screen) and waits. Closing the window rejects with 4001.
 */
export async function awaitUnlock(isUnlocked: () => boolean): Promise<void> {
  if (isUnlocked()) return;
  const done = new Promise<void>((resolve, reject) => unlockWaiters.push({ resolve, reject }));
  await openWindow();
  await done;
}

/** Shows the approval window: the open one if there is one (never a second), else a new one. */
export function openWindow(): Promise<void> {
  return windowLock(async () => {
    const existing = (await sessionArea.get(WINDOW_KEY))[WINDOW_KEY] as number | undefined;
    if (existing !== undefined) {
      try {
        await browser.windows.update(existing, { focused: true });
        return;
      } catch {
        // closed meanwhile
      }
    }
    const win = await browser.windows.create({ url: browser.runtime.getURL('/approval.html'), type: 'popup', width: 380, height: 640, focused: true });
    if (win?.id !== undefined) await sessionArea.set({ [WINDOW_KEY]: win.id });
  });
}

function contentDigest(req: ApprovalRequest): string {
  return bytesToHex(sha256(new TextEncoder().encode(JSON.stringify([req.family, req.kind, req.display, req.warnings ?? []])))).slice(0, 32);
}

export interface ApprovalRequest {
  origin: string;
  requestId: string;
  family: DappFamily;
  kind: ApprovalKind;
  display: Record<string, unknown>;
  warnings?: RiskWarning[];
  /** Only one pending request of this kind per origin (connect prompts): a second gets -32002. */
  exclusive?: boolean;
}

const tooMany = (): ProviderError =>
  new ProviderError(-32002, `This site already has ${MAX_PENDING_PER_ORIGIN} requests waiting for approval. Answer those in the wallet first.`);

/** Queues an approval (or joins the existing one for the same request) and waits for the user. */
export async function requestApproval(req: ApprovalRequest): Promise<ApprovalDecision> {
  // The page chooses its request ids: the key also binds WHAT is asked, so a second request reusing
  // an id (e.g. a drain posted under the id of a harmless message the user is looking at) never
  // joins the first one's record or decision; it queues as its own approval.
  const key = `${req.origin}#${req.requestId}#${contentDigest(req)}`;
  const joined = await queueLock(async (): Promise<{ id: string } | { decided: ApprovalDecision }> => {
    // Decided while this worker was away (the user answered before the request was re-sent): consumed once.
    const decided = await loadDecided();
    const earlier = decided.find((d) => d.key === key);
    if (earlier) {
      await saveDecided(decided.filter((d) => d.key !== key));
      return { decided: earlier.decision };
    }
    const list = await load();
    const existing = list.find((a) => a.key === key);
    if (existing) return { id: existing.id };
    await checkCooldown(req.origin);
    const mine = list.filter((a) => a.origin === req.origin);
    if (req.exclusive && mine.some((a) => a.kind === req.kind)) throw pendingRequest();
    if (mine.length >= MAX_PENDING_PER_ORIGIN) throw tooMany();
    const record: ApprovalRecord = {
      id: crypto.randomUUID(),
      key,
      origin: req.origin,
      family: req.family,
      kind: req.kind,
      display: req.display,
      warnings: req.warnings ?? [],
      createdAt: Date.now(),
    };
    await save([...list, record]);
    return { id: record.id };
  });
  let d: ApprovalDecision;
  if ('decided' in joined) d = joined.decided;
  else {
    const id = joined.id;
    const decision = new Promise<ApprovalDecision>((resolve) => {
      waiters.set(id, [...(waiters.get(id) ?? []), resolve]);
    });
    await openWindow();
    d = await decision;
  }
  if (!d.approved) throw userRejected();
  // Recorded before the caller acts on it (signs, broadcasts): a re-sent copy never runs it again.
  await markApproved(req.origin, req.requestId);
  return d;
}

const hasDanger = (r: ApprovalRecord): boolean => r.warnings.some((w) => w.severity === 'danger');

/** The user's answer from the approval window. A danger warning must have been acknowledged. */
export async function resolveApproval(id: string, decision: ApprovalDecision): Promise<void> {
  const record = await queueLock(async () => {
    const list = await load();
    const r = list.find((a) => a.id === id);
    if (!r) return undefined;
    if (decision.approved && hasDanger(r) && decision.acknowledgedRisk !== true) {
      throw new WalletError('RISK_NOT_ACKNOWLEDGED', 'Tick “I understand the risk” before approving a request with a danger warning.');
    }
    await save(list.filter((a) => a.id !== id));
    // No one waiting: the worker restarted and the page has not re-sent yet. Keep the answer briefly.
    if ((waiters.get(id) ?? []).length === 0) await saveDecided([...(await loadDecided()), { key: r.key, decision, at: Date.now() }]);
    return r;
  });
  if (!record) return;
  await noteDecision(record.origin, decision.approved);
  if (decision.approved && hasDanger(record)) await recordRiskOverride(record);
  for (const fn of waiters.get(id) ?? []) fn(decision);
  waiters.delete(id);
}

/** "Reject all from this site": every request of the origin is rejected and the site cools down. */
export async function rejectSite(origin: string): Promise<number> {
  const gone = await queueLock(async () => {
    const list = await load();
    const mine = list.filter((a) => a.origin === origin);
    if (mine.length > 0) await save(list.filter((a) => a.origin !== origin));
    return mine;
  });
  await startCooldown(origin);
  for (const a of gone) {
    for (const w of waiters.get(a.id) ?? []) w({ approved: false });
    waiters.delete(a.id);
  }
  return gone.length;
}

const DECIDED_KEY = 'approvalsDecided';
const DECIDED_TTL_MS = 60_000;
interface Decided {
  key: string;
  decision: ApprovalDecision;
  at: number;
}

async function loadDecided(): Promise<Decided[]> {
  const list = ((await sessionArea.get(DECIDED_KEY))[DECIDED_KEY] as Decided[] | undefined) ?? [];
  return list.filter((d) => Date.now() - d.at < DECIDED_TTL_MS);
}

async function saveDecided(list: Decided[]): Promise<void> {
  await sessionArea.set({ [DECIDED_KEY]: list });
}

/** Rejects everything pending (lock, reset): dApps get 4001 instead of hanging. */
export async function rejectAll(): Promise<void> {
  const list = await queueLock(async () => {
    const l = await load();
    await save([]);
    return l;
  });
  for (const a of list) {
    for (const w of waiters.get(a.id) ?? []) w({ approved: false });
    waiters.delete(a.id);
  }
}

/**
 * The approval window is about to close itself because its queue is empty. A request can be
 * queued in that instant (and find the dying window "open"): such a close must not reject it, and
 * a new window is opened for it.
 */
export function approvalWindowClosing(): Promise<void> {
  return windowLock(async () => {
    const existing = (await sessionArea.get(WINDOW_KEY))[WINDOW_KEY] as number | undefined;
    if (existing !== undefined) await sessionArea.set({ [SELF_CLOSE_KEY]: existing });
  });
}

/** Closing the approval window (by the user) rejects whatever it was showing. */
export function installApprovalWindowWatch(): void {
  onWake('windowRemoved', (windowId) => {
    void (async () => {
      const selfClosed = await windowLock(async () => {
        const got = await sessionArea.get([WINDOW_KEY, SELF_CLOSE_KEY]);
        if (got[WINDOW_KEY] !== windowId) return null;
        await sessionArea.remove([WINDOW_KEY, SELF_CLOSE_KEY]);
        return got[SELF_CLOSE_KEY] === windowId;
      });
      if (selfClosed === null) return;
      if (selfClosed) {
        if ((await load()).length > 0 || unlockWaiters.length > 0) await openWindow();
        return;
      }
      for (const w of unlockWaiters.splice(0)) w.reject(userRejected());
      await rejectAll();
    })();
  });
}
