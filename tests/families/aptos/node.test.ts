/**
 * The loopback Aptos node against @aptos-labs/ts-sdk's own client: what the SDK builds, simulates,
 * signs and submits is accepted and applied; a bad signature, a replayed sequence number, a
 * wrong chain id and trailing bytes are refused with the node's error shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, Aptos, AptosConfig, Ed25519PrivateKey, Network, AccountAuthenticatorEd25519, Ed25519Signature, SignedTransaction, TransactionAuthenticatorEd25519, ChainId, RawTransaction } from '@aptos-labs/ts-sdk';
import { startAptosNode, GAS_CREATE_ACCOUNT, GAS_TRANSFER, type AptosTestNode } from '../../support/aptosNode';

let node: AptosTestNode;
let aptos: Aptos;
const alice = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey('0x' + '11'.repeat(32)) });
const bob = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey('0x' + '22'.repeat(32)) });

beforeAll(async () => {
  node = await startAptosNode();
  aptos = new Aptos(new AptosConfig({ network: Network.CUSTOM, fullnode: node.url }));
  node.fund(alice.accountAddress.toString(), 10_000_000_000n);
});
afterAll(() => node.stop());

async function submitRaw(bytes: Uint8Array): Promise<Response> {
  return fetch(`${node.url}/transactions`, { method: 'POST', headers: { 'content-type': 'application/x.aptos.signed_transaction+bcs' }, body: Buffer.from(bytes) });
}

describe('aptos test node', () => {
  it('answers ledger info with its chain id', async () => {
    expect(await aptos.getChainId()).toBe(4);
    expect((await aptos.getLedgerInfo()).chain_id).toBe(4);
  });

  it('accepts an SDK-built APT transfer to a new account and applies it', async () => {
    const tx = await aptos.transaction.build.simple({ sender: alice.accountAddress, data: { function: '0x1::aptos_account::transfer', functionArguments: [bob.accountAddress, 150_000_000n] } });
    const [sim] = await aptos.transaction.simulate.simple({ signerPublicKey: alice.publicKey, transaction: tx });
    expect(sim!.success).toBe(true);
    expect(sim!.gas_used).toBe(String(GAS_CREATE_ACCOUNT));
    expect(node.exists(bob.accountAddress.toString())).toBe(false);
    const pending = await aptos.signAndSubmitTransaction({ signer: alice, transaction: tx });
    const done = await aptos.waitForTransaction({ transactionHash: pending.hash });
    expect(done.success).toBe(true);
    expect(node.balance(bob.accountAddress.toString())).toBe(150_000_000n);
    expect(node.balance(alice.accountAddress.toString())).toBe(10_000_000_000n - 150_000_000n - GAS_CREATE_ACCOUNT * BigInt(tx.rawTransaction.gas_unit_price));
    expect(await aptos.getAccountAPTAmount({ accountAddress: bob.accountAddress })).toBe(150_000_000);
    expect(node.sequenceNumber(alice.accountAddress.toString())).toBe(1n);
  });

  it('transfers a fungible asset and reads its balance by view function', async () => {
    const meta = node.createAsset('0xbeef', { name: 'Tether USD', symbol: 'USDt', decimals: 6, icon_uri: '', project_uri: '' });
    node.setAssetBalance(meta, alice.accountAddress.toString(), 5_000_000n);
    const tx = await aptos.transaction.build.simple({ sender: alice.accountAddress, data: { function: '0x1::primary_fungible_store::transfer', typeArguments: ['0x1::fungible_asset::Metadata'], functionArguments: [meta, bob.accountAddress, 1_250_000n] } });
    const pending = await aptos.signAndSubmitTransaction({ signer: alice, transaction: tx });
    await aptos.waitForTransaction({ transactionHash: pending.hash });
    expect(node.assetBalance(meta, bob.accountAddress.toString())).toBe(1_250_000n);
    const [bal] = await aptos.view({ payload: { function: '0x1::primary_fungible_store::balance', typeArguments: ['0x1::fungible_asset::Metadata'], functionArguments: [bob.accountAddress.toString(), meta] } });
    expect(bal).toBe('1250000');
  });

  it('refuses a bad signature, a replay, a wrong chain id and trailing bytes', async () => {
    const tx = await aptos.transaction.build.simple({ sender: alice.accountAddress, data: { function: '0x1::aptos_account::transfer', functionArguments: [bob.accountAddress, 1n] } });
    const auth = aptos.transaction.sign({ signer: alice, transaction: tx }) as AccountAuthenticatorEd25519;
    const sig = auth.signature.toUint8Array().slice();
    sig[0] = sig[0]! ^ 1;
    const bad = new SignedTransaction(tx.rawTransaction, new TransactionAuthenticatorEd25519(auth.public_key, new Ed25519Signature(sig))).bcsToBytes();
    let r = await submitRaw(bad);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toContain('INVALID_SIGNATURE');

    const good = new SignedTransaction(tx.rawTransaction, new TransactionAuthenticatorEd25519(auth.public_key, auth.signature)).bcsToBytes();
    r = await submitRaw(Uint8Array.from([...good, 0]));
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toContain('trailing');
    r = await submitRaw(good);
    expect(r.status).toBe(202);
    r = await submitRaw(good);
    expect(((await r.json()) as { message: string }).message).toContain('SEQUENCE_NUMBER_TOO_OLD');

    const raw = tx.rawTransaction;
    const other = new RawTransaction(raw.sender, raw.sequence_number + 1n, raw.payload, raw.max_gas_amount, raw.gas_unit_price, raw.expiration_timestamp_secs, new ChainId(1));
    const otherTx = { rawTransaction: other } as typeof tx;
    const otherAuth = aptos.transaction.sign({ signer: alice, transaction: otherTx }) as AccountAuthenticatorEd25519;
    r = await submitRaw(new SignedTransaction(other, new TransactionAuthenticatorEd25519(otherAuth.public_key, otherAuth.signature)).bcsToBytes());
    expect(((await r.json()) as { message: string }).message).toContain('BAD_CHAIN_ID');
    expect(node.submitted.filter((s) => s.success)).toHaveLength(3);
    expect(GAS_TRANSFER).toBeGreaterThan(0n);
  });
});
