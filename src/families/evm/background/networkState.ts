/**
 * The EVM networks for the shared popup pipeline: built-in plus the user's and dApps' added
 * networks, and the active one, all read from the family's own `evm` storage (state.ts) that the
 * EVM dApp side reads too, so an existing install keeps its networks and its selection.
 */
import type { FamilyNetworkState } from '../../types';
import { evmNetworkInfo } from '../core/descriptor';
import { activeNetwork, allNetworks, setActiveChain } from './state';

export const evmNetworkState: FamilyNetworkState = {
  async list() {
    return (await allNetworks()).map(evmNetworkInfo);
  },
  async active() {
    return evmNetworkInfo(await activeNetwork());
  },
  async select(ref) {
    const m = /^evm:(\d{1,15})$/.exec(ref);
    if (!m) return false;
    const chainId = Number(m[1]);
    if (!(await allNetworks()).some((n) => n.chainId === chainId)) return false;
    // Tells connected sites (EIP-1193 chainChanged) when the network really changes.
    await setActiveChain(chainId);
    return true;
  },
};
