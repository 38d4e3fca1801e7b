/**
 * Lock state of the wallet: unlock with the password (Argon2id in the vault module), resume
 * after a service-worker restart from the data key kept in storage.session, auto-lock on an
 * alarm at a persisted deadline, and throttled unlock attempts persisted across restarts.
 */
import { browser } from 'wxt/browser';
import { base64 } from '@scure/base';
import { unlockVault, openVaultWithDek, verifyPassword, VaultError, type VaultFile } from '../core/vault';
import { checkThrottle, recordFailure, recordSuccess, type ThrottleState } from '../core/vault/unlockThrottle';
import { keyring } from './keyring';
import { notifyUnlocked } from './approvals';
import { WalletError } from './errors';
import { DEFAULT_SETTINGS, clearSession, getLocal, getSession, setLocal, setSession } from './storage';
import { onWake } from './wakeEvents';

const AUTOLOCK_ALARM = 'autolock';
const FRESH_THROTTLE: ThrottleState = { failures: 0, lockedUntil: 0 };
type LockListener = () => void;
const lockListeners: LockListener[] = [];

const unlockListeners: LockListener[] = [];

export function onLocked(fn: LockListener): void {
  lockListeners.push(fn);
}

/** Called after an unlock and after a restarted worker resumed the unlocked session. */
export function onUnlocked(fn: LockListener): void {
  unlockListeners.push(fn);
}

/** The data key of the unlocked vault; needed to rewrite the vault when wallets change. */
let dek: Uint8Array | null = null;

export function currentDek(): Uint8Array {
  if (!dek || !keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  return dek;
}

export async function unlockWaitMs(): Promise<number> {
  const state = (await getLocal('throttle')) ?? FRESH_THROTTLE;
  return checkThrottle(state, Date.now()).waitMs;
}

/**
 * Re-checks the password for a sensitive action while unlocked (export of a secret), under the
 * same persisted back-off as unlocking: a stolen unlocked session cannot guess it quickly.
 */
export async function verifyPasswordThrottled(password: string): Promise<void> {
  const { vault, throttle } = await passwordAttempt();
  if (await verifyPassword(vault, password)) {
    await setLocal({ throttle: recordSuccess() });
    return;
  }
  await wrongPassword(throttle);
}

export async function unlock(password: string): Promise<void> {
  const { vault, throttle } = await passwordAttempt();
  try {
    const opened = await unlockVault(vault, password);
    // The back-off reset and the session start write different keys: done together, off the unlock's critical path.
    await Promise.all([setLocal({ throttle: recordSuccess(), ...(opened.upgraded ? { vault: opened.upgraded } : {}) }), startSession(opened.payload, opened.dek)]);
  } catch (err) {
    if (err instanceof VaultError && err.code === 'WRONG_PASSWORD') await wrongPassword(throttle);
    throw err;
  }
}

/** The vault and the back-off state, once the back-off allows another password try (unlock and re-checks share it). */
async function passwordAttempt(): Promise<{ vault: VaultFile; throttle: ThrottleState }> {
  const vault = await getLocal('vault');
  if (!vault) throw new WalletError('NO_VAULT', 'No wallet has been created yet');
  const throttle = (await getLocal('throttle')) ?? FRESH_THROTTLE;
  const gate = checkThrottle(throttle, Date.now());
  if (!gate.allowed) throw new WalletError('THROTTLED', 'Too many attempts. Wait before trying again.', gate.waitMs);
  return { vault, throttle };
}

/** Records a wrong password in the persisted back-off, then refuses with the wait it now imposes. */
async function wrongPassword(throttle: ThrottleState): Promise<never> {
  const next = recordFailure(throttle, Date.now());
  await setLocal({ throttle: next });
  throw new WalletError('WRONG_PASSWORD', 'Incorrect password', checkThrottle(next, Date.now()).waitMs);
}

export async function startSession(payload: Parameters<typeof keyring.load>[0], key: Uint8Array): Promise<void> {
  keyring.load(payload);
  dek = key;
  await Promise.all([setSession({ dek: base64.encode(key) }), scheduleAutoLock()]);
  notifyUnlocked();
  for (const fn of unlockListeners) fn();
}

export async function lock(): Promise<void> {
  keyring.clear();
  dek?.fill(0);
  dek = null;
  await clearSession();
  await browser.alarms.clear(AUTOLOCK_ALARM);
  for (const fn of lockListeners) fn();
}

/** Pushes the auto-lock deadline forward; called on unlock and on user activity. */
export async function scheduleAutoLock(): Promise<number | null> {
  if (!keyring.unlocked) return null;
  const minutes = ((await getLocal('settings')) ?? DEFAULT_SETTINGS).autoLockMinutes;
  const at = Date.now() + minutes * 60_000;
  await Promise.all([setSession({ autoLockAt: at }), browser.alarms.create(AUTOLOCK_ALARM, { when: at })]);
  return at;
}

/** On service-worker start: resume from the session key unless the deadline passed. */
export async function restoreSession(): Promise<void> {
  if (keyring.unlocked) return;
  const [key, at, vault] = await Promise.all([getSession('dek'), getSession('autoLockAt'), getLocal('vault')]);
  if (!key || !vault) return;
  if (!at || at <= Date.now()) {
    await lock();
    return;
  }
  try {
    const raw = base64.decode(key);
    const payload = await openVaultWithDek(vault, raw);
    keyring.load(payload);
    dek = raw;
    await browser.alarms.create(AUTOLOCK_ALARM, { when: at });
    for (const fn of unlockListeners) fn();
  } catch {
    await lock();
  }
}

export function installAutoLock(): void {
  onWake('alarm', (alarm) => {
    if (alarm.name === AUTOLOCK_ALARM) void lock();
  });
}
