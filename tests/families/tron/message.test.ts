/**
 * TRON message and dApp-transaction signing, verified by tronweb itself: signMessageV2 with
 * Trx.verifyMessageV2 (and byte-equality with Trx.signMessageV2), legacy hex messages with
 * Trx.verifySignature, and tronWeb.trx.sign-style transactions built by a dApp's own tronweb
 * (TransactionBuilder against the loopback node) — accepted, decoded with warnings, or refused
 * (wrong owner, tampered JSON or txID, expired, already signed, another network).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Trx, TronWeb } from 'tronweb';
import { startTronNode, type TronTestNode } from '../../support/tronNode.ts';
import { createTronApi, type TronTransaction } from '../../../src/families/tron/core/api.ts';
import {
  MAX_TRON_MESSAGE_BYTES,
  prepareDappTransaction,
  prepareMessageV2,
  recoverMessageV2Signer,
  signDappTransaction,
  signMessageV1Hex,
  signMessageV2,
} from '../../../src/families/tron/core/message.ts';
import { USDT_MAINNET } from '../../../src/families/tron/core/networks.ts';
import { broadcastTronTransaction } from '../../../src/families/tron/core/transaction.ts';
import { TronWalletError } from '../../../src/families/tron/core/errors.ts';
import { TRX, tronAccount, tronwebSignature, tronwebSigner } from './helpers.ts';
import { asyncCodeOf, syncCodeOf } from '../../support/errors.ts';

let node: TronTestNode;
let other: TronTestNode;
const alice = tronAccount(0);
const bob = tronAccount(1);

const codeOf = asyncCodeOf(TronWalletError);
const syncCode = syncCodeOf(TronWalletError);

/** A dApp's tronweb pointed at `n`, building for `owner`. */
function dappTronWeb(n: TronTestNode, owner: string): TronWeb {
  const tw = n.tronWeb();
  tw.setAddress(owner);
  return tw;
}

beforeAll(async () => {
  node = await startTronNode();
  other = await startTronNode();
  node.setBalance(alice.address, 100n * TRX);
  node.setBalance(bob.address, 1n * TRX);
  node.deployTrc20('USDT', 6, USDT_MAINNET.contract);
});
afterAll(async () => {
  await node.stop();
  await other.stop();
});

describe('signMessageV2', () => {
  for (const message of ['hello TRON', 'Héllo ✓ 你好', 'x'.repeat(1000), '0x1234']) {
    it(`verifies with tronweb Trx.verifyMessageV2 and equals Trx.signMessageV2 (${message.slice(0, 12)}…)`, () => {
      const sig = signMessageV2(message, alice.secretKey);
      expect(sig).toMatch(/^0x[0-9a-f]{128}(1b|1c)$/);
      expect(Trx.verifyMessageV2(message, sig)).toBe(alice.address);
      expect(sig).toBe(Trx.signMessageV2(message, alice.privateKeyHex).toLowerCase());
      expect(recoverMessageV2Signer(message, sig)).toBe(alice.address);
    });
  }

  it('signs raw bytes like tronweb does for a byte array', () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 255]);
    const sig = signMessageV2(bytes, alice.secretKey);
    expect(Trx.verifyMessageV2(bytes, sig)).toBe(alice.address);
    expect(Trx.verifyMessageV2('other', sig)).not.toBe(alice.address);
    expect(prepareMessageV2(bytes).display).toEqual({ kind: 'hex', hex: '000102faff', byteLength: 5 });
  });

  it('refuses empty, oversized and non-string messages', () => {
    expect(syncCode(() => signMessageV2('', alice.secretKey))).toBe('INVALID_MESSAGE');
    expect(syncCode(() => prepareMessageV2('a'.repeat(MAX_TRON_MESSAGE_BYTES + 1)))).toBe('MESSAGE_TOO_LONG');
    expect(syncCode(() => prepareMessageV2({ text: 'hi' }))).toBe('INVALID_MESSAGE');
    expect(syncCode(() => signMessageV2('hi', new Uint8Array(32)))).toBe('INVALID_SECRET_KEY');
  });

  it('legacy trx.sign(hex string) verifies with tronweb Trx.verifySignature and equals Trx.signString', () => {
    const hex = '0x' + 'ab'.repeat(32);
    const sig = signMessageV1Hex(hex, alice.secretKey);
    expect(Trx.verifySignature(hex, alice.address, sig)).toBe(true);
    expect(sig).toBe(Trx.signString(hex, alice.privateKeyHex).toLowerCase());
    expect(syncCode(() => signMessageV1Hex('not hex', alice.secretKey))).toBe('INVALID_MESSAGE');
  });
});

describe('trx.sign(transaction) from a dApp', () => {
  it('a TRX transfer built by the dApp’s tronweb: checked, signed, verified by tronweb, broadcast by tronweb', async () => {
    const api = createTronApi({ url: node.url });
    const tw = dappTronWeb(node, alice.address);
    const tx = (await tw.transactionBuilder.sendTrx(bob.address, 3_000_000, alice.address)) as unknown as TronTransaction;
    const req = await prepareDappTransaction(tx, { address: alice.address, api });
    expect(req.decoded.contracts[0]?.value).toEqual({ type: 'TransferContract', owner: alice.address, to: bob.address, amount: 3_000_000n });
    expect(req.warnings).toEqual([]);
    const signed = signDappTransaction(req.transaction, alice.secretKey);
    expect(tronwebSigner(signed.txID, signed.signature[0]!)).toBe(alice.hexAddress);
    expect(signed.signature[0]).toBe(tronwebSignature(tx, alice.privateKeyHex));
    const result = (await tw.trx.sendRawTransaction(signed as never)) as unknown as { result?: boolean };
    expect(result.result).toBe(true);
    expect(node.balance(bob.address)).toBe(4n * TRX);
  });

  it('a dApp transaction with hex addresses (visible:false) is broadcast by the wallet’s own client as such', async () => {
    const api = createTronApi({ url: node.url });
    const tx = (await dappTronWeb(node, alice.address).transactionBuilder.sendTrx(bob.address, 2_000_000, alice.address)) as unknown as TronTransaction;
    expect(tx.visible).toBe(false);
    const req = await prepareDappTransaction(tx, { address: alice.address, api });
    const before = node.balance(bob.address);
    expect(await broadcastTronTransaction(api, signDappTransaction(req.transaction, alice.secretKey))).toBe(tx.txID);
    expect(node.balance(bob.address)).toBe(before + 2_000_000n);
  });

  it('an unlimited TRC-20 approve is a danger warning; a limited one a warning', async () => {
    const api = createTronApi({ url: node.url });
    const tw = dappTronWeb(node, alice.address);
    const build = async (amount: string): Promise<TronTransaction> =>
      (
        await tw.transactionBuilder.triggerSmartContract(USDT_MAINNET.contract, 'approve(address,uint256)', { txLocal: true, feeLimit: 100_000_000 }, [
          { type: 'address', value: bob.address },
          { type: 'uint256', value: amount },
        ], alice.address)
      ).transaction as unknown as TronTransaction;
    const unlimited = await prepareDappTransaction(await build(((1n << 256n) - 1n).toString()), { address: alice.address, api });
    expect(unlimited.warnings).toEqual([{ code: 'UNLIMITED_APPROVAL', severity: 'danger', params: { spender: bob.address, token: USDT_MAINNET.contract } }]);
    const limited = await prepareDappTransaction(await build('5000000'), { address: alice.address, api });
    expect(limited.warnings.map((w) => [w.code, w.severity])).toEqual([['TOKEN_APPROVAL', 'warning']]);
    const sig = signDappTransaction(limited.transaction, alice.secretKey).signature[0]!;
    expect(tronwebSigner(limited.transaction.txID, sig)).toBe(alice.hexAddress);
  });

  it('TRC-10 tokens sent along with a contract call are warned about (tokenValue / tokenId)', async () => {
    const api = createTronApi({ url: node.url });
    const tw = dappTronWeb(node, alice.address);
    const tx = (
      await tw.transactionBuilder.triggerSmartContract(USDT_MAINNET.contract, 'transfer(address,uint256)', { txLocal: true, feeLimit: 100_000_000, tokenValue: 777, tokenId: '1002000' }, [
        { type: 'address', value: bob.address },
        { type: 'uint256', value: '1' },
      ], alice.address)
    ).transaction as unknown as TronTransaction;
    const req = await prepareDappTransaction(tx, { address: alice.address, api });
    expect(req.warnings).toContainEqual({ code: 'CALL_TOKEN_VALUE', severity: 'warning', params: { amount: '777', tokenId: '1002000' } });
  });

  it('an account permission update (the classic TRON account takeover) is a danger warning', async () => {
    const tw = dappTronWeb(node, alice.address);
    const tx = (await tw.transactionBuilder.updateAccountPermissions(
      alice.address,
      { type: 0, permission_name: 'owner', threshold: 1, keys: [{ address: bob.address, weight: 1 }] } as never,
      undefined as never,
      [{ type: 2, permission_name: 'active', threshold: 1, operations: '7fff1fc0033e0000000000000000000000000000000000000000000000000000', keys: [{ address: bob.address, weight: 1 }] }] as never,
    )) as unknown as TronTransaction;
    const req = await prepareDappTransaction(tx, { address: alice.address, api: createTronApi({ url: node.url }) });
    expect(req.decoded.contracts[0]?.typeName).toBe('AccountPermissionUpdateContract');
    expect(req.warnings.map((w) => [w.code, w.severity])).toEqual([['PERMISSION_UPDATE', 'danger']]);
  });

  it('refuses: another owner, JSON that disagrees with the bytes, a wrong txID, already signed, expired, missing hex', async () => {
    const api = createTronApi({ url: node.url });
    const tw = dappTronWeb(node, alice.address);
    const tx = (await tw.transactionBuilder.sendTrx(bob.address, 1_000_000, alice.address)) as unknown as TronTransaction & { raw_data: { contract: { parameter: { value: { amount: number } } }[] } };
    expect(await codeOf(prepareDappTransaction(tx, { address: bob.address, api }))).toBe('WRONG_OWNER');
    const lying = structuredClone(tx);
    lying.raw_data.contract[0]!.parameter.value.amount = 1;
    expect(await codeOf(prepareDappTransaction(lying, { address: alice.address, api }))).toBe('RAW_DATA_JSON_MISMATCH');
    expect(await codeOf(prepareDappTransaction({ ...tx, txID: 'ff'.repeat(32) }, { address: alice.address, api }))).toBe('TXID_MISMATCH');
    expect(await codeOf(prepareDappTransaction({ ...tx, signature: ['00'.repeat(65)] }, { address: alice.address, api }))).toBe('ALREADY_SIGNED');
    expect(await codeOf(prepareDappTransaction(tx, { address: alice.address, api, now: Date.now() + 3_600_000 }))).toBe('TRANSACTION_EXPIRED');
    expect(await codeOf(prepareDappTransaction({ txID: tx.txID, raw_data: tx.raw_data }, { address: alice.address, api }))).toBe('MALFORMED_TRANSACTION');
    expect(await codeOf(prepareDappTransaction({ ...tx, raw_data_hex: 'zz' }, { address: alice.address, api }))).toBe('MALFORMED_TRANSACTION');
    expect(await codeOf(prepareDappTransaction('not a tx', { address: alice.address, api }))).toBe('MALFORMED_TRANSACTION');
  });

  it('refuses a transaction built on another network (its reference block is not on this chain)', async () => {
    other.setBalance(alice.address, 100n * TRX);
    const foreign = (await dappTronWeb(other, alice.address).transactionBuilder.sendTrx(bob.address, 1_000_000, alice.address)) as unknown as TronTransaction;
    const err = await prepareDappTransaction(foreign, { address: alice.address, api: createTronApi({ url: node.url }) }).then(
      () => null,
      (e: unknown) => e as TronWalletError,
    );
    expect(err?.code).toBe('WRONG_NETWORK');
    expect(err?.providerCode).toBe(4901);
    // On its own network it is fine; without a node the check is reported as skipped.
    expect((await prepareDappTransaction(foreign, { address: alice.address, api: createTronApi({ url: other.url }) })).warnings).toEqual([]);
    expect((await prepareDappTransaction(foreign, { address: alice.address })).warnings.map((w) => w.code)).toEqual(['NETWORK_UNVERIFIED']);
  });
});
