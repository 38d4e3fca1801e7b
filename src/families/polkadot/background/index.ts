/**
 * The Polkadot / Kusama family's background module (src/families/types.ts FamilyBackground),
 * reached only through import() from the registry: balances (transferable / reserved / frozen,
 * existential deposit), send (transferKeepAlive, or transferAllowDeath when the user unticks
 * "keep the account alive", with a warning), node checks, and the dApp method table.
 */
import type { FamilyBackground, NetworkInfo, PreparedSend } from '../../types';
import { formatUnits, parseUnits } from '../core/amounts.ts';
import { checkEndpoint, polkadotChain } from '../core/chains.ts';
import { PolkadotError } from '../core/errors.ts';
import { polkadotFacts } from '../core/risk.ts';
import { ChainSession } from './chain.ts';
import { POLKADOT_DAPP } from './dapp.ts';
import { forPopup, sessionOf } from './sessions.ts';
import { prepareTransfer } from './transfer.ts';

const background: FamilyBackground = {
  balances: (ctx) =>
    forPopup(async () => {
      const b = await sessionOf(ctx).balances(ctx.address);
      const { symbol, decimals } = ctx.network.native;
      const fmt = (v: bigint): string => `${formatUnits(v, decimals)} ${symbol}`;
      return {
        assets: [{ token: null, symbol, decimals, balance: b.transferable.toString(), formatted: formatUnits(b.transferable, decimals) }],
        details: { polkadot_free: fmt(b.free), polkadot_reserved: fmt(b.reserved), polkadot_frozen: fmt(b.frozen), polkadot_ed: fmt(b.existentialDeposit) },
      };
    }),

  prepareSend: (ctx, req) =>
    forPopup(async (): Promise<PreparedSend> => {
      if (req.token) throw new PolkadotError('invalid', 'Only the native coin can be sent on this network');
      const keepAlive = req.extra?.keepAlive !== false;
      const session = sessionOf(ctx);
      const { decimals, symbol } = ctx.network.native;
      let amount: bigint;
      if (req.amount === 'max') {
        // The fee of a transfer of about this size, then the rest (kept alive above the deposit).
        const b = await session.balances(ctx.address);
        const probe = await prepareTransfer(session, ctx.address, req.to, b.keepAliveMax / 2n || 1n, { keepAlive }).catch(() => null);
        amount = (keepAlive ? b.keepAliveMax : b.transferable) - (probe?.plan.fee ?? 0n);
      } else amount = parseUnits(req.amount, decimals);
      const prepared = await prepareTransfer(session, ctx.address, req.to, amount, { keepAlive });
      const { plan } = prepared;
      const explorer = (hash: string): string | null => ctx.network.explorerTx?.(hash) ?? null;
      return {
        preview: {
          from: plan.from,
          to: plan.to,
          amount: plan.display.amount,
          symbol,
          fee: plan.display.fee,
          feeSymbol: symbol,
          details: { polkadot_call: `${plan.call.pallet}.${plan.call.method}`, polkadot_era: `${plan.era.period} blocks from #${plan.era.birth}`, polkadot_nonce: String(plan.nonce), polkadot_ed: `${formatUnits(plan.existentialDeposit, decimals)} ${symbol}` },
        },
        facts: polkadotFacts({ pallet: 'Balances', method: 'transfer_keep_alive', args: { dest: { type: 'Id', value: plan.to }, value: plan.amount } }, symbol, decimals),
        warnings: keepAlive ? [] : [{ code: 'POLKADOT_ALLOW_DEATH', severity: 'warning', params: {} }],
        record: { value: plan.amount.toString(), decimals },
        confirm: () =>
          ctx.withKey(async (k) => {
            let settle: (ok: boolean) => void = () => undefined;
            const settled = new Promise<boolean>((r) => (settle = r));
            const hash = await forPopup(() =>
              prepared.confirm(k.secretKey, (status) => {
                if (status === 'finalized') settle(true);
                else if (['dropped', 'invalid', 'usurped'].includes(status)) settle(false);
              }),
            );
            return { hash, explorer: explorer(hash), settled };
          }),
      };
    }),

  async checkEndpoint(network: NetworkInfo, url: string) {
    await forPopup(async () => {
      const s = new ChainSession(polkadotChain(network.ref), checkEndpoint(url));
      try {
        await s.runtime();
      } finally {
        s.close();
      }
    });
  },

  dapp: POLKADOT_DAPP,
};

export default background;
