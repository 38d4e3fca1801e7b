/**
 * A built-in EVM network as the user configured it: their RPC and explorer replace the defaults
 * (public RPCs are blocked in some places), and dropping the edit restores the defaults. Custom
 * networks are edited in place and never carry an edit.
 */
import type { EvmNetwork } from './networks.ts';

/** A built-in network's user-set RPC and explorer (null explorer: none); absent fields keep the default. */
export interface NetworkEdit {
  rpcUrl?: string;
  explorer?: string | null;
}

export function applyNetworkEdit(n: EvmNetwork, edit: NetworkEdit | undefined): EvmNetwork {
  if (!edit || n.custom) return n;
  const out: EvmNetwork = { ...n, rpcUrls: edit.rpcUrl ? [edit.rpcUrl] : n.rpcUrls };
  if (edit.explorer === null) delete out.blockExplorerUrl;
  else if (edit.explorer) out.blockExplorerUrl = edit.explorer;
  return out;
}

/** The edit to store for new values: only what differs from the defaults, or undefined when nothing does. */
export function editFor(defaults: EvmNetwork, rpcUrl: string, explorer: string | null): NetworkEdit | undefined {
  const trim = (u: string): string => u.replace(/\/+$/, '');
  const edit: NetworkEdit = {};
  if (trim(rpcUrl) !== trim(defaults.rpcUrls[0] ?? '')) edit.rpcUrl = rpcUrl;
  if ((explorer === null ? null : trim(explorer)) !== (defaults.blockExplorerUrl === undefined ? null : trim(defaults.blockExplorerUrl))) edit.explorer = explorer;
  return edit.rpcUrl === undefined && edit.explorer === undefined ? undefined : edit;
}
