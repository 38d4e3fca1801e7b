/**
 * Per-site limits against floods and nagging: sites the user blocked (storage.local, until
 * unblocked), and a cool-down after repeated rejections (storage.session, survives a worker
 * restart, not a browser restart). Both are read on every dApp request, so they are cached in
 * memory and refreshed from storage when it changes.
 */
import { browser } from 'wxt/browser';
import { ProviderError } from './dapp/providerError';
import { localArea, sessionArea } from './storageCache';

/** Consecutive rejections (no approval between) that pause a site's approval requests. */
export const REJECTIONS_BEFORE_COOLDOWN = 4;
export const COOLDOWN_MS = 30_000;
const BLOCKED_KEY = 'blockedSites';
const COOLDOWN_KEY = 'siteCooldowns';

type Blocked = Record<string, number>;
interface Cooldown {
  /** Consecutive rejections. */
  rejections: number;
  /** Approval requests are refused until then. */
  until: number;
}
type Cooldowns = Record<string, Cooldown>;

let blocked: Blocked | null = null;
let cooldowns: Cooldowns | null = null;

let watching = false;
/** Keeps the caches in step with storage (another context, or a restored worker, may write it). */
function watch(): void {
  if (watching) return;
  watching = true;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[BLOCKED_KEY]) blocked = (changes[BLOCKED_KEY].newValue as Blocked | undefined) ?? {};
    if (area === 'session' && changes[COOLDOWN_KEY]) cooldowns = (changes[COOLDOWN_KEY].newValue as Cooldowns | undefined) ?? {};
  });
}

async function loadBlocked(): Promise<Blocked> {
  watch();
  blocked ??= ((await localArea.get(BLOCKED_KEY))[BLOCKED_KEY] as Blocked | undefined) ?? {};
  return blocked;
}

async function loadCooldowns(): Promise<Cooldowns> {
  watch();
  cooldowns ??= ((await sessionArea.get(COOLDOWN_KEY))[COOLDOWN_KEY] as Cooldowns | undefined) ?? {};
  return cooldowns;
}

export async function isBlocked(origin: string): Promise<boolean> {
  return Object.prototype.hasOwnProperty.call(await loadBlocked(), origin);
}

export async function blockedSites(): Promise<Array<{ origin: string; blockedAt: number }>> {
  return Object.entries(await loadBlocked()).map(([origin, blockedAt]) => ({ origin, blockedAt }));
}

export async function setBlocked(origin: string, block: boolean): Promise<void> {
  const next = { ...(await loadBlocked()) };
  if (block) next[origin] = Date.now();
  else delete next[origin];
  blocked = next;
  await localArea.set({ [BLOCKED_KEY]: next });
}

export const blockedError = (): ProviderError => new ProviderError(4100, 'This site is blocked in the wallet. The user can unblock it under Connected sites.');

/** Refuses an approval request while the site is cooling down. */
export async function checkCooldown(origin: string, now = Date.now()): Promise<void> {
  const c = (await loadCooldowns())[origin];
  if (c && c.until > now) {
    throw new ProviderError(-32005, `The user rejected several requests from this site; try again in ${Math.ceil((c.until - now) / 1000)} s.`, { retryAfterMs: c.until - now });
  }
}

async function saveCooldown(origin: string, c: Cooldown | null): Promise<void> {
  const next = { ...(await loadCooldowns()) };
  if (c) next[origin] = c;
  else delete next[origin];
  cooldowns = next;
  await sessionArea.set({ [COOLDOWN_KEY]: next });
}

/** Records the user's answer to one of the site's requests. */
export async function noteDecision(origin: string, approved: boolean, now = Date.now()): Promise<void> {
  const c = (await loadCooldowns())[origin];
  if (approved) {
    if (c) await saveCooldown(origin, null);
    return;
  }
  const rejections = (c && c.until <= now ? c.rejections : (c?.rejections ?? 0)) + 1;
  await saveCooldown(origin, { rejections: rejections >= REJECTIONS_BEFORE_COOLDOWN ? 0 : rejections, until: rejections >= REJECTIONS_BEFORE_COOLDOWN ? now + COOLDOWN_MS : (c?.until ?? 0) });
}

/** The user rejected everything from the site at once: pause it right away. */
export async function startCooldown(origin: string, now = Date.now()): Promise<void> {
  await saveCooldown(origin, { rejections: 0, until: now + COOLDOWN_MS });
}

/** The user unblocked the site: a fresh start, no pause left over. */
export async function clearCooldown(origin: string): Promise<void> {
  if ((await loadCooldowns())[origin]) await saveCooldown(origin, null);
}
