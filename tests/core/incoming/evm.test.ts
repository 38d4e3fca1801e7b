/**
 * Incoming EVM transfers from eth_getLogs and eth_getBlockByNumber answers. The logs are encoded
 * with ethers (independent of viem, which the wallet uses), the topic checked against its keccak.
 */
import { describe, expect, it } from 'vitest';
import { Interface, id as ethersId, zeroPadValue } from 'ethers';
import { incomingFromBlocks, incomingFromLogs, receiptStatus, scanWindow, topicOf, TRANSFER_TOPIC } from '../../../src/families/evm/core/incoming';

const ME = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const ALICE = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const erc20 = new Interface(['event Transfer(address indexed from, address indexed to, uint256 value)']);
const erc721 = new Interface(['event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)']);

function log(from: string, to: string, value: bigint, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { topics, data } = erc20.encodeEventLog('Transfer', [from, to, value]);
  return { address: TOKEN, topics, data, blockNumber: '0x10', transactionHash: `0x${'ab'.repeat(32)}`, logIndex: '0x0', removed: false, ...extra };
}

describe('EVM incoming', () => {
  it('the Transfer topic is keccak256 of the event signature; an account topic is its left-padded address', () => {
    expect(TRANSFER_TOPIC).toBe(ethersId('Transfer(address,address,uint256)'));
    expect(topicOf(ME)).toBe(zeroPadValue(ME, 32).toLowerCase());
  });

  it('an ERC-20 transfer to the account: sender, exact value, token, block', () => {
    const out = incomingFromLogs([log(ALICE, ME, 123_456_789_000_000_000_000_000n)], ME);
    expect(out).toEqual([{ hash: `0x${'ab'.repeat(32)}`, from: ALICE.toLowerCase(), to: ME.toLowerCase(), value: 123_456_789_000_000_000_000_000n, token: TOKEN.toLowerCase(), status: 'confirmed', time: null, block: 16n }]);
  });

  it('skips transfers to others, from the account itself, ERC-721 (4 topics), removed logs and zero values', () => {
    const nft = { ...erc721.encodeEventLog('Transfer', [ALICE, ME, 7n]), address: TOKEN, blockNumber: '0x1', transactionHash: `0x${'cd'.repeat(32)}` };
    expect(incomingFromLogs([log(ALICE, ALICE, 1n), log(ME, ME, 1n), nft, log(ALICE, ME, 5n, { removed: true }), log(ALICE, ME, 0n), null, 'x'], ME)).toEqual([]);
  });

  it('native transfers from full blocks: only value sent to the account by someone else', () => {
    const block = {
      number: '0x20',
      timestamp: '0x65000000',
      transactions: [
        { hash: `0x${'01'.repeat(32)}`, from: ALICE, to: ME.toLowerCase(), value: '0xde0b6b3a7640000' },
        { hash: `0x${'02'.repeat(32)}`, from: ME, to: ME, value: '0x1' },
        { hash: `0x${'03'.repeat(32)}`, from: ALICE, to: null, value: '0x1' },
        { hash: `0x${'04'.repeat(32)}`, from: ALICE, to: ME, value: '0x0' },
        { hash: `0x${'05'.repeat(32)}`, from: ALICE, to: TOKEN, value: '0x5' },
      ],
    };
    expect(incomingFromBlocks([block, null], ME)).toEqual([{ hash: `0x${'01'.repeat(32)}`, from: ALICE.toLowerCase(), to: ME.toLowerCase(), value: 10n ** 18n, token: null, status: 'confirmed', time: 0x65000000 * 1000, block: 32n }]);
  });

  it('scan windows are bounded and resume after the last block read', () => {
    expect(scanWindow(100n, null, 20n)).toEqual({ from: 81n, to: 100n });
    expect(scanWindow(100n, 95n, 20n)).toEqual({ from: 96n, to: 100n });
    expect(scanWindow(100n, 100n, 20n)).toBeNull();
    expect(scanWindow(1000n, 5n, 20n)).toEqual({ from: 981n, to: 1000n }); // a long pause: only the recent window
    expect(scanWindow(3n, null, 20n)).toEqual({ from: 0n, to: 3n });
  });

  it('receipt status', () => {
    expect(receiptStatus({ status: '0x1' })).toBe('confirmed');
    expect(receiptStatus({ status: '0x0' })).toBe('failed');
    expect(receiptStatus(null)).toBe('pending');
  });
});
