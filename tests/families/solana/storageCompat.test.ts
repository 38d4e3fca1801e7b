/**
 * An install from before Solana was a family module kept its cluster and a JSON-RPC URL per cluster
 * under storage.local 'solana' ({ cluster, rpcUrl }). The shared family store
 * (src/background/families/modules.ts) moves it into its own records once, so the same network is
 * selected, under the same chain-selector id, with the same node URLs; a missing or broken key gives
 * the defaults. The worker's own code, on an in-memory storage.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const store = new Map<string, unknown>();
vi.mock('wxt/browser', async () => (await import('../../support/memoryBrowser')).memoryBrowser(store));

const { activeNetwork, endpointsOf, selectNetwork, setEndpoint } = await import('../../../src/background/families/modules');
const { solanaState } = await import('../../../src/families/solana/background/state');
const { solanaDescriptor } = await import('../../../src/families/solana/core/descriptor');

const DEFAULTS = { 'mainnet-beta': 'https://api.mainnet-beta.solana.com', devnet: 'https://api.devnet.solana.com', testnet: 'https://api.testnet.solana.com', localnet: 'http://127.0.0.1:8899' };

describe('Solana storage of an existing install', () => {
  beforeEach(() => store.clear());

  it('the chain selector ids and names are the ones the popup always used', () => {
    expect(solanaDescriptor.networks.map((n) => n.ref)).toEqual(['solana:mainnet-beta', 'solana:devnet', 'solana:testnet', 'solana:localnet']);
    expect(solanaDescriptor.networks.map((n) => n.name)).toEqual(['Solana Mainnet', 'Solana Devnet', 'Solana Testnet', 'Solana Localnet']);
    expect(solanaDescriptor.networks.map((n) => n.defaultEndpoint)).toEqual(Object.values(DEFAULTS));
  });

  it('an old-format { cluster, rpcUrl } selects the same network and node URLs, moved once into the shared keys', async () => {
    // As the old code saved it: every cluster's URL, the untouched ones as URL.href (a bare origin gains a '/').
    store.set('solana', { cluster: 'devnet', rpcUrl: { 'mainnet-beta': 'https://api.mainnet-beta.solana.com/', devnet: 'https://rpc.example.org/devnet', testnet: 'https://api.testnet.solana.com/', localnet: 'http://127.0.0.1:9999/' } });
    expect(await solanaState()).toEqual({ cluster: 'devnet', rpcUrl: { ...DEFAULTS, devnet: 'https://rpc.example.org/devnet', localnet: 'http://127.0.0.1:9999/' } });
    expect((await activeNetwork('solana')).ref).toBe('solana:devnet');
    expect(store.has('solana')).toBe(false);
    expect(store.get('familyNetwork')).toEqual({ solana: 'solana:devnet' });
    // Only the URLs the user changed are kept as theirs; the rest follow the defaults.
    expect(store.get('familyEndpoints')).toEqual({ solana: { devnet: 'https://rpc.example.org/devnet', localnet: 'http://127.0.0.1:9999/' } });
    // Read again (the worker restarted): the same.
    expect(await endpointsOf('solana')).toEqual({ ...DEFAULTS, devnet: 'https://rpc.example.org/devnet', localnet: 'http://127.0.0.1:9999/' });
  });

  it('the user’s next choice is written to the shared keys and kept', async () => {
    store.set('solana', { cluster: 'localnet', rpcUrl: { localnet: 'http://127.0.0.1:9999' } });
    expect(await selectNetwork('solana', 'solana:testnet')).toBe(true);
    expect(await selectNetwork('solana', 'solana:moonnet')).toBe(false);
    await setEndpoint('solana', 'devnet', 'https://rpc.example.org/devnet/');
    expect(await solanaState()).toEqual({ cluster: 'testnet', rpcUrl: { ...DEFAULTS, devnet: 'https://rpc.example.org/devnet', localnet: 'http://127.0.0.1:9999' } });
    // Settings' check: plain http only to this computer, and nothing changes when refused.
    await expect(setEndpoint('solana', 'devnet', 'http://rpc.example.org')).rejects.toMatchObject({ code: 'INSECURE_RPC' });
    await expect(setEndpoint('solana', 'devnet', 'javascript:alert(1)')).rejects.toMatchObject({ code: 'INVALID_URL' });
    expect((await solanaState()).rpcUrl.devnet).toBe('https://rpc.example.org/devnet');
    await setEndpoint('solana', 'devnet', ''); // "Reset to default"
    expect((await solanaState()).rpcUrl.devnet).toBe(DEFAULTS.devnet);
  });

  it('nothing stored, or a broken value: mainnet and the public RPC', async () => {
    expect(await solanaState()).toEqual({ cluster: 'mainnet-beta', rpcUrl: DEFAULTS });
    store.set('solana', { cluster: 'moonnet', rpcUrl: { 'mainnet-beta': 'javascript:alert(1)', devnet: 'https://user:pw@rpc.example.org' } });
    expect(await solanaState()).toEqual({ cluster: 'mainnet-beta', rpcUrl: DEFAULTS });
    expect(store.has('solana')).toBe(false);
  });
});
