/**
 * Background wiring: restores the session, then routes extension-page requests to the wallet
 * service. Only our own extension pages are served here; content scripts (web origins) talk
 * over their own port and never reach these handlers.
 */
import { browser, type Browser } from 'wxt/browser';
import type { UiEvent, UiMessage, UiMethod, UiResponse } from '../protocol/ui';
import { toErrorShape, WalletError } from './errors';
import { handlers } from './walletService';
import { installAutoLock, onLocked, restoreSession } from './session';
import { installApprovalWindowWatch, onApprovalsChanged, rejectAll } from './approvals';
import { installActionBadge } from './actionBadge';
import { installDappRouter, registerFamily } from './dapp/router';
import { DEMO } from '../demo/config';
import { forgetRecentAnswers } from './dapp/executions';
import { moduleHandler } from './dapp/pipeline';
import { modularFamilies } from './families/modules';
import { onWake } from './wakeEvents';
import { installIncomingPoller } from './incoming/poller';
import { installPayLinks } from './payLinks';
import { enableStorageCache } from './storageCache';

/** True only for pages of this extension (popup, onboarding, approval), never a content script. */
export function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const own = browser.runtime.getURL('/');
  return typeof sender.url === 'string' && sender.url.startsWith(own) && !sender.tab?.url?.startsWith('http');
}

function isUiMessage(msg: unknown): msg is UiMessage {
  return (
    typeof msg === 'object' &&
    msg !== null &&
    (msg as UiMessage).kind === 'ui' &&
    typeof (msg as UiMessage).method === 'string' &&
    Object.prototype.hasOwnProperty.call(handlers, (msg as UiMessage).method)
  );
}

function broadcast(event: UiEvent['event']): void {
  const msg: UiEvent = { kind: 'event', event };
  browser.runtime.sendMessage(msg).catch(() => undefined);
}

export function startBackground(): void {
  // Storage reads from memory while the worker lives (src/background/storageCache.ts).
  enableStorageCache();
  // The demo build (npm start only) points the local networks at its nodes before serving requests.
  const ready = Promise.all([restoreSession().catch(() => undefined), DEMO ? import('./demo').then((m) => m.installDemo(DEMO!)) : undefined]).then(() => undefined);
  installAutoLock();
  installIncomingPoller(ready);
  installPayLinks();
  onLocked(() => {
    forgetRecentAnswers();
    broadcast('locked');
    void rejectAll();
  });
  onApprovalsChanged(() => broadcast('stateChanged'));
  installApprovalWindowWatch();
  installActionBadge();
  // Family modules (EVM too): their dApp method tables on the shared pipeline; each background loads on
  // first use (src/families/registry.ts).
  for (const f of modularFamilies()) registerFamily(moduleHandler(f));
  installDappRouter(ready);
  onWake('installed', ({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });

  onWake('message', (msg, sender, sendResponse) => {
    if (!isUiMessage(msg)) return false;
    if (!isExtensionPage(sender)) {
      sendResponse({ ok: false, error: toErrorShape(new WalletError('FORBIDDEN', 'Not allowed from this context')) } satisfies UiResponse);
      return false;
    }
    const handler = handlers[msg.method] as (p: unknown) => Promise<unknown>;
    void ready
      .then(() => handler(msg.params ?? {}))
      .then(
        (result) => sendResponse({ ok: true, result } as UiResponse<UiMethod>),
        (err: unknown) => sendResponse({ ok: false, error: toErrorShape(err) } satisfies UiResponse),
      );
    return true;
  });
}
