/**
 * The approval window's view of a dApp transaction: parse the wire bytes (refusing malformed ones
 * and ones the wallet need not sign), resolve address lookup tables, decode the instructions, ask
 * the node for the fee and a simulation, and turn the simulated account states into balance
 * changes. A node that is down or refuses to simulate degrades the preview; it never blocks it.
 */
import { AddressLookupTableAccount, PublicKey } from '@solana/web3.js';
import type { RiskWarning } from '../../../core/risk/types.ts';
import { decodeSolanaMessage, resolveAccountKeys, type DecodedInstruction, type DecodeWarning } from './decode.ts';
import { computeBalanceChanges, type BalanceChange } from './balanceChanges.ts';
import { SolanaRpcError } from './errors.ts';
import type { SolanaRpc, SolanaAccountInfo } from './rpc.ts';
import { signerIndexOf } from './sign.ts';
import { decodeMint, decodeTokenAccount } from './tokenLayout.ts';
import { parseWireTransaction } from './wire.ts';

/** At most this many writable accounts are simulated for balance changes. */
const MAX_SIMULATED_ACCOUNTS = 64;

export type PreviewWarningCode = 'BLOCKHASH_NOT_FOUND' | 'SIMULATION_FAILED' | 'SIMULATION_UNAVAILABLE' | 'NOT_FEE_PAYER';
export type PreviewWarning = DecodeWarning | RiskWarning<PreviewWarningCode>;

export type SimulationPreview =
  | { status: 'ok'; logs: string[]; unitsConsumed?: bigint; balanceChanges: BalanceChange[] }
  | { status: 'failed'; err: unknown; errorText: string; logs: string[] }
  | { status: 'unavailable'; reason: string };

export interface SolanaTransactionPreview {
  version: 'legacy' | 0;
  feePayer: string;
  requiredSigners: string[];
  walletSignerIndex: number;
  recentBlockhash: string;
  instructions: DecodedInstruction[];
  warnings: PreviewWarning[];
  /** From getFeeForMessage (signatures + priority fee); null when the node did not know the blockhash or was unreachable. */
  networkFeeLamports: bigint | null;
  priorityFeeLamports: bigint;
  simulation: SimulationPreview;
}

/** A short human-readable form of a node's transaction error ("InstructionError #1: Custom(1)"). */
export function describeTransactionError(err: unknown): string {
  if (typeof err === 'string') return err;
  if (typeof err === 'object' && err !== null) {
    const ie = (err as { InstructionError?: unknown }).InstructionError;
    if (Array.isArray(ie)) {
      const [i, e] = ie as [unknown, unknown];
      const inner = typeof e === 'string' ? e : JSON.stringify(e, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      return `InstructionError #${String(i)}: ${inner}`;
    }
    return JSON.stringify(err, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  }
  return String(err);
}

async function fetchLookupTables(rpc: SolanaRpc, tables: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (tables.length === 0) return out;
  const accounts = await rpc.getMultipleAccounts(tables, 'base64');
  accounts.forEach((a, i) => {
    const table = tables[i];
    if (!a || table === undefined || a.data.encoding !== 'base64') return;
    try {
      const state = AddressLookupTableAccount.deserialize(a.data.bytes);
      out.set(table, state.addresses.map((k) => k.toBase58()));
    } catch {
      // not a lookup table: leave unresolved
    }
  });
  return out;
}

function isBlockhashNotFound(err: unknown): boolean {
  return err === 'BlockhashNotFound' || (typeof err === 'object' && err !== null && 'BlockhashNotFound' in err);
}

/**
 * Builds the preview. Throws SolanaWalletError for malformed bytes or when `wallet` is not a
 * required signer; RPC trouble only produces warnings. `rpc` may be null (offline preview).
 */
export async function previewSolanaTransaction(rpc: SolanaRpc | null, transaction: Uint8Array, ctx: { wallet: string }): Promise<SolanaTransactionPreview> {
  const parsed = parseWireTransaction(transaction);
  const walletSignerIndex = signerIndexOf(parsed, ctx.wallet);
  const warnings: PreviewWarning[] = [];
  if (parsed.feePayer !== ctx.wallet) warnings.push({ code: 'NOT_FEE_PAYER', severity: 'info', params: { feePayer: parsed.feePayer } });

  let lookupTables = new Map<string, string[]>();
  const tableAddresses = parsed.message.addressTableLookups.map((l) => l.accountKey.toBase58());
  if (rpc && tableAddresses.length > 0) {
    try {
      lookupTables = await fetchLookupTables(rpc, tableAddresses);
    } catch {
      // decoded with placeholders; UNRESOLVED_LOOKUP_TABLES says so
    }
  }
  const decoded = decodeSolanaMessage(parsed.message, { wallet: ctx.wallet, lookupTables });
  warnings.push(...decoded.warnings);

  const base = {
    version: parsed.version,
    feePayer: parsed.feePayer,
    requiredSigners: parsed.requiredSigners,
    walletSignerIndex,
    recentBlockhash: parsed.recentBlockhash,
    instructions: decoded.instructions,
    priorityFeeLamports: decoded.priorityFeeLamports,
  };
  if (!rpc) {
    return { ...base, warnings, networkFeeLamports: null, simulation: { status: 'unavailable', reason: 'no RPC' } };
  }

  let networkFeeLamports: bigint | null = null;
  try {
    networkFeeLamports = await rpc.getFeeForMessage(parsed.messageBytes);
  } catch {
    // the simulation below reports whether the node is usable
  }

  const { keys } = resolveAccountKeys(parsed.message, lookupTables);
  const writable = keys
    .map((k, i) => ({ k, w: parsed.message.isAccountWritable(i) }))
    .filter((x) => x.w && isPublicKey(x.k))
    .map((x) => x.k);
  const addresses = [...new Set(writable)].slice(0, MAX_SIMULATED_ACCOUNTS);

  let simulation: SimulationPreview;
  try {
    const pre = await rpc.getMultipleAccounts(addresses, 'base64');
    const sim = await rpc.simulateTransaction(transaction, { accounts: addresses, sigVerify: false, replaceRecentBlockhash: false });
    if (sim.err !== null && sim.err !== undefined) {
      if (isBlockhashNotFound(sim.err)) warnings.push({ code: 'BLOCKHASH_NOT_FOUND', severity: 'danger', params: { blockhash: parsed.recentBlockhash } });
      else warnings.push({ code: 'SIMULATION_FAILED', severity: 'danger', params: { error: describeTransactionError(sim.err) } });
      simulation = { status: 'failed', err: sim.err, errorText: describeTransactionError(sim.err), logs: sim.logs };
    } else {
      const post = sim.accounts ?? [];
      const decimals = await mintDecimals(rpc, [...pre, ...post]);
      simulation = {
        status: 'ok',
        logs: sim.logs,
        ...(sim.unitsConsumed !== undefined ? { unitsConsumed: sim.unitsConsumed } : {}),
        balanceChanges: sim.accounts ? computeBalanceChanges(addresses, pre, post, decimals) : [],
      };
    }
  } catch (err) {
    const reason = err instanceof SolanaRpcError ? `${err.kind}: ${err.message}` : err instanceof Error ? err.message : String(err);
    warnings.push({ code: 'SIMULATION_UNAVAILABLE', severity: 'warning', params: { reason } });
    simulation = { status: 'unavailable', reason };
  }
  return { ...base, warnings, networkFeeLamports, simulation };
}

function isPublicKey(k: string): boolean {
  try {
    new PublicKey(k);
    return true;
  } catch {
    return false;
  }
}

/** Decimals of the mints of the token accounts among `accounts` (best effort). */
async function mintDecimals(rpc: SolanaRpc, accounts: readonly (SolanaAccountInfo | null)[]): Promise<Map<string, number>> {
  const mints = new Set<string>();
  for (const a of accounts) {
    if (a && a.data.encoding === 'base64') {
      const t = decodeTokenAccount(a.data.bytes, a.owner);
      if (t) mints.add(t.mint);
    }
  }
  const out = new Map<string, number>();
  if (mints.size === 0) return out;
  const list = [...mints];
  try {
    const infos = await rpc.getMultipleAccounts(list, 'base64');
    infos.forEach((info, i) => {
      const mint = list[i];
      if (!info || mint === undefined || info.data.encoding !== 'base64') return;
      const m = decodeMint(info.data.bytes, info.owner);
      if (m) out.set(mint, m.decimals);
    });
  } catch {
    // decimals stay unknown; amounts are still exact in base units
  }
  return out;
}
