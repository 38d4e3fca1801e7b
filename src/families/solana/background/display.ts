/**
 * Pure helpers of the Solana dApp handler: the approval window's view of a transaction preview
 * (instructions in words, fees, simulated balance changes, or why there is no simulation), the
 * wallet's outgoing transfers in it (for the risk engine and the activity list), and conversion of
 * core warnings to the approval record's warning shape. No browser API, no keys.
 */
import { formatLamports, formatUnits } from '../core/errors';
import type { DecodedInstruction } from '../core/decode';
import type { BalanceChange } from '../core/balanceChanges';
import type { SolanaTransactionPreview } from '../core/preview';
import type { RiskWarning } from '../../../protocol/approvals';

const short = (a: string): string => (a.length > 12 ? `${a.slice(0, 4)}…${a.slice(-4)}` : a);

/** mint → "SYMBOL (Name)" from on-chain metadata; the mint is always shown beside it. */
export type TokenLabels = ReadonlyMap<string, string>;
const NO_LABELS: TokenLabels = new Map();

function tokenName(mint: string, labels: TokenLabels): string {
  const label = labels.get(mint);
  return label ? `${label} ${mint}` : mint;
}

function tokenAmount(amount: bigint, decimals: number | undefined, mint: string | undefined, labels: TokenLabels = NO_LABELS): string {
  const value = decimals === undefined ? `${amount} base units` : formatUnits(amount, decimals);
  return mint ? `${value} of token ${tokenName(mint, labels)}` : `${value} (token)`;
}

/** Every mint a preview names (instructions and simulated balance changes), for label look-ups. */
export function mintsOf(p: SolanaTransactionPreview): string[] {
  const out = new Set<string>();
  for (const ix of p.instructions) if ('mint' in ix && typeof ix.mint === 'string') out.add(ix.mint);
  if (p.simulation.status === 'ok') for (const c of p.simulation.balanceChanges) if (c.mint) out.add(c.mint);
  return [...out];
}

/** One decoded instruction in words; addresses in full where the user must check them. */
export function describeInstruction(ix: DecodedInstruction, labels: TokenLabels = NO_LABELS): string {
  const program = ix.programName ?? ix.programId;
  switch (ix.type) {
    case 'systemTransfer':
    case 'systemTransferWithSeed':
      return `Transfer ${formatLamports(ix.lamports)} SOL from ${ix.from} to ${ix.to}`;
    case 'systemCreateAccount':
      return `Create account ${ix.newAccount} (${ix.space} bytes, owner ${ix.owner}) funded with ${formatLamports(ix.lamports)} SOL by ${ix.from}`;
    case 'systemAssign':
      return `Assign account ${ix.account} to program ${ix.owner}`;
    case 'systemAllocate':
      return `Allocate ${ix.space} bytes for ${ix.account}`;
    case 'advanceNonce':
      return `Advance durable nonce ${ix.nonceAccount}`;
    case 'withdrawNonce':
      return `Withdraw ${formatLamports(ix.lamports)} SOL from nonce account ${ix.nonceAccount} to ${ix.to}`;
    case 'system':
      return `System program: ${ix.name}`;
    case 'splTransfer':
      return `Transfer ${tokenAmount(ix.amount, ix.decimals, ix.mint, labels)} from token account ${ix.source} to ${ix.destination} (authority ${ix.authority})`;
    case 'splApprove':
      return `Approve ${ix.delegate} to spend ${ix.unlimited ? 'ALL' : tokenAmount(ix.amount, ix.decimals, ix.mint, labels)} from token account ${ix.source}`;
    case 'splRevoke':
      return `Revoke the delegate of token account ${ix.source}`;
    case 'splSetAuthority':
      return `Set ${ix.authorityType} authority of ${ix.account} to ${ix.newAuthority ?? 'nobody'}`;
    case 'splCloseAccount':
      return `Close token account ${ix.account}, rent to ${ix.destination}`;
    case 'splBurn':
      return `Burn ${tokenAmount(ix.amount, ix.decimals, ix.mint, labels)} from ${ix.account}`;
    case 'splMintTo':
      return `Mint ${tokenAmount(ix.amount, ix.decimals, ix.mint, labels)} to ${ix.destination}`;
    case 'spl':
      return `${program}: ${ix.name}`;
    case 'ataCreate':
      return `Create the token account of ${ix.owner} for mint ${tokenName(ix.mint, labels)}${ix.idempotent ? ' (if missing)' : ''}`;
    case 'computeUnitLimit':
      return `Compute unit limit ${ix.units}`;
    case 'computeUnitPrice':
      return `Compute unit price ${ix.microLamports} micro-lamports`;
    case 'computeBudget':
      return `Compute budget: ${ix.name}`;
    case 'memo':
      return `Memo: ${ix.text.slice(0, 500)}`;
    case 'unknown':
      return `Call program ${ix.programId} with ${ix.accounts.length} accounts and ${ix.dataLength} bytes of data`;
  }
}

function describeChange(c: BalanceChange, wallet: string, labels: TokenLabels): string {
  const who = c.owner === wallet ? 'You' : c.owner;
  const sign = c.delta > 0n ? '+' : '';
  const amount = c.asset === 'SOL' ? `${sign}${formatLamports(c.delta)} SOL` : `${sign}${c.decimals === undefined ? `${c.delta} base units` : formatUnits(c.delta, c.decimals)} of token ${c.mint ? tokenName(c.mint, labels) : '?'}`;
  return `${who}: ${amount}`;
}

/** The balance-changes line of the approval: simulated changes, or why there are none. */
export function describeSimulation(p: SolanaTransactionPreview, wallet: string, labels: TokenLabels = NO_LABELS): string | string[] {
  const s = p.simulation;
  if (s.status === 'unavailable') return `Not simulated: the network did not answer (${s.reason.slice(0, 200)})`;
  if (s.status === 'failed') return `Simulation failed: ${s.errorText.slice(0, 300)}`;
  if (s.balanceChanges.length === 0) return 'No balance changes (simulated)';
  // The wallet's own changes first.
  const sorted = [...s.balanceChanges].sort((a, b) => Number(b.owner === wallet) - Number(a.owner === wallet));
  return sorted.map((c) => describeChange(c, wallet, labels));
}

/** Display-ready (JSON-safe: no bigint) view of one transaction for the approval window. */
export function transactionDisplay(p: SolanaTransactionPreview, wallet: string, labels: TokenLabels = NO_LABELS): Record<string, unknown> {
  const fee = p.networkFeeLamports === null ? 'unknown' : `${formatLamports(p.networkFeeLamports)} SOL`;
  return {
    'balance changes': describeSimulation(p, wallet, labels),
    instructions: p.instructions.map((ix) => describeInstruction(ix, labels)),
    'network fee': p.priorityFeeLamports > 0n && p.networkFeeLamports === null ? `unknown (priority fee ${formatLamports(p.priorityFeeLamports)} SOL)` : fee,
    'fee payer': p.feePayer === wallet ? `${p.feePayer} (you)` : p.feePayer,
    version: p.version === 'legacy' ? 'legacy' : 'v0',
    signers: p.requiredSigners.length,
  };
}

export interface OutgoingTransfer {
  asset: 'SOL' | 'token';
  to: string;
  /** Base units (lamports for SOL). */
  amount: bigint;
  mint?: string;
  decimals?: number;
}

/** Transfers out of the wallet in the decoded instructions (SOL from it, tokens it authorizes). */
export function outgoingTransfers(instructions: readonly DecodedInstruction[], wallet: string): OutgoingTransfer[] {
  const out: OutgoingTransfer[] = [];
  for (const ix of instructions) {
    if ((ix.type === 'systemTransfer' || ix.type === 'systemTransferWithSeed') && ix.from === wallet) out.push({ asset: 'SOL', to: ix.to, amount: ix.lamports });
    else if (ix.type === 'splTransfer' && ix.authority === wallet) {
      out.push({ asset: 'token', to: ix.destination, amount: ix.amount, ...(ix.mint !== undefined ? { mint: ix.mint } : {}), ...(ix.decimals !== undefined ? { decimals: ix.decimals } : {}) });
    }
  }
  return out;
}

/** Sum of SOL sent out of the wallet and its first recipient (for the risk engine). */
export function solOutflow(transfers: readonly OutgoingTransfer[]): { lamports: bigint; to?: string } {
  const sol = transfers.filter((t) => t.asset === 'SOL');
  return { lamports: sol.reduce((a, t) => a + t.amount, 0n), ...(sol[0] ? { to: sol[0].to } : {}) };
}

/** Core warnings (params may hold booleans) → the approval record's warning shape. */
export function toApprovalWarnings(list: ReadonlyArray<{ code: string; severity: RiskWarning['severity']; params?: Record<string, string | number | boolean> }>): RiskWarning[] {
  return list.map((w) => {
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(w.params ?? {})) params[k] = typeof v === 'boolean' ? String(v) : v;
    return { code: w.code, severity: w.severity, params };
  });
}

/** Short account label for titles. */
export const shortAddress = short;
