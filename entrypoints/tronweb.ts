/**
 * The full TronWeb library for pages, loaded on demand only (never part of the injected inpage
 * script): src/families/tron/inpage/provider.ts adds this file as a <script> the first time a page needs more than
 * the tronWeb facade, and receives the TronWeb class through the 'mcw:tronweb-library' event.
 * Web-accessible on http(s) pages only (wxt.config.ts). It holds no key: the facade replaces the
 * instance's signing methods with the wallet's and routes its node traffic through the wallet.
 */
import { TronWeb } from 'tronweb';

export default defineUnlistedScript(() => {
  window.dispatchEvent(new CustomEvent('mcw:tronweb-library', { detail: TronWeb }));
});
