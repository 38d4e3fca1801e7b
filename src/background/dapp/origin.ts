/**
 * Where a dApp request comes from: the browser's sender info of the content script's port, never
 * the page's message. Shared by the router and the worker's eager core (boot/core.ts), so it
 * imports nothing but the browser.
 */
import { browser, type Browser } from 'wxt/browser';

/** The web origin of a content-script port, or null for anything that is not one of ours on a web page. */
export function originOfSender(sender: Browser.runtime.MessageSender | undefined): string | null {
  if (!sender || sender.id !== browser.runtime.id || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const origin = (sender as { origin?: string }).origin ?? url.origin;
  return origin === 'null' ? null : origin;
}
