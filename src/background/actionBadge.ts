/**
 * The toolbar badge: the number of approvals waiting, so a request the user has not seen (its
 * window behind others) is still noticed. Empty when none wait.
 */
import { browser } from 'wxt/browser';
import { listApprovals, onApprovalsChanged } from './approvals';

export function badgeText(pending: number): string {
  if (pending <= 0) return '';
  return pending > 99 ? '99+' : String(pending);
}

async function update(): Promise<void> {
  const n = (await listApprovals()).length;
  await browser.action.setBadgeText({ text: badgeText(n) });
  if (n > 0) await browser.action.setBadgeBackgroundColor({ color: '#c92a2a' });
}

export function installActionBadge(): void {
  onApprovalsChanged(() => void update().catch(() => undefined));
  // A worker restarted with requests still queued in storage.session shows them at once.
  void update().catch(() => undefined);
}
