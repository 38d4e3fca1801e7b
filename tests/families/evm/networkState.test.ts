/**
 * EVM in the shared popup pipeline keeps an existing install's networks and selection: the
 * network list and the active network come from the family's own `evm` storage record (the one
 * the EVM dApp side reads), not from the shared `familyNetwork` key, and selecting writes there.
 * storage.local is WXT's fake browser (an in-memory storage.local), the code under test is real.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));

const { fakeBrowser } = await import('wxt/testing');
const { activeNetwork, familyNetworks, selectNetwork } = await import('../../../src/background/families/modules');
const { forgetEvmState } = await import('../../../src/families/evm/background/state');
const { evmDescriptor } = await import('../../../src/families/evm/core/descriptor');
const { BUILTIN_EVM_NETWORKS } = await import('../../../src/families/evm/core/networks');

const CUSTOM = {
  chainId: 999,
  chainIdHex: '0x3e7',
  name: 'My Chain',
  nativeCurrency: { name: 'MYC', symbol: 'MYC', decimals: 18 },
  rpcUrls: ['https://rpc.example.org'],
  testnet: false,
  eip1559: true,
  custom: true,
};
const TOKEN = { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', symbol: 'TT', decimals: 6 };

/** The `evm` record as an install from before the move wrote it. */
async function oldInstall(activeChainId: number): Promise<void> {
  fakeBrowser.reset();
  forgetEvmState();
  await fakeBrowser.storage.local.set({ evm: { activeChainId, customNetworks: [CUSTOM], tokens: { '999': [TOKEN] } }, popupFamily: 'evm' });
}

describe('EVM networks through the shared pipeline (old storage)', () => {
  beforeEach(() => oldInstall(137));

  it('the active network is the one the old record selected', async () => {
    const n = await activeNetwork('evm');
    expect(n.ref).toBe('evm:137');
    expect(n.name).toBe(BUILTIN_EVM_NETWORKS.find((b) => b.chainId === 137)!.name);
  });

  it('the list holds every built-in network and the user-added one, with its RPC as the endpoint', async () => {
    const list = await familyNetworks('evm');
    expect(list.map((n) => n.ref)).toEqual([...BUILTIN_EVM_NETWORKS.map((b) => `evm:${b.chainId}`), 'evm:999']);
    expect(list.find((n) => n.ref === 'evm:999')).toMatchObject({ name: 'My Chain', native: { symbol: 'MYC', decimals: 18 }, defaultEndpoint: 'https://rpc.example.org', testnet: false });
  });

  it('selecting writes the old record (which the dApp side reads), keeps networks and tokens, and never the shared key', async () => {
    expect(await selectNetwork('evm', 'evm:999')).toBe(true);
    const { evm, familyNetwork } = await fakeBrowser.storage.local.get(['evm', 'familyNetwork']);
    expect(evm).toEqual({ activeChainId: 999, customNetworks: [CUSTOM], tokens: { '999': [TOKEN] } });
    expect(familyNetwork).toBeUndefined();
    expect((await activeNetwork('evm')).ref).toBe('evm:999');
  });

  it('an unknown or malformed ref is refused and changes nothing', async () => {
    for (const ref of ['evm:5555', 'evm:0x1', 'bitcoin:mainnet', 'evm:']) expect(await selectNetwork('evm', ref)).toBe(false);
    expect((await fakeBrowser.storage.local.get('evm')).evm).toMatchObject({ activeChainId: 137 });
  });

  it('a fresh install starts on Ethereum (chain 1), as before', async () => {
    fakeBrowser.reset();
    forgetEvmState();
    expect((await activeNetwork('evm')).ref).toBe('evm:1');
  });

  it('the eager descriptor lists the built-in networks by ref', () => {
    expect(evmDescriptor.networks.map((n) => n.ref)).toEqual(BUILTIN_EVM_NETWORKS.map((b) => `evm:${b.chainId}`));
  });
});
