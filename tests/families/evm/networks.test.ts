import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILTIN_EVM_NETWORKS,
  checkRpcChainId,
  explorerUrl,
  getBuiltinNetwork,
  LOCAL_DEVNET_CHAIN_ID,
  validateAddEthereumChain,
  type EvmNetwork,
} from '../../../src/families/evm/core/networks.ts';
import { startAnvil, type AnvilInstance } from '../../support/anvil.ts';
import { closedPort } from './helpers.ts';

describe('built-in networks', () => {
  it('lists the mainnets, their testnets and the local devnet with unique ids', () => {
    const ids = BUILTIN_EVM_NETWORKS.map((n) => n.chainId);
    expect(new Set(ids).size).toBe(ids.length);
    const mainnets = [1, 56, 137, 42161, 10, 8453, 324, 59144, 43114, 66];
    const testnets = [11155111, 97, 80002, 421614, 11155420, 84532, 300, 59141, 43113, 65];
    for (const id of mainnets) expect(getBuiltinNetwork(id)?.testnet, `chain ${id}`).toBe(false);
    for (const id of testnets) expect(getBuiltinNetwork(id)?.testnet, `chain ${id}`).toBe(true);
    expect(ids.sort((a, b) => a - b)).toEqual([...mainnets, ...testnets, 31337].sort((a, b) => a - b));
  });

  it('gives every network an https RPC (except the local devnet), an 18-decimal currency and a hex id', () => {
    for (const n of BUILTIN_EVM_NETWORKS) {
      expect(n.chainIdHex).toBe(`0x${n.chainId.toString(16)}`);
      expect(n.nativeCurrency.decimals).toBe(18);
      expect(n.rpcUrls.length).toBeGreaterThan(0);
      if (n.chainId === LOCAL_DEVNET_CHAIN_ID) continue;
      expect(n.rpcUrls[0]).toMatch(/^https:\/\//);
      expect(n.blockExplorerUrl).toMatch(/^https:\/\//);
    }
    const local = getBuiltinNetwork(31337)!;
    expect(local.name).toBe('Local devnet');
    expect(local.rpcUrls).toEqual(['http://127.0.0.1:8545']);
    expect(getBuiltinNetwork(56)?.eip1559).toBe(false);
    expect(getBuiltinNetwork(66)?.nativeCurrency.symbol).toBe('OKT');
    expect(getBuiltinNetwork(1)?.eip1559).toBe(true);
    expect(explorerUrl(getBuiltinNetwork(1)!, 'tx', '0xabc')).toBe('https://etherscan.io/tx/0xabc');
    expect(explorerUrl(local, 'tx', '0xabc')).toBeUndefined();
  });
});

const good = {
  chainId: '0x7a6a',
  chainName: 'My Chain',
  nativeCurrency: { name: 'My Ether', symbol: 'MYE', decimals: 18 },
  rpcUrls: ['https://rpc.my-chain.example'],
  blockExplorerUrls: ['https://scan.my-chain.example'],
};

function errorOf(params: unknown, opts?: Parameters<typeof validateAddEthereumChain>[1]): { code: number; message: string } {
  const r = validateAddEthereumChain(params, opts);
  if (r.ok) throw new Error('expected a validation error');
  return { code: r.error.code, message: r.error.message };
}

describe('validateAddEthereumChain (EIP-3085)', () => {
  it('accepts a well-formed parameter (object or one-element array) as a typed custom network', () => {
    const r = validateAddEthereumChain([good]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const expected: EvmNetwork = {
      chainId: 31338,
      chainIdHex: '0x7a6a',
      name: 'My Chain',
      nativeCurrency: { name: 'My Ether', symbol: 'MYE', decimals: 18 },
      rpcUrls: ['https://rpc.my-chain.example/'],
      blockExplorerUrl: 'https://scan.my-chain.example/',
      testnet: false,
      eip1559: true,
      custom: true,
    };
    expect(r.network).toEqual(expected);
    expect(r.alreadyKnown).toBeUndefined();
    expect(r.warnings).toEqual([]);
    expect(validateAddEthereumChain(good).ok).toBe(true);
  });

  it.each([
    [{ ...good, chainId: '0x07a6a' }, /chainId must be a 0x-prefixed hexadecimal string without leading zeros/],
    [{ ...good, chainId: 31338 }, /chainId must be a 0x-prefixed hexadecimal/],
    [{ ...good, chainId: '7a6a' }, /chainId must be a 0x-prefixed hexadecimal/],
    [{ ...good, chainId: '0x0' }, /chainId must be a 0x-prefixed hexadecimal/],
    [{ ...good, chainId: '0x20000000000000' }, /exceeds the largest supported chain id/],
    [{ ...good, rpcUrls: [] }, /non-empty array "rpcUrls"/],
    [{ ...good, rpcUrls: ['http://rpc.my-chain.example'] }, /http: URLs are not accepted/],
    [{ ...good, rpcUrls: ['file:///etc/passwd'] }, /file: URLs are not accepted/],
    [{ ...good, rpcUrls: ['not a url'] }, /invalid URL/],
    [{ ...good, rpcUrls: ['https://user:pw@rpc.example'] }, /credentials/],
    [{ ...good, blockExplorerUrls: ['http://scan.example'] }, /"blockExplorerUrls": http: URLs are not accepted/],
    [{ ...good, nativeCurrency: { name: 'X', symbol: 'X', decimals: 18 } }, /2-6 character string "nativeCurrency.symbol"/],
    [{ ...good, nativeCurrency: { name: 'X', symbol: 'TOOLONG', decimals: 18 } }, /2-6 character/],
    [{ ...good, nativeCurrency: { name: 'X', symbol: 'ABC', decimals: 8 } }, /Expected number 18 for "nativeCurrency.decimals"/],
    [{ ...good, nativeCurrency: { name: 'X', symbol: 'ABC', decimals: -1 } }, /Expected number 18/],
    [{ ...good, nativeCurrency: undefined }, /nativeCurrency/],
    [{ ...good, chainName: '' }, /chainName/],
    [{ ...good, evil: 1 }, /unexpected keys/],
    ['0x1', /single object parameter/],
    [[good, good], /exactly one parameter/],
  ])('refuses %j with -32602', (params, message) => {
    const e = errorOf(params);
    expect(e.code).toBe(-32602);
    expect(e.message).toMatch(message);
  });

  it('allows http only for localhost / 127.0.0.1, and not when disabled', () => {
    const local = { ...good, rpcUrls: ['http://127.0.0.1:8545'] };
    const r = validateAddEthereumChain(local);
    expect(r.ok && r.network.rpcUrls).toEqual(['http://127.0.0.1:8545/']);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['LOCAL_HTTP_RPC']);
    expect(validateAddEthereumChain({ ...good, rpcUrls: ['http://localhost:8545'] }).ok).toBe(true);
    expect(errorOf(local, { allowLocalHttp: false }).message).toMatch(/http: URLs are not accepted/);
  });

  it('flags a known chain id added with another currency symbol (R19) and reports the re-add', () => {
    const r = validateAddEthereumChain({ ...good, chainId: '0x1', chainName: 'Ethereum', nativeCurrency: { name: 'Fake', symbol: 'FAKE', decimals: 18 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.alreadyKnown?.chainId).toBe(1);
    expect(r.warnings).toEqual([{ code: 'KNOWN_CHAIN_SYMBOL_MISMATCH', severity: 'danger', params: { chainId: 1, expectedSymbol: 'ETH', symbol: 'FAKE' } }]);
  });
});

describe('checkRpcChainId against a real node', () => {
  let anvil: AnvilInstance;
  beforeAll(async () => {
    anvil = await startAnvil({ chainId: 1337 });
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  it('accepts the matching chain id', async () => {
    expect(await checkRpcChainId(anvil.url, 1337)).toEqual({ ok: true, chainId: 1337 });
  });

  it('refuses a declared id the RPC does not serve, with a clear error', async () => {
    const r = await checkRpcChainId(anvil.url, 31337);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reportedChainId).toBe(1337);
    expect(r.error.code).toBe(-32602);
    expect(r.error.message).toBe(
      `Invalid params: Chain ID mismatch: the RPC at ${anvil.url} serves chain 1337 (0x539), but chain 31337 (0x7a69) was declared. The network was not added.`,
    );
    expect(r.error.data).toEqual({ declaredChainId: '0x7a69', reportedChainId: '0x539' });
  });

  it('refuses an unreachable RPC', async () => {
    const port = await closedPort();
    const r = await checkRpcChainId(`http://127.0.0.1:${port}`, 1337);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Could not fetch the chain ID .*unreachable/);
  });
});
