/**
 * "You send / You receive" for an EVM approval: the sender's net balance changes from the node's
 * eth_simulateV1 (src/families/evm/core/balanceChanges.ts), in token units with symbols. Nothing is
 * added when the node lacks the method or the simulation fails (the eth_call pre-flight warns).
 */
import { formatUnits } from 'viem';
import type { EvmNetwork } from '../core/networks';
import type { PreparedTransaction } from '../core/transaction';
import { simulateBalanceChanges } from '../core/balanceChanges';
import { readTokenMetadata } from '../core/erc20';
import { rpcFor } from './state';

export async function simulatedChangesDisplay(network: EvmNetwork, p: PreparedTransaction): Promise<Record<string, string>> {
  const rpc = rpcFor(network);
  const sim = await simulateBalanceChanges(rpc, { from: p.from, ...(p.to ? { to: p.to } : {}), value: p.value, ...(p.data ? { data: p.data } : {}), gas: p.gas });
  if (sim.status !== 'ok') return {};
  const lines = await Promise.all(
    sim.changes.map(async (c) => {
      const meta = c.token ? await readTokenMetadata(rpc, c.token).catch(() => undefined) : { symbol: network.nativeCurrency.symbol, decimals: network.nativeCurrency.decimals };
      const abs = c.delta < 0n ? -c.delta : c.delta;
      // A token whose metadata cannot be read is named by its contract, in raw units.
      const text = meta?.decimals !== undefined && meta.symbol ? `${formatUnits(abs, meta.decimals)} ${meta.symbol}` : `${abs.toString()} (raw units) ${c.token}`;
      return { out: c.delta < 0n, text };
    }),
  );
  const out: Record<string, string> = {};
  const sends = lines.filter((l) => l.out).map((l) => l.text);
  const receives = lines.filter((l) => !l.out).map((l) => l.text);
  if (sends.length) out.youSend = sends.join('\n');
  if (receives.length) out.youReceive = receives.join('\n');
  if (!sends.length && !receives.length) out.youSend = 'nothing';
  return out;
}
