/**
 * The Bitcoin family's background module for the popup (loaded through import() from
 * src/families/registry.ts): balances of the gap-limit-scanned account with its UTXO details, the
 * send, the fresh receive address, the speed-up of a pending send (RBF), and the dApp side
 * (sats-connect, UniSat): dapp.ts, a method table on the shared pipeline; network and account
 * changes made in the popup reach its sites through `onChange`.
 */
import { formatUnits } from 'viem';
import type { FamilyBackground, FamilyBalances, FamilyContext } from '../../types';
import { BITCOIN_DAPP } from './dapp';
import { announceNetwork } from './dappCommon';
import { currentAddress } from './state';
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
  dapp: BITCOIN_DAPP,
  // A site is granted and shown the address of the user's address type, not the keyring's default.
  async dappAddress(ctx) {
    return (await currentAddress(chainOf(ctx).network)).address;
  },
  // A network picked in the popup is announced to every page with its UniSat / sats-connect names;
  // a new selected account to the connected sites (ctx.address is the dApp address, see above).
  async onChange(ctx, what, emit) {
    if (what === 'network') await announceNetwork(chainOf(ctx).network);
    else emit(null, 'accountsChanged', [ctx.address]);
  },
};

export default bitcoinBackground;
