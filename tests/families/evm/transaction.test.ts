import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTransaction, recoverTransactionAddress, type Address, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts';
import { InsufficientFundsError, ProviderRpcError } from '../../../src/families/evm/core/errors.ts';
import { getBuiltinNetwork } from '../../../src/families/evm/core/networks.ts';
import { createNonceTracker, pendingNonces, releaseNonce, reserveNextNonce } from '../../../src/families/evm/core/nonce.ts';
import { createRpcClient, type RpcClient } from '../../../src/families/evm/core/rpc.ts';
import {
  buildTransfer,
  estimateFees,
  normalizeDappTransaction,
  prepareTransaction,
} from '../../../src/families/evm/core/transaction.ts';
import {
  applyOverrides,
  maxNetworkFee,
  checkSufficientFunds,
  sendTransaction,
  signPreparedTransaction,
  waitForReceipt,
} from '../../../src/families/evm/core/txSubmit.ts';
import { devAccounts, startAnvil, type AnvilInstance } from '../../support/anvil.ts';

const ETH = getBuiltinNetwork(31337)!.nativeCurrency;
const GWEI = 10n ** 9n;
const ETHER = 10n ** 18n;

async function balance(rpc: RpcClient, a: Address): Promise<bigint> {
  return BigInt(await rpc.request<string>('eth_getBalance', [a, 'latest']));
}

async function expectProviderError(p: Promise<unknown> | (() => unknown), code: number, message?: RegExp): Promise<void> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderRpcError);
    expect((err as ProviderRpcError).code).toBe(code);
    if (message) expect((err as ProviderRpcError).message).toMatch(message);
    return;
  }
  throw new Error('expected a ProviderRpcError');
}

describe('dev accounts', () => {
  it('derives the standard anvil accounts from the test mnemonic', () => {
    const a = devAccounts();
    expect(a).toHaveLength(10);
    expect(a[0]!.address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(a[0]!.privateKey).toBe('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
    expect(a[9]!.address).toBe('0xa0Ee7A142d267C1f36714E4a8F75612F20a79720');
    for (const acc of a) expect(privateKeyToAddress(acc.privateKey)).toBe(acc.address);
  });
});

describe('normalizeDappTransaction', () => {
  const from = devAccounts()[0]!.address;
  const to = devAccounts()[1]!.address;
  const ctx = { chainId: 31337, accounts: [from] };

  it('accepts a viem-style request and types it', () => {
    const req = normalizeDappTransaction([{ from: from.toLowerCase(), to, value: '0xde0b6b3a7640000', data: '0xABCD', gas: '0x5208', maxFeePerGas: '0x77359400', nonce: '0x3', chainId: '0x7a69', type: '0x2' }], ctx);
    expect(req).toEqual({ from, to, value: ETHER, data: '0xabcd', gas: 21000n, nonce: 3, fees: { maxFeePerGas: 2n * GWEI }, type: 'eip1559' });
  });

  it('refuses a from that is not the connected account with 4100', async () => {
    await expectProviderError(() => normalizeDappTransaction([{ from: to, to: from }], ctx), 4100, new RegExp(to));
  });

  it.each([
    [{ from, to, gasPrice: '0x1', maxFeePerGas: '0x2' }, /cannot be mixed/],
    [{ from, to, maxFeePerGas: '0x1', maxPriorityFeePerGas: '0x2' }, /cannot exceed maxFeePerGas/],
    [{ from, to, value: 1000 }, /value must be a 0x-prefixed hex quantity/],
    [{ from, to, value: '1000' }, /value must be a 0x-prefixed hex quantity/],
    [{ from, to, value: '0x' }, /value must be a 0x-prefixed hex quantity/],
    [{ from, to, data: '0xabc' }, /data must be 0x-prefixed hex bytes of even length/],
    [{ from, to, data: '0x12', input: '0x34' }, /differ/],
    [{ from, to: '0x1234' }, /to must be a 0x-prefixed 20-byte hex address/],
    [{ from, to: '0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266' }, /invalid EIP-55 checksum/],
    [{ from, to, gas: '0x100' }, /gas must be at least 21000/],
    [{ from, to, chainId: '0x1' }, /chainId 0x1 does not match the active chain 0x7a69/],
    [{ from, to, type: '0x4' }, /not supported/],
    [{ from, to, type: '0x0', maxFeePerGas: '0x1' }, /legacy/],
    [{ from }, /needs data/],
    [{ to }, /from is required/],
    [{ from, to, evil: true }, /unsupported transaction field/],
  ])('refuses %j with -32602', async (tx, message) => {
    await expectProviderError(() => normalizeDappTransaction([tx], ctx), -32602, message);
  });

  it('builds popup transfers and refuses zero or malformed recipients', async () => {
    expect(buildTransfer({ from, to, amount: 5n })).toEqual({ from, to, value: 5n, fees: {} });
    await expectProviderError(() => buildTransfer({ from, to, amount: 0n }), -32602, /greater than zero/);
    await expectProviderError(() => buildTransfer({ from, to: 'bob', amount: 1n }), -32602, /recipient/);
  });
});

describe('nonce tracker (pure)', () => {
  it('hands out consecutive nonces, fills released gaps and forgets what the node has seen', () => {
    const t = createNonceTracker();
    const a = '0x00000000000000000000000000000000000000Aa';
    expect(reserveNextNonce(t, 1, a, 5, 1000)).toBe(5);
    expect(reserveNextNonce(t, 1, a, 5, 1001)).toBe(6);
    expect(reserveNextNonce(t, 1, a, 5, 1002)).toBe(7);
    // another chain is independent
    expect(reserveNextNonce(t, 10, a, 0, 1003)).toBe(0);
    releaseNonce(t, 1, a, 6);
    expect(reserveNextNonce(t, 1, a, 5, 1004)).toBe(6);
    expect(pendingNonces(t, 1, a.toLowerCase())).toEqual([5, 6, 7]);
    // node caught up to 7: entries below it are dropped
    expect(reserveNextNonce(t, 1, a, 7, 1005)).toBe(8);
    expect(pendingNonces(t, 1, a)).toEqual([7, 8]);
    // after the TTL, stale reservations no longer block the account
    expect(reserveNextNonce(t, 1, a, 7, 1005 + 11 * 60 * 1000)).toBe(7);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });

  it('never goes below a pending count the node already reported (answers to concurrent reads arrive out of order)', () => {
    const t = createNonceTracker();
    const a = '0x00000000000000000000000000000000000000Bb';
    // A read the node answered 0: nonce 0 reserved and broadcast.
    expect(reserveNextNonce(t, 1, a, 0, 1000)).toBe(0);
    // A later read already counts it (1): 0 is pruned, 1 reserved.
    expect(reserveNextNonce(t, 1, a, 1, 1001)).toBe(1);
    // A read sent before the first broadcast answers 0 last: 0 is in use on the node, so 2, not 0.
    expect(reserveNextNonce(t, 1, a, 0, 1002)).toBe(2);
    // Once the floor is older than the TTL, the node's count rules again (a dropped transaction's gap is reused).
    expect(reserveNextNonce(t, 1, a, 0, 1002 + 11 * 60 * 1000)).toBe(0);
  });
});

describe('transaction pipeline on anvil (automine)', () => {
  let anvil: AnvilInstance;
  let rpc: RpcClient;
  beforeAll(async () => {
    anvil = await startAnvil();
    rpc = createRpcClient({ url: anvil.url });
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  it('estimates, fills EIP-1559 fees, signs, broadcasts, and the transfer is mined with balances moving', async () => {
    const [sender, recipient] = anvil.accounts as [(typeof anvil.accounts)[0], (typeof anvil.accounts)[0]];
    const tracker = createNonceTracker();
    const value = 12_345_678_900_000_000n;
    const req = normalizeDappTransaction([{ from: sender.address, to: recipient.address, value: `0x${value.toString(16)}` }], { chainId: 31337, accounts: [sender.address] });
    const prepared = await prepareTransaction(rpc, req, { chainId: 31337, eip1559: true });
    expect(prepared.gas).toBe(21000n);
    expect(prepared.source).toEqual({ gas: 'estimate', fee: 'estimate' });
    expect(prepared.fee.type).toBe('eip1559');
    const priority = BigInt(await rpc.request<string>('eth_maxPriorityFeePerGas'));
    if (prepared.fee.type === 'eip1559') {
      expect(prepared.fee.maxPriorityFeePerGas).toBe(priority);
      expect(prepared.fee.maxFeePerGas).toBe(2n * prepared.baseFeePerGas! + priority);
    }
    await checkSufficientFunds(rpc, prepared, { native: ETH });

    const before = { s: await balance(rpc, sender.address), r: await balance(rpc, recipient.address) };
    const sent = await sendTransaction(rpc, prepared, sender.privateKey, tracker);
    expect(sent.nonce).toBe(0);
    expect(await recoverTransactionAddress({ serializedTransaction: sent.rawTransaction as `0x02${string}` })).toBe(sender.address);
    const receipt = await waitForReceipt(rpc, sent.hash, { pollIntervalMs: 50, timeoutMs: 10_000 });
    expect(receipt.status).toBe('success');
    expect(receipt.from).toBe(sender.address);
    expect(receipt.to).toBe(recipient.address);
    expect(receipt.gasUsed).toBe(21000n);
    expect(receipt.effectiveGasPrice! <= (prepared.fee.type === 'eip1559' ? prepared.fee.maxFeePerGas : 0n)).toBe(true);

    const after = { s: await balance(rpc, sender.address), r: await balance(rpc, recipient.address) };
    expect(after.r - before.r).toBe(value);
    expect(before.s - after.s).toBe(value + receipt.gasUsed * receipt.effectiveGasPrice!);
    const onChain = await rpc.request<{ type: string; nonce: string; chainId: string }>('eth_getTransactionByHash', [sent.hash]);
    expect(onChain).toMatchObject({ type: '0x2', nonce: '0x0', chainId: '0x7a69' });
  });

  it('signs a legacy (EIP-155) transaction with gasPrice on a network without EIP-1559', async () => {
    const [, , sender, recipient] = anvil.accounts;
    const prepared = await prepareTransaction(rpc, buildTransfer({ from: sender!.address, to: recipient!.address, amount: 1000n }), { chainId: 31337, eip1559: false });
    const gasPrice = BigInt(await rpc.request<string>('eth_gasPrice'));
    expect(prepared.fee).toEqual({ type: 'legacy', gasPrice });
    expect(prepared.baseFeePerGas).toBeUndefined();
    const sent = await sendTransaction(rpc, prepared, sender!.privateKey, createNonceTracker());
    const parsed = parseTransaction(sent.rawTransaction);
    expect(parsed.type).toBe('legacy');
    expect(parsed.chainId).toBe(31337);
    const receipt = await waitForReceipt(rpc, sent.hash, { pollIntervalMs: 50 });
    expect(receipt.status).toBe('success');
    expect(receipt.effectiveGasPrice).toBe(gasPrice);
  });

  it('applies user overrides of gas and fees, and refuses inconsistent ones', async () => {
    const [, , , , sender, recipient] = anvil.accounts;
    const prepared = await prepareTransaction(rpc, buildTransfer({ from: sender!.address, to: recipient!.address, amount: 1n }), { chainId: 31337, eip1559: true });
    const edited = applyOverrides(prepared, { gas: 30_000n, maxFeePerGas: 50n * GWEI, maxPriorityFeePerGas: 3n * GWEI });
    expect(edited.gas).toBe(30_000n);
    expect(edited.fee).toEqual({ type: 'eip1559', maxFeePerGas: 50n * GWEI, maxPriorityFeePerGas: 3n * GWEI });
    expect(edited.source).toEqual({ gas: 'user', fee: 'user' });
    expect(maxNetworkFee(edited)).toBe(30_000n * 50n * GWEI);
    await expectProviderError(() => applyOverrides(prepared, { gasPrice: GWEI }), -32602, /EIP-1559/);
    await expectProviderError(() => applyOverrides(prepared, { maxFeePerGas: GWEI, maxPriorityFeePerGas: 2n * GWEI }), -32602, /cannot exceed/);
    const sent = await sendTransaction(rpc, edited, sender!.privateKey, createNonceTracker());
    const tx = await rpc.request<{ gas: string; maxFeePerGas: string; maxPriorityFeePerGas: string }>('eth_getTransactionByHash', [sent.hash]);
    expect(tx).toMatchObject({ gas: '0x7530', maxFeePerGas: `0x${(50n * GWEI).toString(16)}`, maxPriorityFeePerGas: `0x${(3n * GWEI).toString(16)}` });
  });

  it('keeps dApp-supplied gas and fees', async () => {
    const [, , , , , , sender, recipient] = anvil.accounts;
    const req = normalizeDappTransaction([{ from: sender!.address, to: recipient!.address, gas: '0x61a8', gasPrice: '0x77359400' }], { chainId: 31337, accounts: [sender!.address] });
    const prepared = await prepareTransaction(rpc, req, { chainId: 31337, eip1559: true });
    expect(prepared.gas).toBe(25_000n);
    expect(prepared.fee).toEqual({ type: 'legacy', gasPrice: 2n * GWEI });
    expect(prepared.source).toEqual({ gas: 'request', fee: 'request' });
    await expectProviderError(
      prepareTransaction(rpc, { ...req, fees: { maxFeePerGas: GWEI } , type: 'eip1559' }, { chainId: 31337, eip1559: false }),
      -32602,
      /does not support EIP-1559/,
    );
  });

  it('refuses to sign when the balance cannot pay value + gas × max fee (INSUFFICIENT_FUNDS)', async () => {
    const key: Hex = generatePrivateKey();
    const poor = privateKeyToAddress(key);
    await anvil.rpc('anvil_setBalance', [poor, `0x${(10n ** 15n).toString(16)}`]);
    const prepared = await prepareTransaction(rpc, buildTransfer({ from: poor, to: anvil.accounts[1]!.address, amount: ETHER }), { chainId: 31337, eip1559: true });
    const required = ETHER + maxNetworkFee(prepared);
    let caught: unknown;
    try {
      await checkSufficientFunds(rpc, prepared, { native: ETH });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InsufficientFundsError);
    const e = caught as InsufficientFundsError;
    expect(e.code).toBe('INSUFFICIENT_FUNDS');
    expect(e.shortfall).toEqual({ asset: 'native', symbol: 'ETH', decimals: 18, required, available: 10n ** 15n, shortfall: required - 10n ** 15n });
    expect(e.message).toMatch(/^Insufficient ETH: amount \+ max network fee is 1\.0\d+ ETH but the balance is 0\.001 ETH \(short by 0\.99\d+ ETH\)\.$/);
  });

  it("surfaces the node's revert (code and data) when gas estimation fails", async () => {
    const reverter = '0x00000000000000000000000000000000000000bb';
    await anvil.rpc('anvil_setCode', [reverter, '0x63deadbeef6000526004601cfd']);
    const from = anvil.accounts[0]!.address;
    try {
      await prepareTransaction(rpc, { from, to: reverter, value: 0n, data: '0x12345678', fees: {} }, { chainId: 31337, eip1559: true });
      throw new Error('expected a revert');
    } catch (err) {
      expect(err).toBeInstanceOf(ProviderRpcError);
      expect((err as ProviderRpcError).code).toBe(3);
      expect((err as ProviderRpcError).data).toBe('0xdeadbeef');
    }
  });

  it('suggests fees from the latest block', async () => {
    const fees = await estimateFees(rpc, true);
    const block = await rpc.request<{ baseFeePerGas: string }>('eth_getBlockByNumber', ['latest', false]);
    expect(fees.type).toBe('eip1559');
    if (fees.type === 'eip1559') expect(fees.baseFeePerGas >= BigInt(block.baseFeePerGas)).toBe(true);
    const legacy = await estimateFees(rpc, false);
    expect(legacy).toEqual({ type: 'legacy', gasPrice: BigInt(await rpc.request<string>('eth_gasPrice')) });
  });
});

describe('several pending transactions (anvil --no-mining)', () => {
  let anvil: AnvilInstance;
  let rpc: RpcClient;
  beforeAll(async () => {
    anvil = await startAnvil({ args: ['--no-mining'] });
    rpc = createRpcClient({ url: anvil.url });
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  it('gives concurrent sends consecutive nonces, then all are mined in one block', async () => {
    const sender = anvil.accounts[2]!;
    const recipient = anvil.accounts[3]!;
    const tracker = createNonceTracker();
    const before = await balance(rpc, recipient.address);
    const prepared = await Promise.all(
      [1n, 2n, 3n].map((n) => prepareTransaction(rpc, buildTransfer({ from: sender.address, to: recipient.address, amount: n * 1000n }), { chainId: 31337, eip1559: true })),
    );
    // All three ask the node for its pending nonce at the same time: the tracker keeps them apart.
    const sent = await Promise.all(prepared.map((p) => sendTransaction(rpc, p, sender.privateKey, tracker)));
    expect(sent.map((s) => s.nonce).sort()).toEqual([0, 1, 2]);
    // The tracker still holds the last reservation; earlier ones may already be pruned, once a
    // later send saw the node count them (timing-dependent, both correct).
    const held = pendingNonces(tracker, 31337, sender.address);
    expect(held).toContain(2);
    expect(held.every((n) => n === 0 || n === 1 || n === 2)).toBe(true);
    expect(BigInt(await rpc.request<string>('eth_getTransactionCount', [sender.address, 'pending']))).toBe(3n);
    expect(await rpc.request('eth_getTransactionReceipt', [sent[0]!.hash])).toBeNull();

    // A fourth one, prepared later, continues the sequence from the node's pending count.
    const fourth = await sendTransaction(rpc, await prepareTransaction(rpc, buildTransfer({ from: sender.address, to: recipient.address, amount: 4000n }), { chainId: 31337, eip1559: true }), sender.privateKey, tracker);
    expect(fourth.nonce).toBe(3);

    await anvil.rpc('evm_mine');
    const receipts = await Promise.all([...sent, fourth].map((s) => waitForReceipt(rpc, s.hash, { pollIntervalMs: 50, timeoutMs: 10_000 })));
    expect(receipts.every((r) => r.status === 'success')).toBe(true);
    expect(new Set(receipts.map((r) => r.blockNumber)).size).toBe(1);
    expect((await balance(rpc, recipient.address)) - before).toBe(10_000n);
  });

  it('releases the nonce when the node refuses the transaction', async () => {
    const sender = anvil.accounts[4]!;
    const tracker = createNonceTracker();
    const prepared = await prepareTransaction(rpc, buildTransfer({ from: sender.address, to: anvil.accounts[5]!.address, amount: 1n }), { chainId: 31337, eip1559: true });
    // a max fee below the base fee is refused by the node
    const tooCheap = applyOverrides(prepared, { maxFeePerGas: 1n, maxPriorityFeePerGas: 1n });
    await expect(sendTransaction(rpc, tooCheap, sender.privateKey, tracker)).rejects.toBeInstanceOf(ProviderRpcError);
    expect(pendingNonces(tracker, 31337, sender.address)).toEqual([]);
    const ok = await sendTransaction(rpc, prepared, sender.privateKey, tracker);
    expect(ok.nonce).toBe(0);
  });

  it('signs deterministically for the same input', async () => {
    const sender = anvil.accounts[6]!;
    const prepared = await prepareTransaction(rpc, buildTransfer({ from: sender.address, to: anvil.accounts[7]!.address, amount: 1n }), { chainId: 31337, eip1559: true });
    const a = await signPreparedTransaction({ ...prepared, nonce: 9 }, sender.privateKey);
    const b = await signPreparedTransaction({ ...prepared, nonce: 9 }, Uint8Array.from(Buffer.from(sender.privateKey.slice(2), 'hex')));
    expect(a).toBe(b);
    expect(parseTransaction(a)).toMatchObject({ nonce: 9, chainId: 31337, type: 'eip1559', value: 1n });
  });
});
