/**
 * The EOS family's background module (loaded through import() from src/families/registry.ts, so
 * @wharfkit/antelope never weighs on the worker's start): balances and resources, the popup's
 * transfer, the node check for Settings, and the Scatter protocol's dApp methods.
 */
import type { FamilyBackground, NetworkInfo } from '../../types';
import { EosApi } from './api';
import { eosBalances } from './balances';
import { eosDappMethods } from './dapp';
import { eosPrepareSend } from './send';

const eosBackground: FamilyBackground = {
  balances: eosBalances,
  prepareSend: eosPrepareSend,
  // get_info's chain id must be the network's (the custom network takes any node's id).
  async checkEndpoint(network: NetworkInfo, url: string): Promise<void> {
    await new EosApi(network, url).info();
  },
  dapp: eosDappMethods,
};

export default eosBackground;
