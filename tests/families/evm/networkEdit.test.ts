import { describe, expect, it } from 'vitest';
import { findNetwork } from '../../../src/families/evm/core/networks';
import { applyNetworkEdit, editFor } from '../../../src/families/evm/core/networkEdit';

const ethereum = findNetwork(1)!;

describe('editing a built-in EVM network', () => {
  it('replaces the RPC and explorer and keeps everything else', () => {
    const n = applyNetworkEdit(ethereum, { rpcUrl: 'https://eth.example.cn', explorer: 'https://scan.example.cn' });
    expect(n.rpcUrls).toEqual(['https://eth.example.cn']);
    expect(n.blockExplorerUrl).toBe('https://scan.example.cn');
    expect({ ...n, rpcUrls: ethereum.rpcUrls, blockExplorerUrl: ethereum.blockExplorerUrl }).toEqual(ethereum);
    expect(ethereum.rpcUrls[0]).toBe('https://ethereum-rpc.publicnode.com');
  });

  it('removes the explorer when the edit says none, keeps the default when it says nothing', () => {
    expect(applyNetworkEdit(ethereum, { explorer: null }).blockExplorerUrl).toBeUndefined();
    expect(applyNetworkEdit(ethereum, { rpcUrl: 'https://x.example' }).blockExplorerUrl).toBe('https://etherscan.io');
    expect(applyNetworkEdit(ethereum, undefined)).toBe(ethereum);
  });

  it('never applies an edit to a custom network (edited in place instead)', () => {
    const custom = { ...ethereum, chainId: 999, custom: true };
    expect(applyNetworkEdit(custom, { rpcUrl: 'https://x.example' })).toBe(custom);
  });

  it('stores only what differs from the defaults, and nothing when the defaults are given back', () => {
    expect(editFor(ethereum, 'https://ethereum-rpc.publicnode.com', 'https://etherscan.io/')).toBeUndefined();
    expect(editFor(ethereum, 'http://127.0.0.1:8545', 'https://etherscan.io')).toEqual({ rpcUrl: 'http://127.0.0.1:8545' });
    expect(editFor(ethereum, 'https://ethereum-rpc.publicnode.com', null)).toEqual({ explorer: null });
    expect(editFor(ethereum, 'https://a.example', 'https://b.example')).toEqual({ rpcUrl: 'https://a.example', explorer: 'https://b.example' });
  });
});
