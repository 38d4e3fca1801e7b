/**
 * An install from before TRON was a family module kept its network choice, node URLs, watched
 * TRC-20s and the custom node's chain id under storage.local 'tron'. The shared family store
 * (src/background/families/modules.ts) must give that install the same selection and endpoints,
 * until the user chooses anew (then the shared keys win), and the TRON state keeps its tokens.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const store = new Map<string, unknown>();
vi.mock('wxt/browser', async () => (await import('../../support/memoryBrowser')).memoryBrowser(store));

const { activeNetwork, endpointsOf, selectNetwork, setEndpoint } = await import('../../../src/background/families/modules');
const { tronState, watchTronToken } = await import('../../../src/families/tron/background/state');
const { readLegacyTronStorage } = await import('../../../src/families/tron/core/descriptor');

const USDT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const TUSD = { address: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf', symbol: 'TUSD', decimals: 6 };
const DEFAULTS = { mainnet: 'https://api.trongrid.io', nile: 'https://nile.trongrid.io', shasta: 'https://api.shasta.trongrid.io', custom: 'http://127.0.0.1:8090' };

/** What a pre-module install wrote (src/background/tron/state.ts saved the whole state). */
const OLD_INSTALL = {
  network: 'custom',
  fullNode: { ...DEFAULTS, nile: 'https://nile.example.org/jsonrpc?key=abc', custom: 'http://127.0.0.1:9090' },
  tokens: { mainnet: [{ address: USDT, symbol: 'USDT', decimals: 6 }], nile: [TUSD], shasta: [], custom: [] },
  customChainId: { url: 'http://127.0.0.1:9090', chainId: '0x1234abcd' },
};

beforeEach(() => store.clear());

describe('TRON storage from before the family module', () => {
  it('reads the old network and only the node URLs that differ from the defaults (pure)', () => {
    expect(readLegacyTronStorage(OLD_INSTALL)).toEqual({ network: 'tron:custom', endpoints: { nile: OLD_INSTALL.fullNode.nile, custom: 'http://127.0.0.1:9090' } });
    expect(readLegacyTronStorage({ network: 'nile' })).toEqual({ network: 'tron:nile', endpoints: {} });
    expect(readLegacyTronStorage(undefined)).toEqual({ endpoints: {} });
    // Garbage stays garbage: no network, no URL that is not a string.
    expect(readLegacyTronStorage({ network: 'moon', fullNode: { custom: 42, mainnet: '' } })).toEqual({ endpoints: {} });
  });

  it('an old install keeps its selected network, node URLs, tokens and custom chain id', async () => {
    store.set('tron', OLD_INSTALL);
    expect((await activeNetwork('tron')).ref).toBe('tron:custom');
    expect(await endpointsOf('tron')).toEqual({ ...DEFAULTS, nile: OLD_INSTALL.fullNode.nile, custom: 'http://127.0.0.1:9090' });
    const s = await tronState();
    expect(s.network).toBe('custom');
    expect(s.fullNode).toEqual(OLD_INSTALL.fullNode);
    expect(s.tokens).toEqual(OLD_INSTALL.tokens);
    expect(s.customChainId).toEqual(OLD_INSTALL.customChainId);
  });

  it('the shape the e2e suites write (network and one node) selects that network and node', async () => {
    store.set('tron', { network: 'custom', fullNode: { custom: 'http://127.0.0.1:7777' } });
    const s = await tronState();
    expect(s.network).toBe('custom');
    expect(s.fullNode).toEqual({ ...DEFAULTS, custom: 'http://127.0.0.1:7777' });
    expect(s.tokens.mainnet.map((t) => t.address)).toEqual([USDT]);
  });

  it('a fresh install starts on mainnet with the default nodes and USDT', async () => {
    expect((await activeNetwork('tron')).ref).toBe('tron:mainnet');
    expect(await endpointsOf('tron')).toEqual(DEFAULTS);
    expect((await tronState()).tokens.mainnet.map((t) => t.symbol)).toEqual(['USDT']);
  });

  it("the user's next choice goes to the shared keys and wins; the other old URLs come along", async () => {
    store.set('tron', OLD_INSTALL);
    expect(await selectNetwork('tron', 'tron:shasta')).toBe(true);
    expect((await activeNetwork('tron')).ref).toBe('tron:shasta');
    await setEndpoint('tron', 'shasta', 'https://shasta.example.org');
    expect(await endpointsOf('tron')).toEqual({ ...DEFAULTS, nile: OLD_INSTALL.fullNode.nile, custom: 'http://127.0.0.1:9090', shasta: 'https://shasta.example.org' });
    expect(store.get('familyNetwork')).toEqual({ tron: 'tron:shasta' });
    // A remote node over plain http is refused, and nothing changes.
    await expect(setEndpoint('tron', 'nile', 'http://nile.example.org')).rejects.toMatchObject({ code: 'INSECURE_RPC' });
    expect((await endpointsOf('tron')).nile).toBe(OLD_INSTALL.fullNode.nile);
  });

  it('watching a token keeps the old tokens and the custom chain id under the old key', async () => {
    store.set('tron', OLD_INSTALL);
    await watchTronToken('custom', TUSD);
    const saved = store.get('tron') as typeof OLD_INSTALL;
    expect(saved.tokens).toEqual({ ...OLD_INSTALL.tokens, custom: [TUSD] });
    expect(saved.customChainId).toEqual(OLD_INSTALL.customChainId);
    expect((await tronState()).network).toBe('custom');
  });
});
