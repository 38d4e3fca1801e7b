/**
 * What the worker's eager core (core.ts) and the rest of the background (entrypoints/wallet-worker.ts)
 * share. Type-only imports and constants: importing this adds nothing to either bundle.
 */
import type { Browser } from 'wxt/browser';
import type { dispatchWake } from '../wakeEvents';

/** The rest of the background, built as its own file and loaded with importScripts() on first need. */
export const WALLET_SCRIPT = '/wallet-worker.js';

/** The global through which the loaded file hands itself to the core. */
export const WALLET_GLOBAL = '__mcwWalletBackground';

export interface WalletBackground {
  /** Starts the background (session restore, router, families); runs once. */
  start(): void;
  /** Delivers a wake-up event to the background's subscribers (src/background/wakeEvents.ts). */
  dispatch: typeof dispatchWake;
  /** Takes over a dApp port the core served so far; `pending` are its requests still unanswered. */
  adoptPort(port: Browser.runtime.Port, pending?: readonly unknown[]): void;
}

/** storage.session key of the approval window's id (approvals.ts): the only window whose closing matters. */
export const APPROVAL_WINDOW_KEY = 'approvalWindowId';
