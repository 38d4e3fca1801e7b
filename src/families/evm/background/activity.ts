/**
 * The popup's activity list, sent and incoming, of every family; pending EVM sends are followed
 * again (e.g. after a worker restart), and EVM rows get their network's name and explorer link.
 * (Moved here with the EVM send; the other families' rows pass through as stored.)
 */
import { formatUnits } from 'viem';
import { explorerUrl, type EvmNetwork } from '../core/networks';
import type { ActivityView } from '../../../protocol/ui';
import { allActivity } from '../../../background/incoming/store';
import { followReceipt } from './broadcast';
import { allNetworks } from './state';

/** The activity for the popup, sent and incoming; pending EVM sends are followed again (e.g. after a worker restart). */
export async function activityView(): Promise<ActivityView[]> {
  const [items, networks] = await Promise.all([allActivity(), allNetworks()]);
  const byId = new Map<number, EvmNetwork>(networks.map((n) => [n.chainId, n]));
  return items.map((i) => {
    const n = i.family === 'evm' ? byId.get(Number(i.chainId)) : undefined;
    if (n && i.status === 'pending' && i.direction !== 'in') followReceipt(n, i.hash as `0x${string}`);
    let amount: string;
    try {
      amount = formatUnits(BigInt(i.value), i.decimals);
    } catch {
      amount = i.value;
    }
    return {
      hash: i.hash,
      family: i.family,
      chainId: i.chainId,
      networkName: n?.name ?? String(i.chainId),
      from: i.from,
      to: i.to,
      amount,
      symbol: i.symbol,
      origin: i.origin,
      explorer: i.explorer ?? (n ? (explorerUrl(n, 'tx', i.hash) ?? null) : null),
      status: i.status,
      time: i.time,
      direction: i.direction ?? 'out',
    };
  });
}
