/**
 * What the approval window shows for an EVM transaction: the decoded call, the risk warnings, the
 * fees, and (issue 19) the pre-flight simulation's warnings, which run even when the dApp set the
 * gas limit itself.
 */
import { formatUnits } from 'viem';
import type { EvmNetwork } from '../core/networks';
import type { PreparedTransaction, TxRequest } from '../core/transaction';
import { maxNetworkFee } from '../core/txSubmit';
import { decodeCalldata, type DecodedCall } from '../core/decode';
import { readTokenMetadata } from '../core/erc20';
import { simulateTransaction, simulationWarnings } from '../core/simulate';
import { assessRisk } from '../../../core/risk';
import type { RiskWarning } from '../../../protocol/approvals';
import { rpcFor } from './state';
import { recentTransferTimes, riskSettings } from '../../../background/activity';

function displayCall(call: DecodedCall, symbol: string, decimals?: number): Record<string, unknown> {
  const amount = (v: bigint): string => (decimals !== undefined ? `${formatUnits(v, decimals)} ${symbol}` : `${v.toString()} (raw units)`);
  switch (call.kind) {
    case 'native_transfer':
      return { action: 'Transfer', to: call.to, amount: amount(call.value) };
    case 'erc20_transfer':
      return { action: `Token transfer (${symbol})`, token: call.token, to: call.to, amount: amount(call.amount) };
    case 'erc20_transfer_from':
      return { action: `Token transferFrom (${symbol})`, token: call.token, from: call.from, to: call.to, amount: amount(call.amount) };
    case 'erc20_approve':
    case 'erc20_increase_allowance':
      return { action: `Token approval (${symbol})`, token: call.token, spender: call.spender, amount: call.unlimited ? 'UNLIMITED' : amount(call.amount) };
    case 'permit2_approve':
      return { action: 'Permit2 approval', token: call.token, spender: call.spender, amount: call.unlimited ? 'UNLIMITED' : call.amount.toString() };
    case 'set_approval_for_all':
      return { action: call.approved ? 'Approve all NFTs of a collection' : 'Revoke collection approval', collection: call.collection, operator: call.operator };
    case 'contract_creation':
      return { action: 'Deploy a contract', codeSize: `${call.codeSize} bytes` };
    case 'contract_call':
      return { action: 'Contract call', contract: call.to, function: call.selector };
  }
}

/** Decodes a transaction for the approval window and judges its risk. */
export async function describeTx(ctx: { origin: string }, network: EvmNetwork, tx: TxRequest | PreparedTransaction): Promise<{ display: Record<string, unknown>; warnings: RiskWarning[] }> {
  const call = decodeCalldata({ to: tx.to ?? null, value: tx.value, ...(tx.data ? { data: tx.data } : {}) });
  const rpc = rpcFor(network);
  let symbol = network.nativeCurrency.symbol;
  let decimals: number | undefined = network.nativeCurrency.decimals;
  let tokenContract: string | undefined;
  if ('token' in call) {
    tokenContract = call.token;
    const meta = await readTokenMetadata(rpc, call.token).catch(() => undefined);
    symbol = meta?.symbol ?? 'tokens';
    decimals = meta?.decimals;
  }
  const recipient = 'to' in call ? call.to : 'spender' in call ? call.spender : 'operator' in call ? call.operator : undefined;
  const amountUnits = call.kind === 'native_transfer' ? call.value : 'amount' in call && !('unlimited' in call) ? call.amount : undefined;
  const settings = await riskSettings();
  const isApprove = call.kind === 'erc20_approve' || call.kind === 'erc20_increase_allowance' || call.kind === 'permit2_approve' || call.kind === 'set_approval_for_all';
  const warnings = assessRisk({
    origin: ctx.origin,
    chainFamily: 'evm',
    kind: isApprove ? 'approve' : amountUnits !== undefined ? 'transfer' : 'contract',
    ...(recipient ? { recipient } : {}),
    ...(tokenContract ? { tokenContract } : {}),
    ...(amountUnits !== undefined && decimals !== undefined ? { amount: { value: formatUnits(amountUnits, decimals), symbol } } : {}),
    unlimitedApproval: ('unlimited' in call && call.unlimited) || (call.kind === 'set_approval_for_all' && call.approved),
    userThresholds: settings.thresholds,
    recentTransfers: await recentTransferTimes(tx.from),
    knownAddresses: settings.knownAddresses,
  });
  const display: Record<string, unknown> = { account: tx.from, network: `${network.name} (chain ${network.chainId})`, ...displayCall(call, symbol, decimals) };
  if (tx.value > 0n && call.kind !== 'native_transfer') display.value = `${formatUnits(tx.value, network.nativeCurrency.decimals)} ${network.nativeCurrency.symbol}`;
  if (tx.data && tx.data !== '0x') display.data = tx.data.length > 202 ? `${tx.data.slice(0, 202)}… (${(tx.data.length - 2) / 2} bytes)` : tx.data;
  return { display, warnings: warnings as RiskWarning[] };
}

export function feeDisplay(p: PreparedTransaction, network: EvmNetwork): Record<string, unknown> {
  const gwei = (v: bigint): string => `${formatUnits(v, 9)} gwei`;
  return {
    gas: p.gas.toString(),
    ...(p.fee.type === 'eip1559' ? { maxFeePerGas: gwei(p.fee.maxFeePerGas), maxPriorityFeePerGas: gwei(p.fee.maxPriorityFeePerGas) } : { gasPrice: gwei(p.fee.gasPrice) }),
    maxNetworkFee: `${formatUnits(maxNetworkFee(p), network.nativeCurrency.decimals)} ${network.nativeCurrency.symbol}`,
  };
}

/** eth_call at pending + eth_estimateGas for the gas that will be signed; warnings for the window. */
export async function simulationRiskWarnings(network: EvmNetwork, p: PreparedTransaction): Promise<RiskWarning[]> {
  const sim = await simulateTransaction(rpcFor(network), { from: p.from, ...(p.to ? { to: p.to } : {}), value: p.value, ...(p.data ? { data: p.data } : {}), gas: p.gas });
  return simulationWarnings(sim, p.gas);
}
