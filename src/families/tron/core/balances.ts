/**
 * Balances for the popup: TRX (sun), TRC-20 balances of listed tokens, and the account's
 * bandwidth and energy as the node reports them (free and staked, used and limit).
 */
import type { TronApi } from './api.ts';
import { formatUnits } from './errors.ts';
import { availableBandwidth, availableEnergy } from './fees.ts';
import type { Trc20Token } from './networks.ts';
import { getTrc20Balance } from './transaction.ts';

export interface TronBalances {
  activated: boolean;
  trxSun: bigint;
  resources: {
    freeBandwidthLimit: bigint;
    freeBandwidthAvailable: bigint;
    stakedBandwidthLimit: bigint;
    stakedBandwidthAvailable: bigint;
    energyLimit: bigint;
    energyAvailable: bigint;
  };
  tokens: { token: Trc20Token; amount: bigint; uiAmount: string }[];
  /** Tokens whose balance could not be read (contract missing on this network, node error). */
  failedTokens: string[];
}

export async function getTronBalances(api: TronApi, address: string, tokens: readonly Trc20Token[] = []): Promise<TronBalances> {
  const [account, resources] = await Promise.all([api.getAccount(address), api.getAccountResource(address)]);
  const bw = availableBandwidth(resources);
  const results = await Promise.allSettled(tokens.map((t) => getTrc20Balance(api, address, t.contract)));
  const list: TronBalances['tokens'] = [];
  const failedTokens: string[] = [];
  results.forEach((r, i) => {
    const token = tokens[i] as Trc20Token;
    if (r.status === 'fulfilled') list.push({ token, amount: r.value, uiAmount: formatUnits(r.value, token.decimals) });
    else failedTokens.push(token.contract);
  });
  return {
    activated: account !== null,
    trxSun: account?.balanceSun ?? 0n,
    resources: {
      freeBandwidthLimit: resources.freeNetLimit,
      freeBandwidthAvailable: bw.free,
      stakedBandwidthLimit: resources.netLimit,
      stakedBandwidthAvailable: bw.staked,
      energyLimit: resources.energyLimit,
      energyAvailable: availableEnergy(resources),
    },
    tokens: list,
    failedTokens,
  };
}
