/**
 * The Bitcoin family's background module for the popup (loaded through import() from
 * src/families/registry.ts): balances of the gap-limit-scanned account with its UTXO details, the
 * send, the fresh receive address, the speed-up of a pending send (RBF). The dApp side (sats-connect,
 * UniSat, Wallet Standard) is dapp.ts, still its own handler behind the router; network changes made
 * in the popup reach its sites through `onChange`.
 */
import { formatUnits } from 'viem';
import type { FamilyBackground, FamilyBalances, FamilyContext } from '../../types';
import { announceNetwork } from './dappCommon';
import { prepareSpeedUp } from './speedUp';
import { bitcoinPrepareSend } from './send';
import { bitcoinWallet, chainOf, esploraGuard, scanBitcoin, shownAddress } from './wallet';

const btc = (sats: number): string => formatUnits(BigInt(sats), 8);

async function bitcoinBalances(ctx: FamilyContext): Promise<FamilyBalances> {
  const { network, client } = chainOf(ctx);
  const v = await esploraGuard(() => scanBitcoin(network, client));
  const total = BigInt(v.confirmed + v.unconfirmed);
  return {
    assets: [{ token: null, symbol: 'BTC', decimals: 8, balance: total.toString(), formatted: formatUnits(total, 8) }],
    details: { confirmed: btc(v.confirmed), unconfirmed: btc(v.unconfirmed), receiveAddress: v.receive.address, receivePath: v.receive.path, utxos: String(v.utxos.length) },
  };
}

const bitcoinBackground: FamilyBackground = {
  balances: bitcoinBalances,
  prepareSend: bitcoinPrepareSend,
  async popupAddress(ctx) {
    return shownAddress(await bitcoinWallet(chainOf(ctx).network)).address;
  },
  async receiveAddress(ctx) {
    const { network, client } = chainOf(ctx);
    const w = await bitcoinWallet(network);
    if (w.kind === 'single') return { address: w.address.address, path: w.address.path };
    const v = await esploraGuard(() => scanBitcoin(network, client));
    return { address: v.receive.address, path: v.receive.path };
  },
  activityActions: { speedUp: prepareSpeedUp },
  // The dApp handler (dapp.ts) follows the selected account itself; a network picked in the popup is
  // announced to every page with its UniSat / sats-connect names.
  async onChange(ctx, what) {
    if (what === 'network') await announceNetwork(chainOf(ctx).network);
  },
};

export default bitcoinBackground;
