/**
 * Payment links clicked on web pages (`bitcoin:`, `ethereum:`, `solana:`, `tron:` anchors) open the
 * wallet's prefilled Send. Chrome gives extensions no protocol handlers (Firefox's manifest
 * `protocol_handlers` takes only `bitcoin` and `web+…` schemes), so this isolated-world listener
 * catches the user's own click: a trusted plain left click the page did not handle itself. The
 * link text goes to the extension's background only, which opens the popup page with it; nothing
 * is sent anywhere else and nothing is paid without the user's confirmation in Send.
 */
import { browser } from 'wxt/browser';

const SCHEME = /^(bitcoin|ethereum|solana|tron):/i;
const MAX_LINK = 2048;

export function installPayLinks(): void {
  document.addEventListener('click', (e) => {
    if (!e.isTrusted || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const start = e.composedPath()[0];
    const a = start instanceof Element ? start.closest('a[href]') : null;
    const href = a?.getAttribute('href')?.trim() ?? '';
    if (!SCHEME.test(href) || href.length > MAX_LINK) return;
    e.preventDefault();
    browser.runtime.sendMessage({ kind: 'payLink', uri: href }).catch(() => undefined);
  });
}
