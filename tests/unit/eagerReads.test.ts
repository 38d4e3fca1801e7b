/**
 * The worker's eager EVM reads (src/families/evm/background/eagerReads.ts) give what the full EVM handler
 * gives, and step aside (null) whenever the answer could depend on more than they read.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_CHAIN_IDS, EAGER_EVM_METHODS, answerEvmRead, type StoredReads } from '../../src/families/evm/background/eagerReads';
import { BUILTIN_EVM_NETWORKS } from '../../src/families/evm/core/networks';

const SITE = 'https://app.example';

describe('eager EVM reads', () => {
  it('knows exactly the built-in networks, with the hex ids the networks module gives', () => {
    expect([...BUILTIN_CHAIN_IDS].sort((a, b) => a - b)).toEqual(BUILTIN_EVM_NETWORKS.map((n) => n.chainId).sort((a, b) => a - b));
    for (const n of BUILTIN_EVM_NETWORKS) {
      expect(answerEvmRead({ evm: { activeChainId: n.chainId } }, SITE, 'eth_chainId', [])).toEqual({ result: n.chainIdHex });
      expect(answerEvmRead({ evm: { activeChainId: n.chainId } }, SITE, 'net_version', undefined)).toEqual({ result: String(n.chainId) });
    }
  });

  it('answers a fresh wallet (nothing stored) as Ethereum mainnet, like the full handler', () => {
    expect(answerEvmRead({}, SITE, 'eth_chainId', undefined)).toEqual({ result: '0x1' });
    expect(answerEvmRead({}, SITE, 'eth_accounts', [])).toEqual({ result: [] });
    expect(answerEvmRead({}, SITE, 'wallet_getProviderState', undefined)).toEqual({ result: { chainId: '0x1', accounts: [], isMetaMask: true } });
  });

  it('reports the MetaMask-compatibility setting and a custom active network', () => {
    const stored: StoredReads = { evm: { activeChainId: 31338, customNetworks: [{ chainId: 31338 }] }, settings: { evmMetaMaskCompat: false } };
    expect(answerEvmRead(stored, SITE, 'wallet_getProviderState', [])).toEqual({ result: { chainId: '0x7a6a', accounts: [], isMetaMask: false } });
  });

  it('steps aside for a connected site, a blocked site, parameters, other methods and an unknown network', () => {
    const connected: StoredReads = { permissions: { [SITE]: { evm: { accounts: ['0xabc'], grantedAt: 1 } } } };
    expect(answerEvmRead(connected, SITE, 'eth_accounts', [])).toBeNull();
    expect(answerEvmRead(connected, SITE, 'eth_chainId', [])).toBeNull();
    // A grant for another family only: still not connected on EVM.
    expect(answerEvmRead({ permissions: { [SITE]: { solana: { accounts: [], grantedAt: 1 } } } }, SITE, 'eth_accounts', [])).toEqual({ result: [] });
    expect(answerEvmRead({ blockedSites: { [SITE]: 1 } }, SITE, 'eth_chainId', [])).toBeNull();
    expect(answerEvmRead({}, SITE, 'eth_chainId', ['x'])).toBeNull();
    expect(answerEvmRead({}, SITE, 'eth_chainId', {})).toBeNull();
    expect(answerEvmRead({}, SITE, 'eth_requestAccounts', [])).toBeNull();
    expect(answerEvmRead({}, SITE, 'toString', [])).toBeNull();
    expect(answerEvmRead({ evm: { activeChainId: 999999 } }, SITE, 'eth_chainId', [])).toBeNull();
    expect(answerEvmRead({ evm: { activeChainId: -1, customNetworks: [{ chainId: -1 }] } }, SITE, 'eth_chainId', [])).toBeNull();
    expect([...EAGER_EVM_METHODS].sort()).toEqual(['eth_accounts', 'eth_chainId', 'net_version', 'wallet_getProviderState']);
  });

  it('does not confuse an origin with an inherited property name', () => {
    expect(answerEvmRead({ blockedSites: {} }, 'constructor', 'eth_chainId', [])).toEqual({ result: '0x1' });
    expect(answerEvmRead({ permissions: {} }, 'toString', 'eth_accounts', [])).toEqual({ result: [] });
  });
});
