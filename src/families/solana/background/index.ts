/**
 * The Solana family's background module (loaded on first use through src/families/registry.ts): the
 * popup's balances (SOL and every SPL token the account holds, named and iconed from on-chain
 * metadata), the prepared send (SOL or SPL, with Solana Pay references and memo from `extra`) whose
 * plan stays in its closure, telling connected sites when the popup switched cluster or account, and
 * the dApp methods: a DappMethod table on the shared pipeline (dapp.ts), whose errors read as
 * `asProviderError` maps them.
 */
import type { FamilyBackground, FamilyBalances, FamilyContext, PreparedSend, SendRequestGeneric } from '../../types';
import type { AssetBalance } from '../../../protocol/ui';
import { WalletError } from '../../../background/errors';
import { formatUnits, parseUnits, SolanaWalletError } from '../core/errors';
import { getSolBalance, getSolanaTokenBalances } from '../core/balances';
import { confirmSolanaTransaction, sendSolanaTransaction } from '../core/send';
import { createSolanaRpc } from '../core/rpc';
import { prepareSolTransfer, prepareSplTransfer, signPreparedTransfer, type PreparedSolanaTransfer } from '../core/transfer';
import { readSolanaPayFields, solanaPayDetails, solanaPayOptions } from './payFields';
import { announceSolanaState } from './state';
import { SOLANA_DAPP } from './dapp';
import { asProviderError } from './dappParams';
import { cachedTokenDisplays, tokenDisplays, type TokenDisplay } from './tokenMetadata';

const shortMint = (m: string): string => `${m.slice(0, 4)}…${m.slice(-4)}`;

function asset(token: string | null, symbol: string, decimals: number, amount: bigint): AssetBalance {
  return { token, symbol, decimals, balance: amount.toString(), formatted: formatUnits(amount, decimals) };
}

/** The on-chain name and icon of an SPL token, when it has them (the symbol replaces the short mint). */
const labelOf = (d: TokenDisplay | undefined): Pick<AssetBalance, 'name' | 'icon'> => (d ? { ...(d.name ? { name: d.name } : {}), ...(d.icon ? { icon: d.icon } : {}) } : {});

const clusterOf = (ctx: FamilyContext): string => ctx.network.ref.slice('solana:'.length);

/** Whole units as typed → lamports / base units; the same errors the popup always showed. */
function amountOf(text: string, decimals: number): bigint {
  if (text.trim() === '') throw new WalletError('INVALID_AMOUNT', 'An amount is required');
  let v: bigint;
  try {
    v = parseUnits(text, decimals);
  } catch (err) {
    if (err instanceof SolanaWalletError && err.details.decimals !== undefined) throw new WalletError('TOO_MANY_DECIMALS', err.message, undefined, { decimals });
    throw new WalletError('INVALID_AMOUNT', 'Not a valid amount');
  }
  if (v <= 0n) throw new WalletError('INVALID_AMOUNT', 'The amount must be greater than zero');
  return v;
}

async function balances(ctx: FamilyContext): Promise<FamilyBalances> {
  const rpc = createSolanaRpc({ url: ctx.endpoint });
  const [lamports, tokens] = await Promise.all([getSolBalance(rpc, ctx.address), getSolanaTokenBalances(rpc, ctx.address)]);
  const labels = await tokenDisplays(clusterOf(ctx), rpc, tokens.map((t) => t.mint));
  return {
    assets: [asset(null, 'SOL', 9, lamports), ...tokens.map((t) => ({ ...asset(t.mint, labels.get(t.mint)?.symbol || shortMint(t.mint), t.decimals, t.amount), ...labelOf(labels.get(t.mint)) }))],
    details: {},
  };
}

/** Icons live once, in the bounded token-metadata cache: a cached balance view gets them back from there. */
async function cachedIcons(ctx: FamilyContext, assets: readonly AssetBalance[]): Promise<AssetBalance[]> {
  const labels = await cachedTokenDisplays(clusterOf(ctx), assets.flatMap((a) => (a.token ? [a.token] : [])));
  return assets.map((a) => (a.token && labels.get(a.token)?.icon ? { ...a, icon: labels.get(a.token)!.icon! } : a));
}

/** The transfer as the node prices it now: SOL (or 'max': all but the fee) or an SPL token the account holds. */
async function plan(ctx: FamilyContext, req: SendRequestGeneric, payOpts: ReturnType<typeof solanaPayOptions>): Promise<PreparedSolanaTransfer> {
  const rpc = createSolanaRpc({ url: ctx.endpoint });
  const { address: from } = ctx;
  const to = req.to.trim();
  if (req.token) {
    const t = (await getSolanaTokenBalances(rpc, from)).find((x) => x.mint === req.token);
    if (!t) throw new WalletError('UNKNOWN_TOKEN', 'This account holds no such token');
    const amount = req.amount === 'max' ? t.amount : amountOf(req.amount, t.decimals);
    return prepareSplTransfer(rpc, { from, to, mint: t.mint, amount, ...payOpts });
  }
  if (req.amount === 'max') {
    // Everything but the network fee (the account is closed to 0, never left below rent).
    const balance = await getSolBalance(rpc, from);
    const probe = await prepareSolTransfer(rpc, { from, to, lamports: 1n, ...payOpts });
    const lamports = balance - probe.fee.networkFeeLamports;
    if (lamports <= 0n) throw new WalletError('INSUFFICIENT_FUNDS', 'The balance does not cover the network fee');
    return prepareSolTransfer(rpc, { from, to, lamports, ...payOpts });
  }
  return prepareSolTransfer(rpc, { from, to, lamports: amountOf(req.amount, 9), ...payOpts });
}

async function prepareSend(ctx: FamilyContext, req: SendRequestGeneric): Promise<PreparedSend> {
  // Solana Pay: reference keys and memo from a pasted transfer request go into the transaction.
  const pay = readSolanaPayFields(req.extra);
  const p = await plan(ctx, req, solanaPayOptions(pay));
  const decimals = p.decimals ?? 9;
  const label = p.mint ? (await cachedTokenDisplays(clusterOf(ctx), [p.mint])).get(p.mint) : undefined;
  const symbol = p.kind === 'sol' ? 'SOL' : label?.symbol || shortMint(p.mint ?? '');
  const rpc = createSolanaRpc({ url: ctx.endpoint });
  return {
    preview: {
      from: ctx.address,
      to: req.to.trim(),
      amount: formatUnits(p.amount, decimals),
      symbol,
      fee: formatUnits(p.fee.totalLamports, 9),
      feeSymbol: 'SOL',
      details: {
        ...solanaPayDetails(pay),
        networkFee: `${formatUnits(p.fee.networkFeeLamports, 9)} SOL`,
        ...(p.createsRecipientTokenAccount ? { newTokenAccountRent: `${formatUnits(p.fee.rentLamports, 9)} SOL` } : {}),
        ...(p.mint ? { mint: p.mint } : {}),
      },
    },
    facts: { kind: 'transfer', recipient: req.to.trim(), ...(p.mint ? { tokenContract: p.mint } : {}), amount: { value: formatUnits(p.amount, decimals), symbol } },
    warnings: p.warnings.map((w) => ({ code: w.code, severity: w.severity, params: Object.fromEntries(Object.entries(w.params ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number> })),
    record: { value: p.amount.toString(), decimals },
    async confirm() {
      // The key of the account the user reviewed: a changed selection signs nothing (ACCOUNT_CHANGED).
      const signed = await ctx.withKey(async (k) => {
        if (k.address !== p.from) throw new WalletError('ACCOUNT_CHANGED', 'The selected account changed: prepare the transfer again');
        return signPreparedTransfer(p, k.secretKey);
      });
      const hash = await sendSolanaTransaction(rpc, signed.signedTransaction);
      const settled = confirmSolanaTransaction(rpc, hash, { lastValidBlockHeight: p.lastValidBlockHeight }).then((r) => {
        if (r.status === 'confirmed') return true;
        if (r.status === 'failed' || r.status === 'expired') return false;
        throw new Error('not settled yet'); // unknown: Activity keeps it pending
      });
      return { hash, explorer: ctx.network.explorerTx?.(hash) ?? null, settled };
    },
  };
}

export const solanaBackground: FamilyBackground = {
  balances,
  prepareSend,
  cachedIcons,
  dapp: SOLANA_DAPP,
  mapError: asProviderError,
  // Solana Pay transaction requests: their own lazy module (fetching, checks, the approval window).
  paymentRequest: async (link) => (await import('./payRequest')).runSolanaPayRequest(link),
  // Connected sites learn the new chain (Wallet Standard 'chainChanged') or the new account.
  async onChange(ctx, what, emit) {
    if (what === 'network') await announceSolanaState();
    else emit(null, 'accountsChanged', [ctx.address]);
  },
};

export default solanaBackground;
