/**
 * TRX and TRC-20 (USDT preset) transfers against the loopback TRON node: built by the node (with
 * tronweb's own TransactionBuilder), verified and signed by the wallet, each signature checked
 * with tronweb (ecRecover and byte-equality with tronweb's signTransaction), broadcast, applied;
 * fee estimates compared with what the node charged; lying nodes and bad inputs refused.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTronNode, type TamperMode, type TronTestNode } from '../../support/tronNode.ts';
import { createTronApi, type TronApi } from '../../../src/families/tron/core/api.ts';
import {
  broadcastTronTransaction,
  prepareTrc20Transfer,
  prepareTrxTransfer,
  signTronTransaction,
  waitForTronTransaction,
} from '../../../src/families/tron/core/transaction.ts';
import { getTronBalances } from '../../../src/families/tron/core/balances.ts';
import { USDT_MAINNET } from '../../../src/families/tron/core/networks.ts';
import { TronApiError, TronWalletError } from '../../../src/families/tron/core/errors.ts';
import { TRX, tronAccount, tronwebSignature, tronwebSigner } from './helpers.ts';
import { asyncCodeOf } from '../../support/errors.ts';

let node: TronTestNode;
let api: TronApi;
const alice = tronAccount(0);
const bob = tronAccount(1);
const carol = tronAccount(2);

const codeOf = asyncCodeOf(TronWalletError);

beforeAll(async () => {
  node = await startTronNode();
  api = createTronApi({ url: node.url });
  node.deployTrc20('USDT', 6, USDT_MAINNET.contract);
});
afterAll(async () => {
  await node.stop();
});
beforeEach(() => {
  node.tamper = 'none';
});

describe('TRX transfer', () => {
  it('builds via the node, verifies, signs (tronweb-identical signature), broadcasts; balances and fee match', async () => {
    node.setBalance(alice.address, 100n * TRX);
    node.setBalance(bob.address, 1n * TRX);
    const p = await prepareTrxTransfer(api, { from: alice.address, to: bob.address, amountSun: 12_345_678n });
    expect(p.decoded.contracts[0]?.value).toEqual({ type: 'TransferContract', owner: alice.address, to: bob.address, amount: 12_345_678n });
    expect(p.fee).toMatchObject({ bandwidthBurnSun: 0n, energyBurnSun: 0n, activationFeeSun: 0n, totalSun: 0n });
    const signed = signTronTransaction(p.transaction, alice.secretKey);
    const sig = signed.signature[0]!;
    expect(sig).toMatch(/^[0-9a-f]{128}(1b|1c)$/);
    expect(tronwebSigner(signed.txID, sig)).toBe(alice.hexAddress);
    expect(sig).toBe(tronwebSignature(p.transaction, alice.privateKeyHex));
    const txid = await broadcastTronTransaction(api, signed);
    expect(txid).toBe(signed.txID);
    const conf = await waitForTronTransaction(api, txid, { pollMs: 10 });
    expect(conf.status).toBe('confirmed');
    expect(node.balance(bob.address)).toBe(1n * TRX + 12_345_678n);
    expect(node.balance(alice.address)).toBe(100n * TRX - 12_345_678n);
    // The same signed transaction cannot be replayed.
    await expect(broadcastTronTransaction(api, signed)).rejects.toMatchObject({ kind: 'node', code: 'DUP_TRANSACTION_ERROR' });
  });

  it('to a new address: the activation fee is estimated exactly as the node charges it', async () => {
    node.setBalance(alice.address, 100n * TRX);
    const p = await prepareTrxTransfer(api, { from: alice.address, to: carol.address, amountSun: 2n * TRX });
    expect(p.fee.activationFeeSun).toBe(1_100_000n);
    expect(p.warnings.map((w) => w.code)).toEqual(['RECIPIENT_NOT_ACTIVATED']);
    const txid = await broadcastTronTransaction(api, signTronTransaction(p.transaction, alice.secretKey));
    const conf = await waitForTronTransaction(api, txid, { pollMs: 10 });
    expect(conf.status === 'confirmed' && conf.info.feeSun).toBe(p.fee.totalSun);
    expect(node.balance(alice.address)).toBe(100n * TRX - 2n * TRX - p.fee.totalSun);
    expect(node.balance(carol.address)).toBe(2n * TRX);
  });

  it('burns bandwidth when free bandwidth is used up; the estimate equals the burn', async () => {
    node.setBalance(alice.address, 100n * TRX);
    node.setResources(alice.address, { freeNetUsed: 590n });
    const p = await prepareTrxTransfer(api, { from: alice.address, to: bob.address, amountSun: 1n });
    expect(p.fee.bandwidthBurnSun).toBe(BigInt(p.fee.bandwidthBytes) * 1000n);
    const txid = await broadcastTronTransaction(api, signTronTransaction(p.transaction, alice.secretKey));
    const conf = await waitForTronTransaction(api, txid, { pollMs: 10 });
    expect(conf.status === 'confirmed' && conf.info.feeSun).toBe(p.fee.totalSun);
    node.setResources(alice.address, { freeNetUsed: 0n });
  });

  it('refuses: not activated sender, amount above balance, amount + fee above balance, bad amounts', async () => {
    const ghost = tronAccount(7);
    expect(await codeOf(prepareTrxTransfer(api, { from: ghost.address, to: bob.address, amountSun: 1n }))).toBe('ACCOUNT_NOT_ACTIVATED');
    node.setBalance(alice.address, 5n * TRX);
    expect(await codeOf(prepareTrxTransfer(api, { from: alice.address, to: bob.address, amountSun: 6n * TRX }))).toBe('INSUFFICIENT_TRX');
    // 5 TRX to a new account also costs 1.1 TRX of activation.
    const e = await prepareTrxTransfer(api, { from: alice.address, to: tronAccount(8).address, amountSun: 5n * TRX }).then(
      () => null,
      (x: unknown) => x as TronWalletError,
    );
    expect(e?.code).toBe('INSUFFICIENT_TRX');
    expect(e?.details.shortfall).toBe('1100000');
    expect(await codeOf(prepareTrxTransfer(api, { from: alice.address, to: bob.address, amountSun: 0n }))).toBe('INVALID_AMOUNT');
    expect(await codeOf(prepareTrxTransfer(api, { from: alice.address, to: alice.address, amountSun: 1n }))).toBe('INVALID_ADDRESS');
    expect(await codeOf(prepareTrxTransfer(api, { from: alice.address, to: '41a614f803b6fd780986a42c78ec9c7f77e6ded13c', amountSun: 1n }))).toBe('INVALID_ADDRESS');
  });
});

describe('TRC-20 (USDT preset) transfer', () => {
  it('estimates energy, verifies call data and fee_limit, signs, broadcasts; token balances move and the burn matches', async () => {
    node.setBalance(alice.address, 50n * TRX);
    node.setTokenBalance(USDT_MAINNET.contract, alice.address, 1_000_000_000n);
    const p = await prepareTrc20Transfer(api, { from: alice.address, to: bob.address, contract: USDT_MAINNET.contract, amount: 12_500_000n });
    expect(p.decimals).toBe(6);
    expect(p.tokenBalance).toBe(1_000_000_000n);
    expect(p.fee.energy).toBe(64_285n);
    expect(p.fee.feeLimitSun).toBe((64_285n * 210n * 12n + 9n) / 10n);
    expect(p.fee.energyBurnSun).toBe(64_285n * 210n);
    const v = p.decoded.contracts[0]?.value;
    expect(v?.type === 'TriggerSmartContract' && v.call).toEqual({ method: 'transfer', to: bob.address, amount: 12_500_000n });
    const signed = signTronTransaction(p.transaction, alice.secretKey);
    expect(tronwebSigner(signed.txID, signed.signature[0]!)).toBe(alice.hexAddress);
    expect(signed.signature[0]).toBe(tronwebSignature(p.transaction, alice.privateKeyHex));
    const conf = await waitForTronTransaction(api, await broadcastTronTransaction(api, signed), { pollMs: 10 });
    expect(conf.status).toBe('confirmed');
    expect(node.tokenBalance(USDT_MAINNET.contract, bob.address)).toBe(12_500_000n);
    expect(node.tokenBalance(USDT_MAINNET.contract, alice.address)).toBe(987_500_000n);
    expect(conf.status === 'confirmed' && conf.info.feeSun).toBe(p.fee.totalSun);
    expect(node.balance(alice.address)).toBe(50n * TRX - p.fee.totalSun);

    // Second transfer: existing holder (less energy), partly paid by staked energy.
    node.setResources(alice.address, { energyLimit: 20_000n, energyUsed: 0n });
    const again = await prepareTrc20Transfer(api, { from: alice.address, to: bob.address, contract: USDT_MAINNET.contract, amount: 1n });
    expect(again.fee.energy).toBe(29_631n);
    expect(again.fee.energyBurnSun).toBe((29_631n - 20_000n) * 210n);
    const c2 = await waitForTronTransaction(api, await broadcastTronTransaction(api, signTronTransaction(again.transaction, alice.secretKey)), { pollMs: 10 });
    expect(c2.status === 'confirmed' && c2.info.feeSun).toBe(again.fee.totalSun);

    const balances = await getTronBalances(api, alice.address, [USDT_MAINNET]);
    expect(balances.tokens).toEqual([{ token: USDT_MAINNET, amount: 987_499_999n, uiAmount: '987.499999' }]);
    expect(balances.resources.energyLimit).toBe(20_000n);
  });

  it('reads decimals from an unlisted token and refuses non-tokens, insufficient tokens, no TRX for energy', async () => {
    const tok = node.deployTrc20('TST', 18, undefined);
    node.setBalance(alice.address, 50n * TRX);
    node.setTokenBalance(tok, alice.address, 10n ** 18n);
    const p = await prepareTrc20Transfer(api, { from: alice.address, to: bob.address, contract: tok, amount: 10n ** 17n });
    expect(p.decimals).toBe(18);
    expect(await codeOf(prepareTrc20Transfer(api, { from: alice.address, to: bob.address, contract: bob.address, amount: 1n }))).toBe('NOT_A_TRC20');
    expect(await codeOf(prepareTrc20Transfer(api, { from: alice.address, to: bob.address, contract: tok, amount: 2n * 10n ** 18n }))).toBe('INSUFFICIENT_TOKEN');
    node.setBalance(carol.address, 1n * TRX);
    node.setTokenBalance(tok, carol.address, 5n);
    expect(await codeOf(prepareTrc20Transfer(api, { from: carol.address, to: bob.address, contract: tok, amount: 1n }))).toBe('INSUFFICIENT_TRX_FOR_FEE');
  });
});

describe('a node that lies is refused before anything is signed', () => {
  const cases: [TamperMode, 'trx' | 'trc20', string][] = [
    ['to', 'trx', 'TRANSACTION_MISMATCH'],
    ['amount', 'trx', 'TRANSACTION_MISMATCH'],
    ['owner', 'trx', 'TRANSACTION_MISMATCH'],
    ['hexOnly', 'trx', 'RAW_DATA_JSON_MISMATCH'],
    ['txid', 'trx', 'TXID_MISMATCH'],
    ['memo', 'trx', 'TRANSACTION_MISMATCH'],
    ['to', 'trc20', 'TRANSACTION_MISMATCH'],
    ['amount', 'trc20', 'TRANSACTION_MISMATCH'],
    ['hexOnly', 'trc20', 'RAW_DATA_JSON_MISMATCH'],
    ['feeLimit', 'trc20', 'TRANSACTION_MISMATCH'],
  ];
  for (const [mode, kind, code] of cases) {
    it(`${kind}: tamper "${mode}" → ${code}`, async () => {
      node.setBalance(alice.address, 100n * TRX);
      node.setTokenBalance(USDT_MAINNET.contract, alice.address, 1_000_000n);
      node.tamper = mode;
      const before = node.calls.filter((c) => c.endsWith('broadcasttransaction')).length;
      const p =
        kind === 'trx'
          ? prepareTrxTransfer(api, { from: alice.address, to: bob.address, amountSun: 1000n })
          : prepareTrc20Transfer(api, { from: alice.address, to: bob.address, contract: USDT_MAINNET.contract, amount: 1000n });
      const err = await p.then(
        () => null,
        (e: unknown) => e as TronWalletError,
      );
      expect(err).toBeInstanceOf(TronWalletError);
      expect(err?.code).toBe(code);
      if (mode === 'to' && kind === 'trx') expect(err?.details.field).toBe('to_address');
      expect(node.calls.filter((c) => c.endsWith('broadcasttransaction')).length).toBe(before);
    });
  }
});

describe('signTronTransaction', () => {
  it('refuses another account’s transaction, a forged txID and double signing', async () => {
    node.setBalance(alice.address, 100n * TRX);
    const p = await prepareTrxTransfer(api, { from: alice.address, to: bob.address, amountSun: 5n });
    const e = (() => {
      try {
        signTronTransaction(p.transaction, bob.secretKey);
      } catch (x) {
        return x as TronWalletError;
      }
      return null;
    })();
    expect(e?.code).toBe('WRONG_OWNER');
    expect(() => signTronTransaction({ ...p.transaction, txID: '00'.repeat(32) }, alice.secretKey)).toThrow(/not the hash of raw_data_hex/);
    const signed = signTronTransaction(p.transaction, alice.secretKey);
    expect(() => signTronTransaction(signed, alice.secretKey)).toThrow(TronWalletError);
    expect(() => signTronTransaction(p.transaction, new Uint8Array(32))).toThrow(/valid 32-byte secp256k1/);
  });

  it('a node refusal is a typed TronApiError with the cleaned message', async () => {
    await expect(api.createTransaction({ owner: alice.address, to: bob.address, amountSun: 10n ** 15n })).rejects.toSatisfy(
      (e: unknown) => e instanceof TronApiError && e.kind === 'node' && e.message === 'Validate TransferContract error, balance is not sufficient.',
    );
  });
});
