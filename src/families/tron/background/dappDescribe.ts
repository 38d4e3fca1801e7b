/** What the approval window shows of a TRON transaction a site asks to sign (and what Activity records of it). */
import type { TronApi } from '../core/api';
import { formatSun, formatUnits } from '../core/errors';
import type { DappTransactionWarning } from '../core/message';
import type { TronRawData } from '../core/rawData';
import { decodeAbiString, decodeUint256 } from '../core/abi';
import type { RiskWarning } from '../../../protocol/approvals';
import { tronChainIdOf, type TronState } from './state';
import { NETWORK_NAMES } from './dappUtil';

/** Symbol and decimals of a TRC-20 contract: the user's token list, else the contract itself (best effort). */
async function tokenInfo(api: TronApi, state: TronState, contract: string, owner: string): Promise<{ symbol: string; decimals: number } | undefined> {
  const known = state.tokens[state.network].find((t) => t.address === contract);
  if (known) return { symbol: known.symbol, decimals: known.decimals };
  try {
    const call = (sig: string) => api.triggerConstantContract({ owner, contract, functionSelector: sig, parameter: '' });
    const [d, s] = await Promise.all([call('decimals()'), call('symbol()')]);
    const decimals = Number(decodeUint256(d.constantResult[0] ?? ''));
    if (d.reverted || !Number.isInteger(decimals) || decimals > 36) return undefined;
    let symbol = '';
    try {
      symbol = decodeAbiString(s.constantResult[0] ?? '').slice(0, 12);
    } catch {
      symbol = '';
    }
    return { symbol: symbol || 'tokens', decimals };
  } catch {
    return undefined;
  }
}

export interface TxSummary {
  display: Record<string, unknown>;
  activity?: { to: string; value: string; symbol: string; decimals: number };
}

export async function describeTransaction(api: TronApi, state: TronState, account: string, decoded: TronRawData, txID: string): Promise<TxSummary> {
  const c = decoded.contracts[0]!;
  const v = c.value;
  const display: Record<string, unknown> = { account, network: `${NETWORK_NAMES[state.network]} (${tronChainIdOf(state)})`, type: c.typeName };
  let activity: TxSummary['activity'];
  if (v.type === 'TransferContract') {
    display.to = v.to;
    display.amount = `${formatSun(v.amount)} TRX`;
    activity = { to: v.to, value: v.amount.toString(), symbol: 'TRX', decimals: 6 };
  } else if (v.type === 'TransferAssetContract') {
    display.to = v.to;
    display.amount = `${v.amount} (TRC-10 token ${v.assetName})`;
  } else if (v.type === 'TriggerSmartContract') {
    display.contract = v.contract;
    if (v.call.method === 'transfer' || v.call.method === 'transferFrom') {
      const token = await tokenInfo(api, state, v.contract, account);
      display.method = `TRC-20 ${v.call.method}`;
      if (v.call.method === 'transferFrom') display.from = v.call.from;
      display.to = v.call.to;
      display.amount = token ? `${formatUnits(v.call.amount, token.decimals)} ${token.symbol}` : `${v.call.amount} (base units, unknown token)`;
      if (v.call.method === 'transfer') activity = { to: v.call.to, value: v.call.amount.toString(), symbol: token?.symbol ?? 'TRC20', decimals: token?.decimals ?? 0 };
    } else if (v.call.method === 'approve' || v.call.method === 'increaseApproval') {
      const token = await tokenInfo(api, state, v.contract, account);
      display.method = `TRC-20 ${v.call.method}`;
      display.spender = v.call.spender;
      display.amount = v.call.unlimited ? 'unlimited' : token ? `${formatUnits(v.call.amount, token.decimals)} ${token.symbol}` : `${v.call.amount} (base units)`;
    } else {
      display.method = `contract call (selector 0x${'selector' in v.call ? v.call.selector : v.data.slice(0, 8)})`;
      display.data = v.data.length > 600 ? `${v.data.slice(0, 600)}… (${v.data.length / 2} bytes)` : v.data;
    }
    if (v.callValue > 0n) display['TRX sent with the call'] = `${formatSun(v.callValue)} TRX`;
  } else if ('amount' in v) {
    display.amount = `${formatSun(v.amount)} TRX`;
    if ('resource' in v) display.resource = v.resource;
    if ('receiver' in v) display.receiver = v.receiver;
  } else if (v.type === 'VoteWitnessContract') {
    display.votes = v.votes.map((x) => `${x.address}: ${x.count}`);
  }
  if (decoded.feeLimit !== undefined) display['fee limit'] = `${formatSun(decoded.feeLimit)} TRX (at most)`;
  if (decoded.data !== undefined) display.memo = decoded.data;
  display.expires = new Date(Number(decoded.expiration)).toISOString();
  display.txID = txID;
  return { display, ...(activity ? { activity } : {}) };
}

export function txWarnings(ws: readonly DappTransactionWarning[]): RiskWarning[] {
  return ws.map((w) => ({
    code: `TRON_${w.code}`,
    severity: w.severity,
    ...(w.params ? { params: Object.fromEntries(Object.entries(w.params).map(([k, x]) => [k, typeof x === 'number' ? x : String(x)])) } : {}),
  }));
}
