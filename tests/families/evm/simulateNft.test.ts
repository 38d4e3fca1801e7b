/**
 * Pre-flight simulation and NFT reads against a real anvil node with Solidity contracts compiled by
 * solc: revert reasons decoded (Error(string), Panic(uint256), custom error selector), gas-too-low
 * detected even when the dApp supplies the gas; ERC-721 / ERC-1155 ownership, metadata and image
 * from a data: URI (fetched metadata only within its size cap), and safeTransferFrom calldata (from
 * the ABI literal) that the node executes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeErrorResult, encodeFunctionData, parseAbi, toFunctionSelector, type Address, type Hex } from 'viem';
import { Interface } from 'ethers';
import { createRpcClient, type RpcClient } from '../../../src/families/evm/core/rpc.ts';
import { createNonceTracker } from '../../../src/families/evm/core/nonce.ts';
import { prepareTransaction, type TxRequest } from '../../../src/families/evm/core/transaction.ts';
import { sendTransaction, waitForReceipt } from '../../../src/families/evm/core/txSubmit.ts';
import { decodeRevert, revertText, simulateTransaction, simulationWarnings } from '../../../src/families/evm/core/simulate.ts';
import { MAX_METADATA_BYTES, nftTransferData, readMetadata, readNft, resolveRemoteUri, safeImageUrl, substituteId } from '../../../src/families/evm/core/nft.ts';
import { startAnvil, type AnvilInstance, type DevAccount } from '../../support/anvil.ts';
import { dataMetadataUri, deployData, testContracts } from '../../support/contracts.ts';

let anvil: AnvilInstance;
let rpc: RpcClient;
let owner: DevAccount;
let bob: DevAccount;
let reverter: Address;
let nft721: Address;
let nft1155: Address;
const tracker = createNonceTracker();
const kitten = dataMetadataUri('Kitten #7', '#e91e63');
const gem = dataMetadataUri('Gem', '#3f51b5');

async function run(req: TxRequest, signer: DevAccount): Promise<{ status: string; contractAddress?: Address | null }> {
  const prepared = await prepareTransaction(rpc, req, { chainId: 31337, eip1559: true });
  const sent = await sendTransaction(rpc, prepared, signer.privateKey, tracker);
  return waitForReceipt(rpc, sent.hash, { pollIntervalMs: 50, timeoutMs: 10_000 });
}

beforeAll(async () => {
  anvil = await startAnvil();
  rpc = createRpcClient({ url: anvil.url });
  [owner, bob] = anvil.accounts as [DevAccount, DevAccount];
  const c = testContracts();
  const deploy = async (data: Hex): Promise<Address> => (await run({ from: owner.address, value: 0n, data, fees: {} }, owner)).contractAddress!;
  reverter = await deploy(deployData(c.Reverter));
  nft721 = await deploy(deployData(c.TestNft721, [kitten.uri, owner.address, 7n]));
  nft1155 = await deploy(deployData(c.TestMulti1155, [gem.uri, owner.address, 42n, 5n]));
}, 60_000);
afterAll(async () => {
  await anvil?.stop();
});

describe('decodeRevert (viem and ethers encode the payloads)', () => {
  it('Error(string), Panic(uint256), custom errors, nothing', () => {
    const err = encodeErrorResult({ abi: parseAbi(['error Error(string)']), errorName: 'Error', args: ['Nope'] });
    expect(decodeRevert(err)).toEqual({ kind: 'error', message: 'Nope' });
    const panic = new Interface(['error Panic(uint256)']).encodeErrorResult('Panic', [0x12]) as Hex;
    expect(decodeRevert(panic)).toMatchObject({ kind: 'panic', code: 0x12n, meaning: 'division or modulo by zero' });
    const custom = encodeErrorResult({ abi: parseAbi(['error Unauthorized(address caller)']), errorName: 'Unauthorized', args: [owner.address] });
    expect(decodeRevert(custom)).toMatchObject({ kind: 'custom', selector: toFunctionSelector('Unauthorized(address)') });
    expect(revertText(decodeRevert(custom))).toBe(`custom error ${toFunctionSelector('Unauthorized(address)')}`);
    expect(decodeRevert('0x')).toEqual({ kind: 'none' });
    expect(decodeRevert(undefined)).toEqual({ kind: 'none' });
  });
});

describe('simulateTransaction on anvil', () => {
  const abi = parseAbi(['function withdraw(uint256)', 'function divide(uint256)', 'function adminOnly()', 'function bump()']);
  const tx = (data: Hex, gas: bigint) => ({ from: owner.address, to: reverter, value: 0n, data, gas });

  it('a require() revert is reported with its message, whatever gas the dApp gave', async () => {
    const sim = await simulateTransaction(rpc, tx(encodeFunctionData({ abi, functionName: 'withdraw', args: [5n] }), 500_000n));
    expect(sim).toMatchObject({ ok: false, reverted: true, reason: { kind: 'error', message: 'Vault: withdrawal amount exceeds balance' } });
    expect(simulationWarnings(sim, 500_000n)).toEqual([{ code: 'TX_WILL_REVERT', severity: 'danger', params: { reason: 'Error: Vault: withdrawal amount exceeds balance' } }]);
  });

  it('a panic is reported with its code and meaning', async () => {
    const sim = await simulateTransaction(rpc, tx(encodeFunctionData({ abi, functionName: 'divide', args: [0n] }), 100_000n));
    expect(sim).toMatchObject({ ok: false, reverted: true, reason: { kind: 'panic', code: 0x12n } });
  });

  it('a custom error is reported by its selector', async () => {
    const sim = await simulateTransaction(rpc, tx(encodeFunctionData({ abi, functionName: 'adminOnly' }), 100_000n));
    expect(sim).toMatchObject({ ok: false, reverted: true, reason: { kind: 'custom', selector: toFunctionSelector('Unauthorized(address)') } });
  });

  it('a call that succeeds but is given too little gas is flagged; enough gas gives no warning', async () => {
    const data = encodeFunctionData({ abi, functionName: 'bump' });
    const low = await simulateTransaction(rpc, tx(data, 21_500n));
    expect(low).toMatchObject({ ok: true, gasTooLow: true });
    expect(simulationWarnings(low, 21_500n)[0]).toMatchObject({ code: 'GAS_TOO_LOW', severity: 'danger' });
    const fine = await simulateTransaction(rpc, tx(data, 200_000n));
    expect(fine).toMatchObject({ ok: true, gasTooLow: false });
    expect(simulationWarnings(fine, 200_000n)).toEqual([]);
  });

  it('an unreachable node is a warning, not a verdict', async () => {
    const dead = createRpcClient({ url: 'http://127.0.0.1:9', timeoutMs: 2000 });
    const sim = await simulateTransaction(dead, tx('0x', 21_000n));
    expect(sim).toMatchObject({ ok: false, reverted: false });
    expect(simulationWarnings(sim, 21_000n)[0]).toMatchObject({ code: 'SIMULATION_FAILED', severity: 'warning' });
  });
});

describe('NFTs on anvil', () => {
  it('ERC-721: owner, collection, name and image from the data: metadata', async () => {
    const info = await readNft(rpc, 'ERC721', nft721, 7n, owner.address);
    expect(info).toMatchObject({ standard: 'ERC721', contract: nft721, tokenId: 7n, balance: 1n, collection: 'Test Kittens', name: 'Kitten #7', image: kitten.image });
    expect((await readNft(rpc, 'ERC721', nft721, 7n, bob.address)).balance).toBe(0n);
    await expect(readNft(rpc, 'ERC721', nft721, 8n, owner.address)).rejects.toThrow();
  });

  it('ERC-1155: balance and metadata', async () => {
    const info = await readNft(rpc, 'ERC1155', nft1155, 42n, owner.address);
    expect(info).toMatchObject({ balance: 5n, name: 'Gem', image: gem.image });
  });

  it('safeTransferFrom calldata moves the tokens on chain', async () => {
    expect((await run({ from: owner.address, to: nft721, value: 0n, data: nftTransferData('ERC721', owner.address, bob.address, 7n), fees: {} }, owner)).status).toBe('success');
    expect((await readNft(rpc, 'ERC721', nft721, 7n, bob.address)).balance).toBe(1n);
    expect((await run({ from: owner.address, to: nft1155, value: 0n, data: nftTransferData('ERC1155', owner.address, bob.address, 42n, 2n), fees: {} }, owner)).status).toBe('success');
    expect((await readNft(rpc, 'ERC1155', nft1155, 42n, owner.address)).balance).toBe(3n);
    expect((await readNft(rpc, 'ERC1155', nft1155, 42n, bob.address)).balance).toBe(2n);
  });

  it('fetched metadata: used when it parses, ignored past the size cap or when the fetch fails', async () => {
    const doc = JSON.stringify({ name: 'Remote #1', image: 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi' });
    const fetched: string[] = [];
    const serve = (body: string) => async (url: string): Promise<string> => (fetched.push(url), body);
    expect(await readMetadata('ipfs://bafymeta/1.json', serve(doc))).toEqual({ name: 'Remote #1', image: 'https://ipfs.io/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi' });
    expect(fetched).toEqual(['https://ipfs.io/ipfs/bafymeta/1.json']);
    const huge = JSON.stringify({ name: 'Big', pad: ' '.repeat(MAX_METADATA_BYTES) });
    expect(await readMetadata('https://example.com/1', serve(huge))).toEqual({});
    expect(await readMetadata('https://example.com/1', () => Promise.reject(new Error('Metadata larger than 262144 bytes')))).toEqual({});
    // Loopback and private hosts are never fetched at all.
    expect(await readMetadata('https://127.0.0.1/1', serve(doc))).toEqual({});
    expect(fetched).toEqual(['https://ipfs.io/ipfs/bafymeta/1.json', 'https://example.com/1']);
  });

  it('image and metadata URLs: data:image, public https and ipfs only', () => {
    expect(resolveRemoteUri('ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/1.json')).toBe('https://ipfs.io/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/1.json');
    expect(resolveRemoteUri('https://example.com/meta/1')).toBe('https://example.com/meta/1');
    for (const bad of ['http://example.com/1', 'https://127.0.0.1/x', 'https://localhost/x', 'https://192.168.1.2/x', 'javascript:alert(1)', 'https://user:pw@example.com/']) expect(resolveRemoteUri(bad), bad).toBeUndefined();
    expect(safeImageUrl(kitten.image)).toBe(kitten.image);
    expect(safeImageUrl('data:text/html;base64,PGgxPg==')).toBeUndefined();
    expect(substituteId('https://x.example/{id}.json', 42n)).toBe(`https://x.example/${'0'.repeat(62)}2a.json`);
  });
});
