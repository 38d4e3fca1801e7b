/**
 * Pre-flight simulation of a dApp transaction, run even when the dApp supplies its own gas limit
 * (that is exactly when a doomed transaction used to be signed without a word): eth_call at the
 * pending block tells whether it reverts and why, eth_estimateGas whether the given gas suffices.
 * The revert reason is decoded: Error(string), Panic(uint256) with its meaning, otherwise the
 * custom error's 4-byte selector.
 */
import { decodeAbiParameters, type Address, type Hex } from 'viem';
import { RpcError, type RpcClient } from './rpc.ts';

export type RevertReason =
  | { kind: 'error'; message: string }
  | { kind: 'panic'; code: bigint; meaning: string }
  | { kind: 'custom'; selector: Hex; data: Hex }
  | { kind: 'none' };

export interface SimulationInput {
  from: Address;
  to?: Address;
  value: bigint;
  data?: Hex;
  /** The gas limit that will be signed (the dApp's, or our estimate). */
  gas: bigint;
}

export type SimulationResult =
  | { ok: true; estimate: bigint; gasTooLow: boolean }
  | { ok: false; reverted: true; reason: RevertReason; text: string }
  /** The node could not be asked (unreachable, odd answer): say so, decide nothing. */
  | { ok: false; reverted: false; text: string };

const ERROR_SELECTOR = '0x08c379a0';
const PANIC_SELECTOR = '0x4e487b71';

/** Solidity's panic codes (docs.soliditylang.org, "Panic via assert and error via require"). */
const PANIC_MEANINGS: Readonly<Record<number, string>> = {
  0x00: 'generic compiler panic',
  0x01: 'assertion failed',
  0x11: 'arithmetic overflow or underflow',
  0x12: 'division or modulo by zero',
  0x21: 'invalid enum value',
  0x22: 'corrupt storage byte array',
  0x31: 'pop from an empty array',
  0x32: 'array index out of bounds',
  0x41: 'out of memory',
  0x51: 'call to an uninitialised function',
};

/** Decodes revert data returned by a node. */
export function decodeRevert(data: Hex | undefined): RevertReason {
  if (!data || data === '0x' || !/^0x([0-9a-fA-F]{2})*$/.test(data)) return { kind: 'none' };
  const selector = data.slice(0, 10).toLowerCase() as Hex;
  const body = `0x${data.slice(10)}` as Hex;
  try {
    if (selector === ERROR_SELECTOR) return { kind: 'error', message: decodeAbiParameters([{ type: 'string' }], body)[0] };
    if (selector === PANIC_SELECTOR) {
      const code = decodeAbiParameters([{ type: 'uint256' }], body)[0];
      return { kind: 'panic', code, meaning: PANIC_MEANINGS[Number(code)] ?? 'unknown panic code' };
    }
  } catch {
    // malformed payload: fall through to the selector
  }
  if (data.length < 10) return { kind: 'none' };
  return { kind: 'custom', selector, data: data.toLowerCase() as Hex };
}

/** One line for the approval window (and the dApp's error, if it asks). */
export function revertText(r: RevertReason): string {
  switch (r.kind) {
    case 'error':
      // Shown in the approval window: keep it bounded and free of control characters.
      // eslint-disable-next-line no-control-regex
      return `Error: ${r.message.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ').slice(0, 200)}`;
    case 'panic':
      return `Panic 0x${r.code.toString(16)} (${r.meaning})`;
    case 'custom':
      return `custom error ${r.selector}`;
    case 'none':
      return 'no reason given';
  }
}

/** Revert data from a node error: `data` as hex, or nested `{ data }` as some nodes send it. */
function revertDataOf(err: RpcError): Hex | undefined {
  const d = err.data as unknown;
  if (typeof d === 'string' && d.startsWith('0x')) return d as Hex;
  if (d && typeof d === 'object' && typeof (d as { data?: unknown }).data === 'string') return (d as { data: Hex }).data;
  return undefined;
}

/** A node's answer that means "this execution reverts" (EIP-1474 code 3, or the geth/anvil text). */
function isRevert(err: unknown): err is RpcError {
  return err instanceof RpcError && err.kind === 'rpc' && (err.code === 3 || /revert|out of gas|invalid opcode/i.test(err.message));
}

function callObject(tx: SimulationInput): Record<string, string> {
  return {
    from: tx.from,
    ...(tx.to ? { to: tx.to } : {}),
    value: `0x${tx.value.toString(16)}`,
    ...(tx.data ? { data: tx.data } : {}),
  };
}

/**
 * eth_call at "pending" (without the gas limit, so a revert reports its own reason rather than an
 * out-of-gas), then eth_estimateGas; gasTooLow when the estimate exceeds the gas to be signed.
 */
export async function simulateTransaction(rpc: RpcClient, tx: SimulationInput): Promise<SimulationResult> {
  const call = callObject(tx);
  try {
    await rpc.request('eth_call', [call, 'pending']);
  } catch (err) {
    if (isRevert(err)) {
      const reason = decodeRevert(revertDataOf(err));
      return { ok: false, reverted: true, reason, text: reason.kind === 'none' && !/^execution reverted$/i.test(err.message) ? err.message.slice(0, 200) : revertText(reason) };
    }
    return { ok: false, reverted: false, text: err instanceof Error ? err.message.slice(0, 200) : 'simulation failed' };
  }
  try {
    const estimate = BigInt(await rpc.request<string>('eth_estimateGas', [call, 'pending']));
    return { ok: true, estimate, gasTooLow: estimate > tx.gas };
  } catch (err) {
    if (isRevert(err)) {
      const reason = decodeRevert(revertDataOf(err));
      return { ok: false, reverted: true, reason, text: revertText(reason) };
    }
    return { ok: false, reverted: false, text: err instanceof Error ? err.message.slice(0, 200) : 'simulation failed' };
  }
}

/** The approval window's warnings for a simulation result. */
export function simulationWarnings(sim: SimulationResult, gas: bigint): Array<{ code: string; severity: 'danger' | 'warning'; params: Record<string, string> }> {
  if (sim.ok) return sim.gasTooLow ? [{ code: 'GAS_TOO_LOW', severity: 'danger', params: { gas: gas.toString(), needed: sim.estimate.toString() } }] : [];
  if (sim.reverted) return [{ code: 'TX_WILL_REVERT', severity: 'danger', params: { reason: sim.text } }];
  return [{ code: 'SIMULATION_FAILED', severity: 'warning', params: { error: sim.text } }];
}
