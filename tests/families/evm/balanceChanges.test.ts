/**
 * "You send / You receive" from eth_simulateV1 (traceTransfers) on a real anvil: the simulated
 * changes of a native transfer and an ERC-20 transfer equal what the node's balances show after
 * the same transaction is really sent (the independent check); a node without the method is
 * reported as unsupported, not as an error; the log decoding keeps only the sender's own changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, erc20Abi, decodeFunctionResult, getAddress, pad, type Address, type Hex } from 'viem';
import { createRpcClient, type RpcClient } from '../../../src/families/evm/core/rpc.ts';
import { createNonceTracker } from '../../../src/families/evm/core/nonce.ts';
import { prepareTransaction, type TxRequest } from '../../../src/families/evm/core/transaction.ts';
import { sendTransaction, waitForReceipt } from '../../../src/families/evm/core/txSubmit.ts';
import { balanceChangesFromLogs, NATIVE_TRANSFER_ADDRESS, simulateBalanceChanges, TRANSFER_TOPIC } from '../../../src/families/evm/core/balanceChanges.ts';
import { startAnvil, type AnvilInstance, type DevAccount } from '../../support/anvil.ts';
import { tinyErc20Bytecode } from './fixtures/tinyErc20.ts';
import { startHttpServer, type LocalServer } from './helpers.ts';

let anvil: AnvilInstance;
let rpc: RpcClient;
let alice: DevAccount;
let bob: DevAccount;
let token: Address;
const tracker = createNonceTracker();

async function run(req: TxRequest, signer: DevAccount): Promise<{ status: string; contractAddress?: Address | null }> {
  const prepared = await prepareTransaction(rpc, req, { chainId: 31337, eip1559: true });
  const sent = await sendTransaction(rpc, prepared, signer.privateKey, tracker);
  return waitForReceipt(rpc, sent.hash, { pollIntervalMs: 50, timeoutMs: 10_000 });
}

const ethOf = async (a: Address): Promise<bigint> => BigInt(await rpc.request<string>('eth_getBalance', [a, 'latest']));
const tokenOf = async (a: Address): Promise<bigint> =>
  decodeFunctionResult({ abi: erc20Abi, functionName: 'balanceOf', data: await rpc.request<Hex>('eth_call', [{ to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [a] }) }, 'latest']) });

beforeAll(async () => {
  anvil = await startAnvil();
  rpc = createRpcClient({ url: anvil.url });
  [alice, bob] = anvil.accounts as [DevAccount, DevAccount];
  const deployed = await run({ from: alice.address, value: 0n, data: tinyErc20Bytecode({ name: 'Test Token', symbol: 'TT', decimals: 6, totalSupply: 1_000_000_000n }), fees: {} }, alice);
  token = getAddress(deployed.contractAddress!);
}, 60_000);
afterAll(async () => {
  await anvil?.stop();
});

describe('simulated balance changes (eth_simulateV1 on anvil)', () => {
  it('a native transfer: the simulated change is what the transfer really moves (fee apart)', async () => {
    const value = 10n ** 16n;
    const sim = await simulateBalanceChanges(rpc, { from: alice.address, to: bob.address, value, gas: 21_000n });
    expect(sim).toEqual({ status: 'ok', changes: [{ token: null, delta: -value }] });
    const before = await ethOf(bob.address);
    await run({ from: alice.address, to: bob.address, value, fees: {} }, alice);
    expect((await ethOf(bob.address)) - before).toBe(value);
  });

  it('an ERC-20 transfer: token out, no ether out; the same as the balances after the real transfer', async () => {
    const amount = 123_456n;
    const data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [bob.address, amount] });
    const sim = await simulateBalanceChanges(rpc, { from: alice.address, to: token, value: 0n, data, gas: 200_000n });
    expect(sim).toEqual({ status: 'ok', changes: [{ token, delta: -amount }] });
    const before = await tokenOf(alice.address);
    await run({ from: alice.address, to: token, value: 0n, data, fees: {} }, alice);
    expect(before - (await tokenOf(alice.address))).toBe(amount);
    // Seen from the recipient's side, the same transfer arrives.
    const back = await simulateBalanceChanges(rpc, { from: bob.address, to: token, value: 0n, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [alice.address, 5n] }), gas: 200_000n });
    expect(back).toEqual({ status: 'ok', changes: [{ token, delta: -5n }] });
  });

  it('a reverting call is a failure, not an empty change list', async () => {
    const data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [bob.address, 10n ** 30n] });
    const sim = await simulateBalanceChanges(rpc, { from: alice.address, to: token, value: 0n, data, gas: 200_000n });
    expect(sim.status).toBe('failed');
  });
});

describe('nodes without eth_simulateV1', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startHttpServer((_req, res, body) => {
      const { id } = JSON.parse(body) as { id: number };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32601, message: 'the method eth_simulateV1 does not exist/is not available' } }));
    });
  });
  afterAll(async () => server?.close());

  it('are reported as unsupported', async () => {
    const sim = await simulateBalanceChanges(createRpcClient({ url: server.url }), { from: alice.address, to: bob.address, value: 1n, gas: 21_000n });
    expect(sim).toEqual({ status: 'unsupported' });
  });
});

describe('decoding the traced logs', () => {
  const me = '0x1111111111111111111111111111111111111111';
  const other = '0x2222222222222222222222222222222222222222';
  const usdt = '0xdAC17F958D2ee523a2206206994597C13D831ec7';
  const log = (address: string, from: string, to: string, amount: bigint, extraTopic = false): { address: string; topics: string[]; data: string } => ({
    address,
    topics: [TRANSFER_TOPIC, pad(from as Hex), pad(to as Hex), ...(extraTopic ? [pad('0x07')] : [])],
    data: `0x${amount.toString(16)}`,
  });

  it('nets in and out per asset for the account, ignores others and ERC-721 transfers', () => {
    const changes = balanceChangesFromLogs(me, [
      log(NATIVE_TRANSFER_ADDRESS, me, other, 100n),
      log(usdt, other, me, 50n),
      log(usdt, me, other, 20n),
      log(usdt, other, other, 999n),
      log('0x3333333333333333333333333333333333333333', me, other, 0n, true),
    ]);
    expect(changes).toEqual([
      { token: null, delta: -100n },
      { token: usdt, delta: 30n },
    ]);
  });

  it('drops assets whose changes cancel out', () => {
    expect(balanceChangesFromLogs(me, [log(usdt, me, other, 5n), log(usdt, other, me, 5n)])).toEqual([]);
  });
});
