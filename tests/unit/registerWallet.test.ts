/**
 * The page's Wallet Standard registration (src/inpage/registerWallet.ts) against the app side dApps
 * run, @wallet-standard/app's getWallets: a wallet registered before the app appears when the app
 * starts, one registered after appears at once, and the register event cannot be stopped.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Wallet } from '@wallet-standard/base';

const win = new EventTarget();
vi.stubGlobal('window', win);
afterAll(() => void vi.unstubAllGlobals());

const wallet = (name: string): Wallet => ({ version: '1.0.0', name, icon: 'data:image/svg+xml;base64,', chains: [], features: {}, accounts: [] });

describe('registerWallet (page side of the Wallet Standard handshake)', () => {
  it('registers with an app that starts later and with one already running', async () => {
    const { registerWallet } = await import('../../src/inpage/registerWallet');
    const early = wallet('early');
    registerWallet(early);
    const { getWallets } = await import('@wallet-standard/app');
    const app = getWallets();
    expect(app.get()).toEqual([early]);
    const seen: string[] = [];
    app.on('register', (...ws) => seen.push(...ws.map((w) => w.name)));
    const late = wallet('late');
    registerWallet(late);
    expect(app.get()).toEqual([early, late]);
    expect(seen).toEqual(['late']);
  });

  it('its register event has the standard type and detail, and cannot be stopped', async () => {
    const { registerWallet } = await import('../../src/inpage/registerWallet');
    const events: Event[] = [];
    const grab = (e: Event): void => void events.push(e);
    win.addEventListener('wallet-standard:register-wallet', grab);
    registerWallet(wallet('third'));
    win.removeEventListener('wallet-standard:register-wallet', grab);
    expect(events).toHaveLength(1);
    const e = events[0] as Event & { detail: unknown };
    expect(e.type).toBe('wallet-standard:register-wallet');
    expect(e.bubbles).toBe(false);
    expect(typeof e.detail).toBe('function');
    expect(() => e.preventDefault()).toThrow('preventDefault cannot be called');
    expect(() => e.stopPropagation()).toThrow('stopPropagation cannot be called');
    expect(() => e.stopImmediatePropagation()).toThrow('stopImmediatePropagation cannot be called');
  });
});
