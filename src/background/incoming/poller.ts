/**
 * Looks for incoming payments while the extension runs, not only while Activity is open: a
 * `chrome.alarms` alarm every minute (the shortest period worth a worker wake-up; Chrome allows
 * 30 s) while the wallet is unlocked and notifications are on (Settings → General), which refreshes
 * the selected account's incoming history on the active network of each family the account uses
 * (the active chain, and the families it has sent or received on), then announces what just
 * arrived (refresh.ts; never a token the user does not watch).
 *
 * Waking the worker minimally: no alarm exists while locked or with notifications off, so an idle
 * locked browser is never woken for this; the alarm is cleared on lock and when the setting is
 * turned off, and (re)created on unlock, on a worker restart that resumes the session, and when
 * the setting is turned on. The alarm arrives through the eager core's listener (wakeEvents.ts).
 */
import { browser } from 'wxt/browser';
import { moduleEntry } from '../../families/registry';
import { FAMILIES, type Family } from '../../families/ids';
import { listActivity } from '../activity';
import { keyring } from '../keyring';
import { walletChains } from '../lazyModules';
import { onLocked, onUnlocked } from '../session';
import { DEFAULT_SETTINGS, getLocal } from '../storage';
import { onWake } from '../wakeEvents';
import { refreshIncoming } from './refresh';
import { listIncoming } from './store';

export const INCOMING_ALARM = 'incoming-poll';
export const INCOMING_PERIOD_MINUTES = 1;

async function enabled(): Promise<boolean> {
  const settings = { ...DEFAULT_SETTINGS, ...(await getLocal('settings')) };
  return keyring.unlocked && settings.notifications !== false;
}

/** Creates the periodic alarm when it should run (and is missing), clears it when it should not. */
export async function scheduleIncomingPoll(): Promise<void> {
  if (!(await enabled())) {
    await browser.alarms.clear(INCOMING_ALARM);
    return;
  }
  const existing = await browser.alarms.get(INCOMING_ALARM);
  if (!existing?.periodInMinutes) await browser.alarms.create(INCOMING_ALARM, { delayInMinutes: INCOMING_PERIOD_MINUTES, periodInMinutes: INCOMING_PERIOD_MINUTES });
}

/** The families to ask: the active one first, then every other one the stored history names. */
export async function familiesInUse(): Promise<Family[]> {
  const [active, sent, received] = await Promise.all([(await walletChains()).activeFamily(), listActivity(), listIncoming()]);
  const used = new Set<string>([active, ...sent.map((i) => i.family), ...received.map((i) => i.family)]);
  return FAMILIES.filter((f) => used.has(f) && moduleEntry(f)?.incoming !== undefined).sort((a, b) => Number(b === active) - Number(a === active));
}

let running: Promise<void> | null = null;

/** One poll: each family in turn; one family's node being down does not stop the others. */
export function pollIncoming(): Promise<void> {
  running ??= (async () => {
    try {
      if (!(await enabled())) return;
      for (const family of await familiesInUse()) {
        if (!keyring.unlocked) return;
        await refreshIncoming(family).catch(() => undefined);
      }
    } finally {
      running = null;
    }
  })();
  return running;
}

export function installIncomingPoller(ready: Promise<void>): void {
  onWake('alarm', (alarm) => {
    if (alarm.name !== INCOMING_ALARM) return;
    // After a worker restart the session is resumed first; a one-off alarm (a test's trigger) is
    // replaced by the periodic one.
    void ready.then(() => pollIncoming()).then(() => scheduleIncomingPoll()).catch(() => undefined);
  });
  onUnlocked(() => void scheduleIncomingPoll().catch(() => undefined));
  onLocked(() => void browser.alarms.clear(INCOMING_ALARM).catch(() => undefined));
  // Settings → General's switch: on creates the alarm, off removes it (storage.onChanged only keeps state fresh; it wakes nothing).
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void scheduleIncomingPoll().catch(() => undefined);
  });
}
