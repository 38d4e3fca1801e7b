/**
 * The approvals queue. Each sensitive dApp request becomes a record in storage.session (it
 * survives a stopped service worker, not a browser restart, when the requesting page is gone
 * too) and is shown in one approval window. A request re-sent after a worker restart finds its
 * record by key and waits on the same decision.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { browser } from 'wxt/browser';
import type { ApprovalDecision, ApprovalKind, ApprovalRecord, RiskWarning } from '../protocol/approvals';
import type { DappFamily } from '../protocol/dapp';
import { pendingRequest, userRejected } from './dapp/providerError';

const KEY = 'approvals';
const WINDOW_KEY = 'approvalWindowId';
const waiters = new Map<string, Array<(d: ApprovalDecision) => void>>();
type ChangeListener = () => void;
const changeListeners: ChangeListener[] = [];

export function onApprovalsChanged(fn: ChangeListener): void {
  changeListeners.push(fn);
}

async function load(): Promise<ApprovalRecord[]> {
  const got = await browser.storage.session.get(KEY);
  return (got[KEY] as ApprovalRecord[] | undefined) ?? [];
}

async function save(list: ApprovalRecord[]): Promise<void> {
  await browser.storage.session.set({ [KEY]: list });
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

export async function openWindow(): Promise<void> {
  const existing = (await browser.storage.session.get(WINDOW_KEY))[WINDOW_KEY] as number | undefined;
  if (existing !== undefined) {
    try {
      await browser.windows.update(existing, { focused: true });
      return;
    } catch {
      // closed meanwhile
    }
  }
  const win = await browser.windows.create({ url: browser.runtime.getURL('/approval.html'), type: 'popup', width: 380, height: 640, focused: true });
  if (win?.id !== undefined) await browser.storage.session.set({ [WINDOW_KEY]: win.id });
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

/** Queues an approval (or joins the existing one for the same request) and waits for the user. */
export async function requestApproval(req: ApprovalRequest): Promise<ApprovalDecision> {
  // The page chooses its request ids: the key also binds WHAT is asked, so a second request reusing
  // an id (e.g. a drain posted under the id of a harmless message the user is looking at) never
  // joins the first one's record or decision; it queues as its own approval.
  const key = `${req.origin}#${req.requestId}#${contentDigest(req)}`;
  // Decided while this worker was away (the user answered before the request was re-sent).
  const earlier = (await loadDecided()).find((d) => d.key === key);
  if (earlier) {
    await saveDecided((await loadDecided()).filter((d) => d.key !== key));
    if (!earlier.decision.approved) throw userRejected();
    return earlier.decision;
  }
  const list = await load();
  let record = list.find((a) => a.key === key);
  if (!record) {
    if (req.exclusive && list.some((a) => a.origin === req.origin && a.kind === req.kind)) throw pendingRequest();
    record = {
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
  }
  const id = record.id;
  const decision = new Promise<ApprovalDecision>((resolve) => {
    waiters.set(id, [...(waiters.get(id) ?? []), resolve]);
  });
  await openWindow();
  const d = await decision;
  if (!d.approved) throw userRejected();
  return d;
}

/** The user's answer from the approval window. */
export async function resolveApproval(id: string, decision: ApprovalDecision): Promise<void> {
  const list = await load();
  const record = list.find((a) => a.id === id);
  if (!record) return;
  await save(list.filter((a) => a.id !== id));
  const w = waiters.get(id) ?? [];
  // No one waiting: the worker restarted and the page has not re-sent yet. Keep the answer briefly.
  if (w.length === 0) await saveDecided([...(await loadDecided()).filter((d) => Date.now() - d.at < DECIDED_TTL_MS), { key: record.key, decision, at: Date.now() }]);
  for (const fn of w) fn(decision);
  waiters.delete(id);
}

const DECIDED_KEY = 'approvalsDecided';
const DECIDED_TTL_MS = 60_000;
interface Decided {
  key: string;
  decision: ApprovalDecision;
  at: number;
}

async function loadDecided(): Promise<Decided[]> {
  const list = ((await browser.storage.session.get(DECIDED_KEY))[DECIDED_KEY] as Decided[] | undefined) ?? [];
  return list.filter((d) => Date.now() - d.at < DECIDED_TTL_MS);
}

async function saveDecided(list: Decided[]): Promise<void> {
  await browser.storage.session.set({ [DECIDED_KEY]: list });
}

/** Rejects everything pending (lock, reset): dApps get 4001 instead of hanging. */
export async function rejectAll(): Promise<void> {
  const list = await load();
  await save([]);
  for (const a of list) {
    for (const w of waiters.get(a.id) ?? []) w({ approved: false });
    waiters.delete(a.id);
  }
}

const SELF_CLOSE_KEY = 'approvalWindowSelfClose';

/**
 * The approval window is about to close itself because its queue is empty. A request can be
 * queued in that instant (and find the dying window "open"): such a close must not reject it, and
 * a new window is opened for it.
 */
export async function approvalWindowClosing(): Promise<void> {
  const existing = (await browser.storage.session.get(WINDOW_KEY))[WINDOW_KEY] as number | undefined;
  if (existing !== undefined) await browser.storage.session.set({ [SELF_CLOSE_KEY]: existing });
}

/** Closing the approval window (by the user) rejects whatever it was showing. */
export function installApprovalWindowWatch(): void {
  browser.windows.onRemoved.addListener((windowId) => {
    void (async () => {
      const got = await browser.storage.session.get([WINDOW_KEY, SELF_CLOSE_KEY]);
      if (got[WINDOW_KEY] !== windowId) return;
      await browser.storage.session.remove([WINDOW_KEY, SELF_CLOSE_KEY]);
      if (got[SELF_CLOSE_KEY] === windowId) {
        if ((await load()).length > 0 || unlockWaiters.length > 0) await openWindow();
        return;
      }
      for (const w of unlockWaiters.splice(0)) w.reject(userRejected());
      await rejectAll();
    })();
  });
}
