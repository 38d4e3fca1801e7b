/**
 * Activity history (every transaction sent from the wallet, with status) and the inputs the
 * risk engine needs from it: recent transfer times and previous recipients. Stored in
 * storage.local (public data only), so it survives restarts.
 */
import type { KnownAddress, RiskThresholds } from '../core/risk';
import type { Family } from '../core/types';
import { DEFAULT_SETTINGS, getLocal } from './storage';
import { notifyActivity } from './notify';
import { localArea } from './storageCache';

export interface ActivityItem {
  hash: string;
  family: Family;
  chainId: number | string;
  from: string;
  to: string | null;
  /** Smallest units, decimal string. */
  value: string;
  symbol: string;
  decimals: number;
  origin: string | null;
  explorer: string | null;
  status: 'pending' | 'confirmed' | 'failed' | 'replaced';
  time: number;
  /** 'in': a transfer that arrived (src/background/incoming/store.ts keeps those); absent: sent by this wallet. */
  direction?: 'in' | 'out';
  /** Token contract / mint of an incoming token transfer (one transaction can bring several). */
  token?: string | null;
  /**
   * An incoming token the user does not watch: listed, never announced. Anyone can send any token
   * to any address (airdropped scam tokens), so only watched tokens and the native coin ring.
   */
  quiet?: boolean;
}

const KEY = 'activity';
const MAX_ITEMS = 500;

export async function listActivity(): Promise<ActivityItem[]> {
  return ((await localArea.get(KEY))[KEY] as ActivityItem[] | undefined) ?? [];
}

export async function recordActivity(item: Omit<ActivityItem, 'status' | 'time'>): Promise<void> {
  const list = await listActivity();
  await localArea.set({ [KEY]: [{ ...item, status: 'pending', time: Date.now() }, ...list].slice(0, MAX_ITEMS) });
}

export async function updateActivity(hash: string, status: ActivityItem['status']): Promise<void> {
  const list = await listActivity();
  await localArea.set({ [KEY]: list.map((i) => (i.hash === hash ? { ...i, status } : i)) });
  const item = list.find((i) => i.hash === hash);
  if (item?.status === 'pending' && (status === 'confirmed' || status === 'failed')) void notifyActivity(item, status);
}

/** Send times of the account's transfers in the last hour (the "frequent transfers" rule). */
export async function recentTransferTimes(from: string): Promise<number[]> {
  const hourAgo = Date.now() - 3_600_000;
  return (await listActivity()).filter((i) => i.from.toLowerCase() === from.toLowerCase() && i.time >= hourAgo).map((i) => i.time);
}

export async function riskSettings(): Promise<{ thresholds: RiskThresholds; knownAddresses: KnownAddress[] }> {
  const settings = { ...DEFAULT_SETTINGS, ...(await getLocal('settings')) };
  const history = await listActivity();
  const known: KnownAddress[] = history.filter((i) => i.to).map((i) => ({ address: i.to!, source: 'history' as const }));
  return {
    thresholds: { maxTransfersPerHour: settings.risk.maxTransfersPerHour, singleTransferLimit: settings.risk.singleTransferLimit },
    knownAddresses: known,
  };
}
