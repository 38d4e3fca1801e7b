/**
 * The EVM family's DappMethod table (src/families/evm/background/dapp.ts) against the method list of
 * core/methods.ts: every method the provider answers has an entry with the gate its class needs, no
 * refused method has one (the family's unsupportedMethod answers 4200), and the members the generic
 * pipeline reads (choosesAccounts, strangersMayAsk, safeWhen) are where EIP-1193 behaviour needs them.
 */
import { describe, expect, it } from 'vitest';
import { EVM_METHODS } from '../../src/families/evm/core/methods';
import { evmDapp, unsupportedEvmMethod } from '../../src/families/evm/background/dapp';
import { evmBackground } from '../../src/families/evm/background/index';

const names = (cls: string): string[] => Object.entries(EVM_METHODS).filter(([, c]) => c === cls).map(([n]) => n);

describe('EVM dApp table', () => {
  it('has an entry for every answered method and none for a refused one', () => {
    const answered = Object.entries(EVM_METHODS).filter(([, c]) => c !== 'refused').map(([n]) => n);
    expect(Object.keys(evmDapp).sort()).toEqual([...answered, 'wallet_getProviderState'].sort());
    for (const n of names('refused')) expect(Object.prototype.hasOwnProperty.call(evmDapp, n)).toBe(false);
  });

  it('forwards reads and answers public values for any site, even without an EVM account', () => {
    for (const n of [...names('read'), ...names('public'), ...names('subscription'), 'eth_accounts', 'eth_coinbase', 'wallet_getProviderState', 'wallet_getPermissions']) {
      expect(evmDapp[n]!.gate, n).toBe('safe');
      expect(evmDapp[n]!.withoutAccount, n).toBe(true);
    }
  });

  it('asks the connect prompt with an account choice for eth_requestAccounts and wallet_requestPermissions', () => {
    for (const n of ['eth_requestAccounts', 'wallet_requestPermissions']) {
      expect(evmDapp[n]!.gate).toBe('connect');
      expect(evmDapp[n]!.choosesAccounts).toBe(true);
    }
  });

  it('signs and sends only after an approval, for connected sites only', () => {
    for (const n of ['personal_sign', 'eth_signTypedData_v4', 'eth_signTypedData_v3', 'eth_signTypedData', 'eth_signTypedData_v1', 'eth_sendTransaction', 'wallet_sendCalls']) {
      expect(evmDapp[n]!.gate, n).toBe('approval');
      expect(evmDapp[n]!.strangersMayAsk, n).toBeUndefined();
      expect(evmDapp[n]!.connects, n).toBeUndefined();
    }
    for (const n of names('wallet')) expect(evmDapp[n]!.gate, n).toBe('account');
  });

  it('lets any site ask for a chain switch or an added chain, and to watch an ERC-20 but not an NFT', () => {
    for (const n of ['wallet_switchEthereumChain', 'wallet_addEthereumChain']) {
      expect(evmDapp[n]!.gate).toBe('approval');
      expect(evmDapp[n]!.strangersMayAsk?.([])).toBe(true);
      expect(evmDapp[n]!.safeWhen).toBeTypeOf('function');
    }
    const watch = evmDapp.wallet_watchAsset!;
    const token = '0x1111111111111111111111111111111111111111';
    expect(watch.strangersMayAsk?.({ type: 'ERC20', options: { address: token, symbol: 'TKN', decimals: 18 } })).toBe(true);
    expect(watch.strangersMayAsk?.({ type: 'ERC721', options: { address: token, tokenId: '1' } })).toBe(false);
  });

  it('checks params before the grant check: a malformed request is -32602 for anyone', async () => {
    await expect(Promise.resolve().then(() => evmDapp.wallet_getCallsStatus!.check!('https://a.example', [{}]))).rejects.toMatchObject({ code: -32602 });
    await expect(Promise.resolve().then(() => evmDapp.eth_sendTransaction!.check!('https://a.example', 'nope'))).rejects.toMatchObject({ code: -32602 });
  });

  it('refuses what the table lacks with 4200 (eth_sign with its advice) and sends sites lower-case accounts', () => {
    expect(unsupportedEvmMethod('eth_sign')).toMatchObject({ code: 4200, message: expect.stringMatching(/personal_sign/) });
    expect(evmBackground.unsupportedMethod?.('eth_somethingNew')).toMatchObject({ code: 4200 });
    expect(evmBackground.dappAccounts?.(['0xAbCdEf0000000000000000000000000000000001'])).toEqual(['0xabcdef0000000000000000000000000000000001']);
    expect(evmBackground.dapp).toBe(evmDapp);
  });
});
