/**
 * The pipeline's hot path (src/background/dapp/pipeline.ts, DappMethod.answer): a safe method that
 * answers from who asks alone — EVM's eth_chainId, net_version, node reads — is answered without the
 * family context and without reading the site's grant (the storage reads that made a connected page's
 * eth_chainId 2.75× a bare message's round trip), yet follows a network switch at once, still checks
 * its params first, and what names accounts still reads the grant on every call (a revocation counts
 * at once). Real pipeline, real EVM table; storage.local is WXT's fake browser (in memory).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));

const { fakeBrowser } = await import('wxt/testing');
const { moduleHandler } = await import('../../src/background/dapp/pipeline');
const { forgetEvmState } = await import('../../src/families/evm/background/state');
const { evmDapp } = await import('../../src/families/evm/background/dapp');
const { grant, liveGrant } = await import('../../src/background/permissions');
import type { DappCall } from '../../src/families/types';

const ORIGIN = 'http://127.0.0.1:4000';
const ACCOUNT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const evm = moduleHandler('evm');
const ask = (method: string, params?: unknown): Promise<unknown> => evm.handle({ origin: ORIGIN, requestId: `${method}-${Math.random()}` }, method, params);

/** The storage.local keys read while `fn` runs. */
async function keysReadBy(fn: () => Promise<unknown>): Promise<string[]> {
  const read: string[] = [];
  const real = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
  const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(((keys: unknown) => {
    if (typeof keys === 'string') read.push(keys);
    else if (Array.isArray(keys)) read.push(...(keys as string[]));
    else read.push(keys === null || keys === undefined ? '(everything)' : Object.keys(keys as object).join(','));
    return real(keys as never);
  }) as never);
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return read;
}

beforeEach(async () => {
  // clear(), not reset(): the EVM state's storage.onChanged listener (added once) must stay.
  await fakeBrowser.storage.local.clear();
  forgetEvmState();
  // A connected site whose grant was last used long ago (a renewal would be a write), a selected wallet.
  await fakeBrowser.storage.local.set({ evm: { activeChainId: 137, customNetworks: [], tokens: {} }, selection: { walletId: 'w1', accountIndex: 0 } });
  await grant(ORIGIN, 'evm', [ACCOUNT.toLowerCase()]);
});

describe('safe EVM methods answered from who asks alone', () => {
  it('eth_chainId, net_version and net_listening read neither the site record nor the selection, the node URLs or the shared network keys', async () => {
    await ask('eth_chainId'); // the EVM state is read once, then kept in memory
    const read = await keysReadBy(async () => {
      expect(await ask('eth_chainId')).toBe('0x89');
      expect(await ask('net_version')).toBe('137');
      expect(await ask('net_listening')).toBe(true);
    });
    for (const key of ['permissions', 'selection', 'familyNetwork', 'familyEndpoints', 'settings']) expect(read, key).not.toContain(key);
  });

  it('follows a network switch at once (the EVM state is re-read after a write)', async () => {
    expect(await ask('eth_chainId')).toBe('0x89');
    await fakeBrowser.storage.local.set({ evm: { activeChainId: 10, customNetworks: [], tokens: {} } });
    expect(await ask('eth_chainId')).toBe('0xa');
    expect(await ask('net_version')).toBe('10');
  });

  it('still checks params first: malformed ones are -32602 and read nothing of the site', async () => {
    const read = await keysReadBy(async () => {
      await expect(ask('eth_chainId', 'nope')).rejects.toMatchObject({ code: -32602 });
      // An object where a node read takes an array: refused here, never forwarded to a node.
      await expect(ask('eth_getBalance', { address: ACCOUNT })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/eth_getBalance expects an array/) });
    });
    expect(read).not.toContain('permissions');
  });

  it('what names accounts reads the grant on each call: a revocation through the pipeline counts at once', async () => {
    expect(await liveGrant(ORIGIN, 'evm')).toBeDefined();
    const read = await keysReadBy(() => ask('wallet_getPermissions'));
    expect(read).toContain('permissions');
    expect(await ask('wallet_revokePermissions', [{ eth_accounts: {} }])).toBeNull();
    expect(await liveGrant(ORIGIN, 'evm')).toBeUndefined();
    expect(await ask('wallet_getPermissions')).toEqual([]);
    expect(await ask('eth_accounts')).toEqual([]);
  });

  it('every safe EVM entry has the site answer, and its prepare gives the same answer to a full call', async () => {
    const safe = Object.entries(evmDapp).filter(([, m]) => m.gate === 'safe');
    expect(safe.length).toBeGreaterThan(10);
    for (const [name, m] of safe) expect(m.answer, name).toBeTypeOf('function');
    const site = { origin: ORIGIN, emit: () => undefined };
    const call = { ...site, family: 'evm', sel: { walletId: 'w1', index: 0 }, address: '' } as unknown as DappCall;
    for (const name of ['eth_chainId', 'net_version', 'net_listening', 'eth_accounts']) {
      expect(await (await evmDapp[name]!.prepare(call, [])).run(), name).toEqual(await evmDapp[name]!.answer!(site, []));
    }
  });
});
