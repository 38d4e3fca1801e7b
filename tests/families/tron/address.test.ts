/**
 * TRON address input (specific reasons for hex, 0x, typos, other networks, lengths; agreement
 * with tronweb's isAddress), networks and chain ids, the raw_data decoder against tronweb's own
 * protobuf encoder, fee arithmetic, and the API client's typed failures.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TronWeb, utils } from 'tronweb';
import { checkTronAddress, parseTronAddress, tronAddressToHex, tronHexToAddress } from '../../../src/families/tron/core/addressInput.ts';
import {
  BUILTIN_TRON_NETWORKS,
  chainIdFromGenesisBlockId,
  customTronNetwork,
  getTronNetwork,
  trc20Presets,
  tronExplorerUrl,
  USDT_MAINNET,
} from '../../../src/families/tron/core/networks.ts';
import { decodeRawData, rawDataJsonMismatch, txIdOfRawData } from '../../../src/families/tron/core/rawData.ts';
import { decodeTrc20Call, encodeTransferParams, functionSelector } from '../../../src/families/tron/core/abi.ts';
import { estimateBandwidthBytes } from '../../../src/families/tron/core/fees.ts';
import { createTronApi } from '../../../src/families/tron/core/api.ts';
import { TronApiError, TronWalletError } from '../../../src/families/tron/core/errors.ts';
import { startTronNode, type TronTestNode } from '../../support/tronNode.ts';
import { tronAccount } from './helpers.ts';

const alice = tronAccount(0);
let node: TronTestNode;
beforeAll(async () => {
  node = await startTronNode();
});
afterAll(async () => {
  await node.stop();
});

describe('TRON address input', () => {
  it('accepts base58check T-addresses exactly when tronweb does', () => {
    for (const a of [alice.address, USDT_MAINNET.contract, 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8']) {
      expect(checkTronAddress(a)).toEqual({ ok: true, address: a, hex: TronWeb.address.toHex(a).toLowerCase() });
      expect(TronWeb.isAddress(a)).toBe(true);
    }
    expect(checkTronAddress(`  ${alice.address}\n`).ok).toBe(true);
  });

  it('explains what is wrong', () => {
    const hex = TronWeb.address.toHex(alice.address);
    const h = checkTronAddress(hex);
    expect(h).toMatchObject({ ok: false, reason: 'hex_address', suggestion: alice.address });
    expect(checkTronAddress(hex, { acceptHex: true })).toMatchObject({ ok: true, address: alice.address });
    expect(checkTronAddress(`0x${hex}`)).toMatchObject({ reason: 'hex_address' });
    expect(checkTronAddress('0x52908400098527886E0F7030069857D2E4169EE7')).toMatchObject({ reason: 'evm_address' });
    // One mistyped character: still base58, but the checksum fails (tronweb agrees it is invalid).
    const typo = alice.address.slice(0, 10) + (alice.address[10] === 'a' ? 'b' : 'a') + alice.address.slice(11);
    expect(checkTronAddress(typo)).toMatchObject({ reason: 'bad_checksum' });
    expect(TronWeb.isAddress(typo)).toBe(false);
    expect(checkTronAddress(alice.address.replace(/.$/, '0'))).toMatchObject({ reason: 'invalid_characters' });
    expect(checkTronAddress(alice.address.slice(0, 30))).toMatchObject({ reason: 'wrong_length' });
    expect(checkTronAddress('1BoatSLRHtKNngkdXEeobR76b53LETtpyT')).toMatchObject({ reason: 'wrong_prefix' });
    expect(checkTronAddress('')).toMatchObject({ reason: 'empty' });
    expect(() => parseTronAddress(hex, 'recipient')).toThrow(/Invalid recipient: This is a hex TRON address; use the base58 form T/);
    expect(tronHexToAddress(tronAddressToHex(alice.address))).toBe(alice.address);
  });
});

describe('TRON networks', () => {
  it('mainnet, Nile, Shasta with the adapter chain ids; USDT preset on mainnet', () => {
    expect(BUILTIN_TRON_NETWORKS.map((n) => [n.id, n.fullNode, n.chainId])).toEqual([
      ['mainnet', 'https://api.trongrid.io', '0x2b6653dc'],
      ['nile', 'https://nile.trongrid.io', '0xcd8690dc'],
      ['shasta', 'https://api.shasta.trongrid.io', '0x94a9059e'],
    ]);
    expect(chainIdFromGenesisBlockId('00000000000000001ebf88508a03865c71d452e25f4d51194196a1d22b6653dc')).toBe('0x2b6653dc');
    expect(getTronNetwork('0xcd8690dc')?.id).toBe('nile');
    expect(trc20Presets('mainnet')).toEqual([{ network: 'mainnet', contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', symbol: 'USDT', name: 'Tether USD', decimals: 6 }]);
    expect(tronExplorerUrl(getTronNetwork('mainnet')!, 'tx', 'ab')).toBe('https://tronscan.org/#/transaction/ab');
  });

  it('custom full nodes: https or loopback http; the chain id is checked from the genesis block', async () => {
    const n = customTronNetwork({ id: 'c', fullNode: `${node.url}/` });
    expect(n.fullNode).toBe(node.url);
    const genesis = await createTronApi({ url: n.fullNode }).getBlockByNum(0n);
    expect(chainIdFromGenesisBlockId(genesis!.blockID)).toBe(node.chainId);
    expect(() => customTronNetwork({ id: 'x', fullNode: 'http://node.example.com' })).toThrow(/https/);
    expect(() => customTronNetwork({ id: 'x', fullNode: 'https://a:b@node.example.com' })).toThrow(/credentials/);
    expect(() => customTronNetwork({ id: 'x', fullNode: 'https://node.example.com', chainId: 'mainnet' })).toThrow(TronWalletError);
  });
});

describe('raw_data decoding (against tronweb’s protobuf encoder)', () => {
  const header = { ref_block_bytes: 'ab12', ref_block_hash: '0102030405060708', expiration: 1_900_000_000_000, timestamp: 1_899_999_940_000 };

  it('TransferContract, TriggerSmartContract with call data, fee limit and memo', async () => {
    const tw = new TronWeb({ fullHost: 'http://127.0.0.1:1' });
    const trx = (await tw.transactionBuilder.sendTrx('TJRabPrwbZy45sbavfcjinPJC18kjpRTv8', 123456789, alice.address, { blockHeader: header })) as unknown as { raw_data: unknown; raw_data_hex: string; txID: string };
    const d = decodeRawData(trx.raw_data_hex);
    expect(d).toMatchObject({ refBlockBytes: 'ab12', refBlockHash: '0102030405060708', expiration: 1_900_000_000_000n, timestamp: 1_899_999_940_000n, hasAuths: false, hasScripts: false });
    expect(d.contracts).toEqual([{ typeId: 1, typeName: 'TransferContract', typeUrl: 'type.googleapis.com/protocol.TransferContract', permissionId: 0, value: { type: 'TransferContract', owner: alice.address, to: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8', amount: 123456789n } }]);
    expect(txIdOfRawData(trx.raw_data_hex)).toBe(trx.txID);
    expect(rawDataJsonMismatch(trx.raw_data, d)).toBeUndefined();

    const call = await tw.transactionBuilder.triggerSmartContract(USDT_MAINNET.contract, 'transfer(address,uint256)', { txLocal: true, feeLimit: 30_000_000, blockHeader: header }, [
      { type: 'address', value: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8' },
      { type: 'uint256', value: '1000000' },
    ], alice.address);
    // A memo (raw_data.data) added and re-encoded by tronweb's protobuf code.
    const tx0 = call.transaction as unknown as { raw_data: Record<string, unknown>; visible: boolean };
    const withMemo = { ...tx0, raw_data: { ...tx0.raw_data, data: Buffer.from('memo ✓').toString('hex') } };
    const memoHex = utils.transaction.txPbToRawDataHex(utils.transaction.txJsonToPb(withMemo)).toLowerCase();
    const c = decodeRawData(memoHex);
    expect(c.feeLimit).toBe(30_000_000n);
    expect(Buffer.from(c.data!, 'hex').toString()).toBe('memo ✓');
    const v = c.contracts[0]!.value;
    expect(v.type === 'TriggerSmartContract' && [v.contract, v.data, v.call]).toEqual([
      USDT_MAINNET.contract,
      functionSelector('transfer(address,uint256)') + encodeTransferParams('TJRabPrwbZy45sbavfcjinPJC18kjpRTv8', 1_000_000n),
      { method: 'transfer', to: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8', amount: 1_000_000n },
    ]);
    expect(functionSelector('transfer(address,uint256)')).toBe('a9059cbb');
    expect(rawDataJsonMismatch(withMemo.raw_data, c)).toBeUndefined();
    expect(rawDataJsonMismatch({ ...withMemo.raw_data, data: '' }, c)).toBe('data');
  });

  it('refuses garbage and truncated bytes; reports unknown TRC-20 selectors', () => {
    for (const bad of ['', 'zz', '0a', '0aff', '5a0208']) expect(() => decodeRawData(bad)).toThrow(TronWalletError);
    expect(decodeTrc20Call('deadbeef')).toEqual({ method: 'unknown', selector: 'deadbeef' });
  });

  it('bandwidth estimate equals tronweb’s serialized signed size + 64', async () => {
    const tw = new TronWeb({ fullHost: 'http://127.0.0.1:1' });
    const tx = (await tw.transactionBuilder.sendTrx('TJRabPrwbZy45sbavfcjinPJC18kjpRTv8', 5, alice.address, { blockHeader: header })) as never;
    const pb = utils.transaction.txJsonToPb(tx);
    pb.addSignature(new Uint8Array(65));
    expect(estimateBandwidthBytes((tx as { raw_data_hex: string }).raw_data_hex)).toBe(pb.serializeBinary().length + 64);
  });
});

describe('TronApi failures', () => {
  it('unreachable, 429, HTTP errors, node refusals and exact big balances', async () => {
    expect(await createTronApi({ url: 'http://127.0.0.1:1', timeoutMs: 2000 }).getAccount(alice.address).catch((e: TronApiError) => e.kind)).toBe('unreachable');
    const server = createServer((req, res) => {
      if (req.url === '/rl/wallet/getaccount') return void res.writeHead(429, { 'retry-after': '2' }).end('slow down');
      if (req.url === '/big/wallet/getaccount') return void res.writeHead(200, { 'content-type': 'application/json' }).end(`{"address":"${alice.address}","balance":9007199254740993123}`);
      res.writeHead(500).end('oops');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const rl = await createTronApi({ url: `${base}/rl` }).getAccount(alice.address).catch((e: TronApiError) => e);
      expect(rl).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 2000, endpoint: '/wallet/getaccount' });
      expect(await createTronApi({ url: `${base}/x` }).getAccount(alice.address).catch((e: TronApiError) => [e.kind, e.status])).toEqual(['http', 500]);
      expect((await createTronApi({ url: `${base}/big` }).getAccount(alice.address))?.balanceSun).toBe(9007199254740993123n);
    } finally {
      server.closeAllConnections();
      server.close();
    }
    const api = createTronApi({ url: node.url });
    expect(await api.getAccount(tronAccount(9).address)).toBeNull();
    await expect(api.triggerSmartContract({ owner: alice.address, contract: alice.address, functionSelector: 'transfer(address,uint256)', parameter: '', feeLimitSun: 1n })).rejects.toMatchObject({
      kind: 'node',
      code: 'CONTRACT_VALIDATE_ERROR',
      message: 'No contract or not a valid smart contract',
    });
    expect(await api.getTransactionInfoById('00'.repeat(32))).toBeNull();
    expect((await api.getChainParameters()).getEnergyFee).toBe(210n);
  });
});
