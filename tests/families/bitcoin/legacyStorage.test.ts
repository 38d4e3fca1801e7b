/**
 * An install from before Bitcoin became a family module kept its network and Esplora URLs under
 * storage.local 'bitcoin' ({ network, esploraUrl: { mainnet, testnet, regtest } }, every URL stored,
 * defaults included). After the upgrade the same network is selected and the same URLs are used:
 * the old record is moved once into the shared family records and removed. Runs the real shared
 * code (src/background/families/modules.ts) on an in-memory storage.local with the browser's semantics.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const { fakeBrowser } = vi.hoisted(() => {
  let data = new Map<string, unknown>();
  const copy = <T>(v: T): T => structuredClone(v);
  const local = {
    async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
      const want = keys === null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(want.filter((k) => data.has(k)).map((k) => [k, copy(data.get(k))]));
    },
    async set(items: Record<string, unknown>): Promise<void> {
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
    },
    async remove(keys: string | string[]): Promise<void> {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
  return { fakeBrowser: { storage: { local, session: local, onChanged: { addListener() {} } }, reset: () => void (data = new Map()) } };
});

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { activeNetwork, endpointsOf, selectNetwork } = await import('../../../src/background/families/modules');
const { bitcoinState } = await import('../../../src/families/bitcoin/background/state');
const { BITCOIN_DEFAULT_ESPLORA, bitcoinDescriptor, cleanEsploraUrl } = await import('../../../src/families/bitcoin/core/descriptor');

const local = (): Promise<Record<string, unknown>> => fakeBrowser.storage.local.get(null);

describe('Bitcoin: storage from before the family module', () => {
  beforeEach(() => fakeBrowser.reset());

  it('an old record gives the same network and Esplora URLs, then is gone', async () => {
    await fakeBrowser.storage.local.set({
      bitcoin: { network: 'testnet', esploraUrl: { mainnet: BITCOIN_DEFAULT_ESPLORA.mainnet, testnet: 'https://esplora.example/testnet/api', regtest: 'http://127.0.0.1:3999' } },
    });
    expect((await activeNetwork('bitcoin')).ref).toBe('bitcoin:testnet');
    expect(await endpointsOf('bitcoin')).toEqual({ mainnet: BITCOIN_DEFAULT_ESPLORA.mainnet, testnet: 'https://esplora.example/testnet/api', regtest: 'http://127.0.0.1:3999' });
    expect(await bitcoinState()).toEqual({ network: 'testnet', esploraUrl: { mainnet: BITCOIN_DEFAULT_ESPLORA.mainnet, testnet: 'https://esplora.example/testnet/api', regtest: 'http://127.0.0.1:3999' } });
    const stored = await local();
    expect(stored.bitcoin).toBeUndefined();
    // Only the URLs the user changed became user endpoints (a default stays a default).
    expect(stored.familyEndpoints).toEqual({ bitcoin: { testnet: 'https://esplora.example/testnet/api', regtest: 'http://127.0.0.1:3999' } });
    expect(stored.familyNetwork).toEqual({ bitcoin: 'bitcoin:testnet' });
  });

  it('keeps the other families’ records and a later selection wins', async () => {
    await fakeBrowser.storage.local.set({ familyNetwork: { eos: 'eos:jungle' }, familyEndpoints: { eos: { jungle: 'https://jungle.example' } }, bitcoin: { network: 'regtest', esploraUrl: { regtest: 'http://127.0.0.1:3002' } } });
    expect((await activeNetwork('bitcoin')).ref).toBe('bitcoin:regtest');
    expect(await selectNetwork('bitcoin', 'bitcoin:mainnet')).toBe(true);
    expect((await activeNetwork('bitcoin')).ref).toBe('bitcoin:mainnet');
    const stored = await local();
    expect(stored.familyNetwork).toEqual({ eos: 'eos:jungle', bitcoin: 'bitcoin:mainnet' });
    expect(stored.familyEndpoints).toEqual({ eos: { jungle: 'https://jungle.example' } });
  });

  it('a fresh install starts on mainnet with the public Esplora URLs', async () => {
    expect(await bitcoinState()).toEqual({ network: 'mainnet', esploraUrl: { ...BITCOIN_DEFAULT_ESPLORA } });
  });

  it('a malformed old record changes nothing but is cleared', async () => {
    await fakeBrowser.storage.local.set({ bitcoin: { network: 'signet-of-doom', esploraUrl: { mainnet: 42 } } });
    expect(await bitcoinState()).toEqual({ network: 'mainnet', esploraUrl: { ...BITCOIN_DEFAULT_ESPLORA } });
    expect((await local()).bitcoin).toBeUndefined();
  });

  it('the networks are the ones the dApp providers speak, and the URL check is the old one', () => {
    expect(bitcoinDescriptor.networks.map((n) => [n.ref, n.name, n.testnet, n.keyNetwork])).toEqual([
      ['bitcoin:mainnet', 'Bitcoin', false, 'mainnet'],
      ['bitcoin:testnet', 'Bitcoin Testnet', true, 'testnet'],
      ['bitcoin:regtest', 'Bitcoin Regtest', true, 'regtest'],
    ]);
    expect(cleanEsploraUrl(' https://esplora.example/api/ ')).toBe('https://esplora.example/api');
    expect(cleanEsploraUrl('http://localhost:3002')).toBe('http://localhost:3002');
    expect(() => cleanEsploraUrl('http://esplora.example/api')).toThrow(expect.objectContaining({ code: 'INSECURE_RPC' }));
    expect(() => cleanEsploraUrl('https://user:pw@esplora.example')).toThrow(expect.objectContaining({ code: 'INVALID_URL' }));
    expect(() => cleanEsploraUrl('ftp://esplora.example')).toThrow(expect.objectContaining({ code: 'INVALID_URL' }));
  });
});
