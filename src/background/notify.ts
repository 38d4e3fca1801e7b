/**
 * Browser notifications for the wallet's own transfers (confirmed / failed) and for payments that
 * arrive, unless turned off in Settings (settings.notifications === false). Texts come from the
 * extension's _locales (the worker has no UI dictionaries); amounts and symbols are public data.
 * The icon is drawn once on an OffscreenCanvas: the extension ships no image files.
 */
import { browser } from 'wxt/browser';
import type { ActivityItem } from './activity';
import { DEFAULT_SETTINGS, getLocal } from './storage';

export type NotifyKind = 'confirmed' | 'failed' | 'received';

let icon: Promise<string> | null = null;

async function drawIcon(): Promise<string> {
  const canvas = new OffscreenCanvas(96, 96);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.fillStyle = '#2f6fed';
  ctx.beginPath();
  ctx.arc(48, 48, 44, 0, Math.PI * 2);
  ctx.fill();
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return `data:image/png;base64,${btoa(s)}`;
}

function amountOf(item: ActivityItem): string {
  const v = item.value.padStart(item.decimals + 1, '0');
  const whole = item.decimals ? v.slice(0, -item.decimals) : v;
  const frac = item.decimals ? v.slice(-item.decimals).replace(/0+$/, '') : '';
  return `${frac ? `${whole}.${frac}` : whole} ${item.symbol}`;
}

/** Shows one notification; never throws (a notification must not break a transfer's bookkeeping). */
export async function notifyActivity(item: ActivityItem, kind: NotifyKind): Promise<void> {
  try {
    const settings = { ...DEFAULT_SETTINGS, ...(await getLocal('settings')) };
    if (settings.notifications === false || !browser.notifications) return;
    const key = ({ confirmed: 'notifyConfirmed', failed: 'notifyFailed', received: 'notifyReceived' } as const)[kind];
    const message = browser.i18n.getMessage(key, [amountOf(item)]) || `${kind}: ${amountOf(item)}`;
    await browser.notifications.create(`mcw:${kind}:${item.hash}`, {
      type: 'basic',
      iconUrl: await (icon ??= drawIcon()),
      title: browser.i18n.getMessage('extName') || 'Multichain Wallet',
      message,
    });
  } catch {
    // Notifications are best effort (permission removed, no notification server in the OS…).
  }
}
