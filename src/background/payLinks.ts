/**
 * Opens the popup page's Send, prefilled from a payment link the user clicked on a web page
 * (src/content/payLinks.ts). Only a content script of this extension in a tab may ask; the link
 * must be one of the payment schemes and of bounded length. The popup page reads it from its own
 * URL (`?pay=`) and fills the form through the same parser as a pasted link, every field visible
 * and editable; nothing is signed until the user reviews and confirms.
 */
import { browser, type Browser } from 'wxt/browser';
import { onWake } from './wakeEvents';

const SCHEME = /^(bitcoin|ethereum|solana|tron):/i;
const MAX_LINK = 2048;

export function payLinkOf(msg: unknown, sender: Browser.runtime.MessageSender): string | null {
  if (typeof msg !== 'object' || msg === null || (msg as { kind?: unknown }).kind !== 'payLink') return null;
  const uri = (msg as { uri?: unknown }).uri;
  if (sender.id !== browser.runtime.id || !sender.tab || !/^https?:/.test(sender.url ?? '')) return null;
  if (typeof uri !== 'string' || uri.length > MAX_LINK || !SCHEME.test(uri) || /[\u0000-\u001f]/.test(uri)) return null;
  return uri;
}

export function installPayLinks(): void {
  onWake('message', (msg, sender) => {
    const uri = payLinkOf(msg, sender);
    if (uri === null) return false;
    const url = browser.runtime.getURL(`/popup.html?pay=${encodeURIComponent(uri)}#/send` as '/popup.html');
    void browser.windows.create({ url, type: 'popup', width: 380, height: 640, focused: true }).catch(() => undefined);
    return false;
  });
}
