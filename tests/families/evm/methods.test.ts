import { describe, expect, it } from 'vitest';
import {
  classifyEvmMethod,
  EVM_METHODS,
  isReadMethod,
  providerError,
  ProviderRpcError,
  unsupportedMethodError,
  validateEvmParams,
} from '../../../src/families/evm/core/methods.ts';

const ADDR = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

function refusal(method: string, params: unknown): ProviderRpcError {
  try {
    validateEvmParams(method, params);
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderRpcError);
    return err as ProviderRpcError;
  }
  throw new Error(`expected ${method} to be refused`);
}

describe('method table', () => {
  it('classifies the methods dApps call', () => {
    const classes: Array<[method: string, kind: string]> = [
      ['eth_chainId', 'public'],
      ['net_version', 'public'],
      ['eth_requestAccounts', 'account'],
      ['eth_accounts', 'account'],
      ['wallet_revokePermissions', 'permission'],
      ['wallet_addEthereumChain', 'chain'],
    ];
    for (const [method, kind] of classes) expect(classifyEvmMethod(method), method).toBe(kind);
    for (const m of ['personal_sign', 'eth_signTypedData_v4', 'eth_sendTransaction', 'wallet_sendCalls', 'wallet_watchAsset']) expect(classifyEvmMethod(m)).toBe('sign');
    for (const m of ['eth_blockNumber', 'eth_call', 'eth_estimateGas', 'eth_gasPrice', 'eth_getBalance', 'eth_getBlockByNumber', 'eth_getCode', 'eth_getLogs', 'eth_getTransactionByHash', 'eth_getTransactionReceipt', 'eth_getTransactionCount', 'eth_feeHistory', 'eth_maxPriorityFeePerGas', 'eth_getStorageAt', 'eth_getBlockByHash', 'eth_syncing', 'web3_clientVersion', 'eth_getProof']) {
      expect(isReadMethod(m), m).toBe(true);
    }
    expect(classifyEvmMethod('eth_sign')).toBe('refused');
    expect(classifyEvmMethod('toString')).toBeUndefined();
    expect(classifyEvmMethod('__proto__')).toBeUndefined();
    expect(Object.isFrozen(EVM_METHODS)).toBe(true);
  });

  it('issue 19: legacy typed data and personal_ecRecover are answered, subscriptions classified, eth_sign still refused', () => {
    for (const m of ['eth_signTypedData', 'eth_signTypedData_v1', 'eth_signTypedData_v3', 'eth_signTypedData_v4']) expect(classifyEvmMethod(m), m).toBe('sign');
    expect(classifyEvmMethod('personal_ecRecover')).toBe('public');
    expect(classifyEvmMethod('eth_subscribe')).toBe('subscription');
    expect(validateEvmParams('eth_signTypedData', [[{ type: 'string', name: 'a', value: 'b' }], ADDR])).toMatchObject({ method: 'eth_signTypedData' });
    expect(validateEvmParams('wallet_watchAsset', { type: 'ERC721', options: { address: ADDR, tokenId: '7' } })).toEqual({ method: 'wallet_watchAsset', params: { type: 'ERC721', options: { address: ADDR, tokenId: 7n } } });
    expect(validateEvmParams('wallet_watchAsset', [{ type: 'ERC1155', options: { address: ADDR, tokenId: '0x2a', chainId: '0x539' } }])).toEqual({ method: 'wallet_watchAsset', params: { type: 'ERC1155', options: { address: ADDR, tokenId: 42n, chainId: 1337 } } });
    expect(refusal('eth_sign', [ADDR, `0x${'00'.repeat(32)}`]).code).toBe(4200);
  });

  it('refuses eth_sign and unknown methods with 4200 (-32601 on request)', () => {
    expect(unsupportedMethodError('eth_sign').code).toBe(4200);
    expect(unsupportedMethodError('eth_signTypedData_v3').code).toBe(4200);
    expect(unsupportedMethodError('foo_bar').code).toBe(4200);
    expect(unsupportedMethodError('foo_bar', -32601).toJSON()).toEqual({ code: -32601, message: 'The method "foo_bar" does not exist / is not available.' });
    expect(refusal('eth_sign', [ADDR, `0x${'00'.repeat(32)}`]).code).toBe(4200);
    expect(refusal('hello', []).code).toBe(4200);
  });

  it('builds standard provider errors', () => {
    for (const code of [4001, 4100, 4200, 4900, 4901, 4902, -32002, -32602, -32603, -32601]) {
      const e = providerError(code);
      expect(e.code).toBe(code);
      expect(e.message.length).toBeGreaterThan(5);
    }
    expect(providerError(4902).message).toMatch(/Unrecognized chain ID/);
    expect(providerError(4001, 'no', { x: 1 }).toJSON()).toEqual({ code: 4001, message: 'no', data: { x: 1 } });
  });
});

describe('validateEvmParams', () => {
  it('accepts and types well-formed requests', () => {
    expect(validateEvmParams('eth_chainId', undefined)).toEqual({ method: 'eth_chainId', params: [] });
    expect(validateEvmParams('wallet_requestPermissions', [{ eth_accounts: {} }])).toEqual({ method: 'wallet_requestPermissions', params: { permissions: ['eth_accounts'] } });
    expect(validateEvmParams('wallet_switchEthereumChain', [{ chainId: '0x89' }])).toEqual({ method: 'wallet_switchEthereumChain', params: { chainId: 137 } });
    expect(validateEvmParams('wallet_watchAsset', { type: 'ERC20', options: { address: ADDR.toLowerCase(), symbol: 'TT', decimals: 6, image: 'https://example.com/t.png' } })).toEqual({
      method: 'wallet_watchAsset',
      params: { type: 'ERC20', options: { address: ADDR, symbol: 'TT', decimals: 6, image: 'https://example.com/t.png' } },
    });
    // Coinbase-style array, and an image pointing at the local network is dropped
    expect(validateEvmParams('wallet_watchAsset', [{ type: 'ERC20', options: { address: ADDR, symbol: 'TT', decimals: '6', image: 'https://127.0.0.1/x.png' } }])).toEqual({
      method: 'wallet_watchAsset',
      params: { type: 'ERC20', options: { address: ADDR, symbol: 'TT', decimals: 6 } },
    });
    expect(validateEvmParams('eth_getBalance', [ADDR, 'latest'])).toEqual({ method: 'eth_getBalance', class: 'read', params: [ADDR, 'latest'] });
    expect(validateEvmParams('wallet_sendCalls', [{ version: '2.0.0', chainId: '0x1', from: ADDR, atomicRequired: false, calls: [{ to: ADDR, value: '0x1' }, { to: ADDR, data: '0x1234' }] }])).toEqual({
      method: 'wallet_sendCalls',
      params: { version: '2.0.0', from: ADDR, chainId: 1, atomicRequired: false, calls: [{ to: ADDR, value: 1n }, { to: ADDR, data: '0x1234' }] },
    });
    expect(validateEvmParams('wallet_getCapabilities', [ADDR, ['0x1', '0x2105']])).toEqual({ method: 'wallet_getCapabilities', params: { address: ADDR, chainIds: [1, 8453] } });
  });

  it.each([
    ['wallet_switchEthereumChain', [{ chainId: 137 }], -32602, /chainId must be a 0x-prefixed hexadecimal/],
    ['wallet_switchEthereumChain', [{ chainId: '0x89', extra: 1 }], -32602, /unexpected keys/],
    ['wallet_switchEthereumChain', 'x', -32602, /array or an object/],
    ['wallet_requestPermissions', [{ eth_accounts: {}, evil: {} }], -32602, /unknown permission/],
    ['wallet_requestPermissions', [], -32602, /exactly one parameter/],
    ['wallet_watchAsset', { type: 'ERC777', options: {} }, -32602, /ERC777.*not supported/],
    ['wallet_watchAsset', { type: 'ERC721', options: {} }, -32602, /options.address/],
    ['wallet_watchAsset', { type: 'ERC1155', options: { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', tokenId: 'one' } }, -32602, /tokenId must be a decimal or 0x hex string/],
    ['wallet_watchAsset', { type: 'ERC20', options: { address: ADDR, symbol: 'TOOLONGSYMBOL', decimals: 6 } }, -32602, /1 to 11 characters/],
    ['wallet_watchAsset', { type: 'ERC20', options: { address: ADDR, symbol: 'TT', decimals: 99 } }, -32602, /0 to 36/],
    ['wallet_watchAsset', { type: 'ERC20', options: { address: '0xnope', symbol: 'TT', decimals: 6 } }, -32602, /options.address/],
    ['personal_sign', 'hello', -32602, /array/],
    ['eth_sendTransaction', [], -32602, /array/],
    ['eth_call', { to: ADDR }, -32602, /array of parameters/],
    ['eth_getLogs', [{ address: 'x'.repeat(400_000) }], -32602, /exceed/],
    ['eth_chainId', [`${'a'.repeat(10_000)}`], -32602, /exceed 8192 bytes/],
    ['wallet_sendCalls', [{ version: '2.0.0', chainId: '0x1', calls: [] }], -32602, /non-empty/],
    ['wallet_sendCalls', [{ version: '2.0.0', chainId: '0x1', calls: Array.from({ length: 51 }, () => ({ to: ADDR })) }], 5740, /at most 50/],
    ['wallet_sendCalls', [{ version: '2.0.0', chainId: '0x1', calls: [{ to: ADDR }], capabilities: { paymasterService: { url: 'x' } } }], 5700, /paymasterService/],
    ['wallet_getCallsStatus', [42], -32602, /id: string/],
  ])('%s %j → %i', (method, params, code, message) => {
    const e = refusal(method, params);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('accepts an optional unknown capability', () => {
    const r = validateEvmParams('wallet_sendCalls', [{ version: '2.0.0', chainId: '0x1', calls: [{ to: ADDR }], capabilities: { fancy: { optional: true } } }]);
    expect(r.method).toBe('wallet_sendCalls');
  });
});
