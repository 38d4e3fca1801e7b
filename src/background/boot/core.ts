/**
 * The service worker's eager core: the only code evaluated when the browser starts the worker.
 *
 * Why: MV3 stops an idle worker after 30 s, and each start used to compile and evaluate the whole
 * ~1 MB background before answering a page's first `eth_chainId`. A service worker cannot use a
 * runtime `import()`, but `importScripts()` of a script the worker already imported while it was
 * being installed works at any later time, also in a later run of the worker (Chromium; a script
 * first imported after installation fails with NetworkError). So:
 *  - while the worker is installed (its state is still `parsed`) the core imports the rest of the
 *    background (`WALLET_SCRIPT`, built from entrypoints/wallet-worker.ts), which only defines
 *    itself, so the browser keeps it with the worker;
 *  - on every start the core alone runs: it registers the worker's event listeners (top level, as
 *    MV3 requires) and answers the EVM reads a page's first touch asks itself
 *    (src/families/evm/background/eagerReads.ts);
 *  - the first event it cannot answer (a popup message, any other dApp request, an alarm, the
 *    approval window closing, install/update) loads and starts the rest synchronously, hands it
 *    that event and the dApp ports opened so far, and from then on hands it every event.
 * Firefox runs the background as an event page: the manifest lists the rest before this file.
 */
import { browser, type Browser } from 'wxt/browser';
import { DAPP_PORT, isPortRequest, type PortMessage } from '../../protocol/dapp';
import { DEMO } from '../../demo/config';
import { originOfSender } from '../dapp/origin';
import { APPROVAL_WINDOW_KEY, WALLET_GLOBAL, WALLET_SCRIPT, type WalletBackground } from './handoff';
import { EAGER_EVM_METHODS, EAGER_READS_FAMILY, eagerEvmRead, prefetchEagerReads } from '../../families/evm/background/eagerReads';

declare const importScripts: ((...urls: string[]) => void) | undefined;
type Scope = { [WALLET_GLOBAL]?: WalletBackground; serviceWorker?: { state: string } };
const scope = globalThis as unknown as Scope;

let wallet: WalletBackground | null = null;

/** dApp ports the core serves (until the rest is loaded), with its listeners on them. */
const eagerPorts = new Map<Browser.runtime.Port, { onMessage: (m: unknown) => void; onDisconnect: () => void }>();

/** The rest of the background, loaded and started on first need (synchronously). */
function loadWallet(): WalletBackground {
  if (wallet) return wallet;
  if (!scope[WALLET_GLOBAL] && typeof importScripts === 'function') importScripts(WALLET_SCRIPT);
  const loaded = scope[WALLET_GLOBAL];
  if (!loaded) throw new Error(`The wallet background (${WALLET_SCRIPT}) is not loaded`);
  loaded.start();
  wallet = loaded;
  // Ports opened so far now belong to the router, so the events it sends (chainChanged…) reach them.
  for (const port of [...eagerPorts.keys()]) handOver(loaded, port, []);
  return loaded;
}

function handOver(w: WalletBackground, port: Browser.runtime.Port, pending: readonly unknown[]): void {
  const own = eagerPorts.get(port);
  if (own) {
    port.onMessage.removeListener(own.onMessage);
    port.onDisconnect.removeListener(own.onDisconnect);
    eagerPorts.delete(port);
  }
  w.adoptPort(port, pending);
}

/** A request the core cannot answer: to the rest of the background, with its port. */
function toWallet(port: Browser.runtime.Port, msg: unknown): void {
  const w = loadWallet();
  handOver(w, port, [msg]);
}

function serveEagerly(port: Browser.runtime.Port, origin: string): void {
  const onMessage = (msg: unknown): void => {
    if (!isPortRequest(msg)) return; // the router ignores these too
    if (wallet || msg.family !== EAGER_READS_FAMILY || !EAGER_EVM_METHODS.has(msg.method)) {
      toWallet(port, msg);
      return;
    }
    void eagerEvmRead(origin, msg.method, msg.params).then((answer) => {
      if (!answer) {
        toWallet(port, msg);
        return;
      }
      try {
        port.postMessage({ type: 'response', id: msg.id, result: answer.result } satisfies PortMessage);
      } catch {
        // the page went away
      }
    });
  };
  const onDisconnect = (): void => void eagerPorts.delete(port);
  eagerPorts.set(port, { onMessage, onDisconnect });
  port.onMessage.addListener(onMessage);
  port.onDisconnect.addListener(onDisconnect);
}

export function startCore(): void {
  // Installation (first evaluation of this version): import the rest now, so that a later run of
  // the worker may import it again on demand. Without `self.serviceWorker` (older browsers) the
  // state is unknown: import it on every start, which is correct, only not lazy.
  const state = scope.serviceWorker?.state;
  if (typeof importScripts === 'function' && !scope[WALLET_GLOBAL] && (state === undefined || state === 'parsed' || state === 'installing')) importScripts(WALLET_SCRIPT);

  browser.runtime.onConnect.addListener((port) => {
    if (wallet) {
      wallet.dispatch('connect', [port]);
      return;
    }
    if (port.name !== DAPP_PORT) return; // the router ignores other ports too
    const origin = originOfSender(port.sender);
    if (!origin) {
      port.disconnect();
      return;
    }
    serveEagerly(port, origin);
  });
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => loadWallet().dispatch('message', [msg, sender, sendResponse]));
  browser.runtime.onInstalled.addListener((details) => void loadWallet().dispatch('installed', [details]));
  browser.alarms.onAlarm.addListener((alarm) => void loadWallet().dispatch('alarm', [alarm]));
  // Every window's closing wakes the worker; only the approval window's needs the wallet.
  browser.windows.onRemoved.addListener((windowId) => {
    if (wallet) {
      wallet.dispatch('windowRemoved', [windowId]);
      return;
    }
    void browser.storage.session.get(APPROVAL_WINDOW_KEY).then((got) => {
      if (got[APPROVAL_WINDOW_KEY] === windowId) loadWallet().dispatch('windowRemoved', [windowId]);
    });
  });

  // The demo build (npm start) points the networks at its local nodes at start: no eager answers there.
  if (DEMO) loadWallet();
  else prefetchEagerReads();
}
