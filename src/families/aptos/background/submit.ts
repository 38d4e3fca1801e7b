/**
 * Simulating, signing and submitting an entry function for the selected account — shared by the
 * popup's send and the dApp's signAndSubmitTransaction. The sequence number and gas price come from
 * the node; gas is the simulation's (an all-zero signature, as the node requires) with headroom;
 * the transaction expires a minute after it is signed. The key is lent only for the signature.
 */
import type { FamilyContext } from '../../types';
import { maxGasFromSimulation, rawTransaction } from '../core/build.ts';
import type { AptosClient, UserTransaction } from '../core/client.ts';
import { AptosError } from '../core/errors.ts';
import { hexToBytes } from '../../../core/derive/bytes.ts';
import { encodeRawTransaction, signEd25519, signedTransactionBytes, signingMessage, simulationBytes, transactionHash, type EntryFunction } from '../core/transaction.ts';
import type { SimulationFacts } from '../core/risk.ts';
import type { AptosNode } from './node.ts';

/** Gas the simulation may use at most (the node also caps it by the balance). */
const SIMULATION_MAX_GAS = 100_000n;
const POLL_MS = 1_000;
const SETTLE_TIMEOUT_MS = 90_000;

export interface Simulated {
  gasUsed: bigint;
  gasUnitPrice: bigint;
  maxGasAmount: bigint;
  facts: SimulationFacts;
}

export const publicKeyBytes = (hex: string): Uint8Array => hexToBytes(hex.replace(/^0x/, ''));

async function sequenceOf(client: AptosClient, address: string): Promise<bigint> {
  const acc = await client.account(address);
  if (!acc) throw new AptosError('INSUFFICIENT_FUNDS', 'This account does not exist on chain yet: it needs to receive APT before it can send');
  return BigInt(acc.sequence_number);
}

/** Simulates the call as the account; refuses when the account cannot pay for any gas. */
export async function simulate(node: AptosNode, sender: string, publicKeyHex: string, payload: EntryFunction, aptBalance: bigint, gasUnitPrice?: bigint): Promise<Simulated> {
  const price = gasUnitPrice ?? (await node.client.gasPrice());
  const affordable = price > 0n ? aptBalance / price : 0n;
  if (affordable < 10n) throw new AptosError('INSUFFICIENT_FUNDS', 'Not enough APT to pay the network fee');
  const maxGas = affordable < SIMULATION_MAX_GAS ? affordable : SIMULATION_MAX_GAS;
  const raw = rawTransaction({ sender, sequenceNumber: await sequenceOf(node.client, sender), payload, maxGasAmount: maxGas, gasUnitPrice: price, nowSecs: Date.now() / 1000, chainId: node.chainId });
  const sim: UserTransaction = await node.client.simulate(simulationBytes(encodeRawTransaction(raw), publicKeyBytes(publicKeyHex)));
  const gasUsed = BigInt(sim.gas_used ?? '0');
  return {
    gasUsed,
    gasUnitPrice: price,
    maxGasAmount: maxGasFromSimulation(gasUsed),
    facts: { success: sim.success === true, vmStatus: String(sim.vm_status ?? ''), eventTypes: (sim.events ?? []).map((e) => String(e.type)) },
  };
}

export interface Submitted {
  hash: string;
  settled: Promise<boolean>;
}

/** Builds with a fresh sequence number and expiration, signs with the lent key, submits. */
export async function signAndSubmit(ctx: FamilyContext, node: AptosNode, payload: EntryFunction, gas: { maxGasAmount: bigint; gasUnitPrice: bigint }): Promise<Submitted> {
  const raw = rawTransaction({ sender: ctx.address, sequenceNumber: await sequenceOf(node.client, ctx.address), payload, ...gas, nowSecs: Date.now() / 1000, chainId: node.chainId });
  const bytes = encodeRawTransaction(raw);
  const signed = await ctx.withKey(async (k) => {
    const { publicKey, signature } = signEd25519(signingMessage(bytes), k.secretKey);
    return signedTransactionBytes(bytes, publicKey, signature);
  });
  const hash = transactionHash(signed);
  await node.client.submit(signed);
  return { hash, settled: waitCommitted(node.client, hash) };
}

/** True when the transaction committed successfully, false when it failed or never committed. */
export async function waitCommitted(client: AptosClient, hash: string): Promise<boolean> {
  const end = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < end) {
    const tx = await client.transaction(hash).catch(() => null);
    if (tx && tx.type !== 'pending_transaction') return tx.success === true;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return false;
}
