/**
 * Bitcoin test dApp: drives `window.unisat` directly (as ordinals markets do) and the WBIP004
 * provider through the real `@sats-connect/core` client (`request(method, params, providerId)`),
 * exposing helpers the test calls with page.evaluate.
 */
import { getProviders, request, addListener } from '@sats-connect/core';

type Result = { result?: unknown; error?: { code: number; message: string } };
type Unisat = Record<string, (...a: unknown[]) => Promise<unknown>> & { on(e: string, fn: (d: unknown) => void): void };

const unisat = (): Unisat => {
  const u = (window as unknown as { unisat?: Unisat }).unisat;
  if (!u) throw new Error('window.unisat missing');
  return u;
};

const PROVIDER_ID = 'MultichainWallet.BitcoinProvider';
const events: Array<{ event: string; data: unknown }> = [];

const api = {
  providers: () => getProviders().map((p) => ({ id: p.id, name: p.name, iconIsDataUri: typeof p.icon === 'string' && p.icon.startsWith('data:image/') })),
  hasUnisat: () => typeof (window as unknown as { unisat?: unknown }).unisat === 'object',
  unisat: async (method: string, ...args: unknown[]): Promise<Result> => {
    try {
      return { result: await unisat()[method]!(...args) };
    } catch (e) {
      const err = e as { code: number; message: string };
      return { error: { code: err.code, message: err.message } };
    }
  },
  listen: () => {
    for (const ev of ['accountsChanged', 'networkChanged', 'chainChanged']) unisat().on(ev, (data) => events.push({ event: ev, data }));
    addListener('accountChange', (e: unknown) => events.push({ event: 'sc:accountChange', data: e }), PROVIDER_ID);
  },
  events: () => events,
  /** sats-connect's request(): the result is { status: 'success', result } or { status: 'error', error }. */
  sc: async (method: string, params: unknown): Promise<unknown> => {
    try {
      return await request(method as never, params as never, PROVIDER_ID);
    } catch (e) {
      return { status: 'thrown', message: (e as Error).message };
    }
  },
};

(window as unknown as { dapp: typeof api }).dapp = api;
