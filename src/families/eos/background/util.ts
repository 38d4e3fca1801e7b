/** Small helpers of the EOS background. */
import type { FamilyContext } from '../../types';
import { EosApi } from './api';

export const networkId = (ctx: Pick<FamilyContext, 'network'>): string => ctx.network.ref.slice(ctx.network.ref.indexOf(':') + 1);

// One client per node URL while the worker lives (it caches ABIs, which are public).
const clients = new Map<string, EosApi>();
export function apiOf(ctx: Pick<FamilyContext, 'network' | 'endpoint'>): EosApi {
  const k = `${ctx.network.ref}|${ctx.endpoint}`;
  let c = clients.get(k);
  if (!c) {
    c = new EosApi(ctx.network, ctx.endpoint);
    clients.set(k, c);
  }
  return c;
}

export interface TokenRef {
  contract: string;
  symbol: string;
  /** Decimals, known once a balance or the dApp said so; 4 until then. */
  precision?: number;
}

/** The tokens the user added on this network (contract + symbol), besides EOS. */
export async function tokensOf(ctx: FamilyContext): Promise<TokenRef[]> {
  const list = await ctx.storage.get<TokenRef[]>(`tokens:${networkId(ctx)}`);
  return Array.isArray(list) ? list : [];
}

export async function addToken(ctx: FamilyContext, t: TokenRef): Promise<void> {
  const list = await tokensOf(ctx);
  if (!list.some((x) => x.contract === t.contract && x.symbol === t.symbol)) await ctx.storage.set(`tokens:${networkId(ctx)}`, [...list, t]);
}

/** Contracts the user has used (sent to or signed for) on this network: the "unknown contract" rule's memory. */
export async function usedContracts(ctx: FamilyContext): Promise<Set<string>> {
  const list = await ctx.storage.get<string[]>(`contracts:${networkId(ctx)}`);
  return new Set(Array.isArray(list) ? list : []);
}

export async function rememberContracts(ctx: FamilyContext, contracts: readonly string[]): Promise<void> {
  const set = await usedContracts(ctx);
  const before = set.size;
  for (const c of contracts) set.add(c);
  if (set.size !== before) await ctx.storage.set(`contracts:${networkId(ctx)}`, [...set].slice(-500));
}

/** Recipients the user sent to on this network (look-alike checks compare new recipients with them). */
export async function knownRecipients(ctx: FamilyContext): Promise<string[]> {
  const list = await ctx.storage.get<string[]>(`recipients:${networkId(ctx)}`);
  return Array.isArray(list) ? list : [];
}

export async function rememberRecipient(ctx: FamilyContext, name: string): Promise<void> {
  const list = await knownRecipients(ctx);
  if (!list.includes(name)) await ctx.storage.set(`recipients:${networkId(ctx)}`, [...list, name].slice(-200));
}
