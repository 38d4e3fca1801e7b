/**
 * The popup's TRX and TRC-20 send as a prepared send (src/families/types.ts): the node-built,
 * verified transaction and its fee estimate stay in this closure; the popup only confirms it.
 * A TRC-20 must be one of the network's watched tokens (its decimals and symbol come from there).
 */
import type { FamilyContext, PreparedSend, SendRequestGeneric } from '../../types';
import type { RiskWarning } from '../../../protocol/approvals';
import { WalletError } from '../../../background/errors';
import { createTronApi } from '../core/api';
import { getTronBalances } from '../core/balances';
import { formatUnits } from '../core/errors';
import { broadcastTronTransaction, prepareTrc20Transfer, prepareTrxTransfer, signTronTransaction, waitForTronTransaction, type PreparedTronTransfer } from '../core/transaction';
import { tronState, type TronNetworkId } from './state';

/** "1.5" in whole units → base units; the same refusals (and codes) as every popup send. */
export function parseAmount(text: string, decimals: number): bigint {
  const t = text.trim();
  if (t === '') throw new WalletError('INVALID_AMOUNT', 'An amount is required');
  const m = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/.exec(t);
  if (!m) throw new WalletError('INVALID_AMOUNT', 'Not a valid amount');
  const frac = m[2] ?? m[3] ?? '';
  if (frac.length > decimals) throw new WalletError('TOO_MANY_DECIMALS', `Too many decimal places: this asset has ${decimals}`, undefined, { decimals });
  const v = BigInt(m[1] ?? '0') * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
  if (v <= 0n) throw new WalletError('INVALID_AMOUNT', 'The amount must be greater than zero');
  return v;
}

/** The core's transfer warnings (recipient not activated, a contract…) with only display-safe params. */
const coreWarnings = (ws: PreparedTronTransfer['warnings']): RiskWarning[] =>
  ws.map((w) => ({ code: w.code, severity: w.severity, params: Object.fromEntries(Object.entries(w.params ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number> }));

export async function prepareTronSend(ctx: FamilyContext, req: SendRequestGeneric): Promise<PreparedSend> {
  const api = createTronApi({ url: ctx.endpoint });
  const from = ctx.address;
  const { to } = req;
  const state = await tronState();
  const token = req.token ? state.tokens[ctx.network.ref.slice('tron:'.length) as TronNetworkId]?.find((t) => t.address === req.token) : undefined;
  if (req.token && !token) throw new WalletError('UNKNOWN_TOKEN', 'That token is not watched on this network');
  let prepared: PreparedTronTransfer;
  if (token) {
    const amount = req.amount === 'max' ? ((await getTronBalances(api, from, [{ contract: token.address, symbol: token.symbol, decimals: token.decimals, name: token.symbol, network: 'mainnet' }])).tokens[0]?.amount ?? 0n) : parseAmount(req.amount, token.decimals);
    if (amount <= 0n) throw new WalletError('NOTHING_TO_SEND', 'The balance is zero');
    prepared = await prepareTrc20Transfer(api, { from, to, contract: token.address, amount, decimals: token.decimals });
  } else if (req.amount === 'max') {
    // Everything but the network fee: a probe transfer prices it.
    const probe = await prepareTrxTransfer(api, { from, to, amountSun: 1n });
    const amountSun = probe.balanceSun - probe.fee.totalSun;
    if (amountSun <= 0n) throw new WalletError('INSUFFICIENT_FUNDS', 'The balance does not cover the network fee');
    prepared = await prepareTrxTransfer(api, { from, to, amountSun });
  } else {
    prepared = await prepareTrxTransfer(api, { from, to, amountSun: parseAmount(req.amount, 6) });
  }
  const decimals = prepared.decimals ?? 6;
  const symbol = token?.symbol ?? 'TRX';
  const { fee } = prepared;
  return {
    preview: {
      from,
      to: prepared.to,
      amount: formatUnits(prepared.amount, decimals),
      symbol,
      fee: formatUnits(fee.totalSun, 6),
      feeSymbol: 'TRX',
      details: {
        bandwidth: `${fee.bandwidthBytes} bytes (${formatUnits(fee.bandwidthBurnSun, 6)} TRX burned)`,
        energy: `${fee.energy} (${formatUnits(fee.energyBurnSun, 6)} TRX burned)`,
        ...(fee.activationFeeSun > 0n ? { activation: `${formatUnits(fee.activationFeeSun, 6)} TRX` } : {}),
        ...(fee.feeLimitSun !== undefined ? { feeLimit: `${formatUnits(fee.feeLimitSun, 6)} TRX` } : {}),
      },
    },
    facts: { kind: 'transfer', recipient: prepared.to, ...(token ? { tokenContract: token.address } : {}), amount: { value: formatUnits(prepared.amount, decimals), symbol } },
    warnings: coreWarnings(prepared.warnings),
    record: { value: prepared.amount.toString(), decimals },
    async confirm() {
      const signed = await ctx.withKey(async (k) => {
        if (k.address !== prepared.from) throw new WalletError('ACCOUNT_CHANGED', 'The selected account changed: prepare the transfer again');
        return signTronTransaction(prepared.transaction, k.secretKey);
      });
      const hash = await broadcastTronTransaction(api, signed);
      // A wait that runs out says nothing: Activity keeps the transfer pending.
      const settled = waitForTronTransaction(api, hash).then((r) => (r.status === 'timeout' ? Promise.reject(new Error('not settled yet')) : r.status === 'confirmed'));
      return { hash, explorer: ctx.network.explorerTx?.(hash) ?? null, settled };
    },
  };
}
