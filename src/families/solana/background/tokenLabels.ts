/**
 * Token labels for the Solana approval window ("PAYD (Pay Dollar)" beside each mint), from the
 * cached on-chain metadata; the node is asked for mints not cached yet, within the preview's
 * short time budget, and a slow or failing node only means the bare mint is shown.
 */
import { createSolanaRpc } from '../core/rpc';
import type { TokenLabels } from './display';
import { tokenDisplays } from './tokenMetadata';

const LABEL_RPC_TIMEOUT_MS = 3000;

/** `cluster` and `url`: the active network and its RPC URL. */
export async function tokenLabels(cluster: string, url: string, mints: readonly string[]): Promise<TokenLabels> {
  if (mints.length === 0) return new Map();
  const rpc = createSolanaRpc({ url, timeoutMs: LABEL_RPC_TIMEOUT_MS });
  const found = await tokenDisplays(cluster, rpc, mints).catch(() => new Map());
  return new Map([...found].map(([mint, d]) => [mint, d.name && d.name !== d.symbol ? `${d.symbol} (${d.name})` : d.symbol]));
}
