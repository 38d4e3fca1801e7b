/**
 * Balances for the popup: SOL of an account and its SPL token holdings across Token and
 * Token-2022, summed per mint (an owner can hold several accounts of one mint), with decimals.
 */
import { formatUnits } from './errors.ts';
import type { SolanaRpc, TokenAccountEntry } from './rpc.ts';
import type { TokenProgramKind } from './programs.ts';

export interface SolanaTokenBalance {
  mint: string;
  program: TokenProgramKind;
  decimals: number;
  /** Sum over the owner's accounts of this mint, in base units. */
  amount: bigint;
  /** Exact decimal string of `amount`. */
  uiAmount: string;
  accounts: { address: string; amount: bigint; frozen: boolean }[];
}

export async function getSolBalance(rpc: SolanaRpc, address: string): Promise<bigint> {
  return rpc.getBalance(address);
}

/** Token holdings of `owner` in both token programs, largest first within each program; zero balances kept. */
export async function getSolanaTokenBalances(rpc: SolanaRpc, owner: string): Promise<SolanaTokenBalance[]> {
  const [classic, t22] = await Promise.all([
    rpc.getTokenAccountsByOwner(owner, { program: 'token' }),
    rpc.getTokenAccountsByOwner(owner, { program: 'token-2022' }),
  ]);
  const byMint = new Map<string, SolanaTokenBalance>();
  const add = (e: TokenAccountEntry): void => {
    const key = `${e.program}:${e.mint}`;
    const cur = byMint.get(key) ?? { mint: e.mint, program: e.program, decimals: e.decimals, amount: 0n, uiAmount: '0', accounts: [] };
    cur.amount += e.amount;
    cur.accounts.push({ address: e.pubkey, amount: e.amount, frozen: e.state === 'frozen' });
    cur.uiAmount = formatUnits(cur.amount, cur.decimals);
    byMint.set(key, cur);
  };
  for (const e of [...classic, ...t22]) add(e);
  return [...byMint.values()].sort((a, b) => (a.amount === b.amount ? a.mint.localeCompare(b.mint) : a.amount > b.amount ? -1 : 1));
}
