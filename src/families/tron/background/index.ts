/**
 * The TRON family's background module (loaded on first use through src/families/registry.ts):
 * balances (TRX, the watched TRC-20s, bandwidth and energy), the popup's send, "Add token" by
 * contract, telling pages' providers when the popup switched network or account, and the dApp
 * methods as one table on the shared pipeline (dapp.ts) with the family's error mapping.
 */
import type { AssetBalance } from '../../../protocol/ui';
import type { FamilyBackground } from '../../types';
import { WalletError } from '../../../background/errors';
import { createTronApi } from '../core/api';
import { getTronBalances } from '../core/balances';
import { formatUnits } from '../core/errors';
import { validateTronAddress } from '../core/address';
import { readTrc20Metadata } from '../core/transaction';
import type { TronNetworkId } from '../core/descriptor';
import { prepareTronSend } from './send';
import { announceTronNetwork, tronState, watchTronToken } from './state';
import { TRON_DAPP } from './dapp';
import { asProviderError } from './dappUtil';

const asset = (token: string | null, symbol: string, decimals: number, amount: bigint | null): AssetBalance => ({
  token,
  symbol,
  decimals,
  balance: amount === null ? null : amount.toString(),
  formatted: amount === null ? null : formatUnits(amount, decimals),
});

const networkId = (ref: string): TronNetworkId => ref.slice(ref.indexOf(':') + 1) as TronNetworkId;

export const tronBackground: FamilyBackground = {
  async balances(ctx) {
    const s = await tronState();
    const tokens = s.tokens[networkId(ctx.network.ref)].map((t) => ({ contract: t.address, symbol: t.symbol, decimals: t.decimals, name: t.symbol, network: 'mainnet' as const }));
    const b = await getTronBalances(createTronApi({ url: ctx.endpoint }), ctx.address, tokens);
    return {
      assets: [asset(null, 'TRX', 6, b.trxSun), ...tokens.map((t) => asset(t.contract, t.symbol, t.decimals, b.tokens.find((x) => x.token.contract === t.contract)?.amount ?? null))],
      details: {
        activated: b.activated ? 'yes' : 'no',
        bandwidth: `${b.resources.freeBandwidthAvailable + b.resources.stakedBandwidthAvailable} / ${b.resources.freeBandwidthLimit + b.resources.stakedBandwidthLimit}`,
        energy: `${b.resources.energyAvailable} / ${b.resources.energyLimit}`,
      },
    };
  },
  prepareSend: prepareTronSend,
  /** Watches a TRC-20 on the active network after reading its symbol and decimals from the contract. */
  async watchToken(ctx, contract) {
    const address = contract.trim();
    if (!validateTronAddress(address).ok) throw new WalletError('INVALID_ADDRESS', 'Not a TRON contract address');
    const meta = await readTrc20Metadata(createTronApi({ url: ctx.endpoint }), ctx.address, address);
    await watchTronToken(networkId(ctx.network.ref), { address, symbol: meta.symbol, decimals: meta.decimals });
  },
  dapp: TRON_DAPP,
  mapError: asProviderError,
  // Pages learn the new chain id and node whether or not they are connected (TronLink's setNode);
  // a new account reaches connected sites only (the pipeline's `emit` sends to them alone).
  onChange(ctx, what, emit) {
    if (what === 'network') void announceTronNetwork().catch(() => undefined);
    else emit(null, 'accountsChanged', [ctx.address]);
  },
};
