/**
 * Incoming TRON transfers from TronGrid's account history API (the v1 API that api.trongrid.io,
 * nile.trongrid.io and api.shasta.trongrid.io serve beside the full-node /wallet API):
 *   GET /v1/accounts/:address/transactions?only_to=true   TRX (TransferContract) and others
 *   GET /v1/accounts/:address/transactions/trc20?only_to=true   TRC-20 Transfer events
 * Only TRX TransferContracts and TRC-20 transfers TO the wallet from another address count;
 * anything else (votes, freezes, TRC-10, contract calls) is left out rather than misread.
 */
import { isObject, toUnits, type IncomingTransfer } from '../../../core/incoming/types.ts';
import { validateTronAddress } from './address.ts';
import { tronHexToAddress } from './addressInput.ts';

const TXID_RE = /^[0-9a-fA-F]{64}$/;

/** TronGrid gives raw_data addresses in hex (41…) and event addresses in base58; both → "T…". */
function base58Of(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  if (/^(0x)?41[0-9a-fA-F]{40}$/.test(v)) return tronHexToAddress(v);
  return validateTronAddress(v).ok ? v : null;
}

function dataList(answer: unknown, what: string): unknown[] {
  if (!isObject(answer) || !Array.isArray(answer.data)) throw new TypeError(`The TRON API returned no ${what} list`);
  if (answer.success === false) throw new TypeError(`The TRON API refused the ${what} request`);
  return answer.data;
}

const timeOf = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null);

/** /v1/accounts/:a/transactions → TRX received by `me`. */
export function incomingTrxFromTronGrid(answer: unknown, me: string): IncomingTransfer[] {
  const out: IncomingTransfer[] = [];
  for (const tx of dataList(answer, 'transaction')) {
    if (!isObject(tx) || typeof tx.txID !== 'string' || !TXID_RE.test(tx.txID) || !isObject(tx.raw_data)) continue;
    const contracts = tx.raw_data.contract;
    if (!Array.isArray(contracts) || contracts.length !== 1) continue;
    const c = contracts[0];
    if (!isObject(c) || c.type !== 'TransferContract' || !isObject(c.parameter) || !isObject(c.parameter.value)) continue;
    const v = c.parameter.value;
    const to = base58Of(v.to_address);
    const from = base58Of(v.owner_address);
    const amount = toUnits(v.amount);
    if (to !== me || from === null || from === me || amount === null || amount === 0n) continue;
    const ret = Array.isArray(tx.ret) && isObject(tx.ret[0]) ? tx.ret[0].contractRet : undefined;
    out.push({
      hash: tx.txID.toLowerCase(),
      from,
      to,
      value: amount,
      token: null,
      status: ret === undefined || ret === 'SUCCESS' ? 'confirmed' : 'failed',
      time: timeOf(tx.block_timestamp) ?? timeOf(tx.raw_data.timestamp),
    });
  }
  return out;
}

/** /v1/accounts/:a/transactions/trc20 → TRC-20 tokens received by `me` (symbol and decimals from token_info). */
export function incomingTrc20FromTronGrid(answer: unknown, me: string): IncomingTransfer[] {
  const out: IncomingTransfer[] = [];
  for (const e of dataList(answer, 'TRC-20 transfer')) {
    if (!isObject(e) || typeof e.transaction_id !== 'string' || !TXID_RE.test(e.transaction_id) || e.type !== 'Transfer' || !isObject(e.token_info)) continue;
    const to = base58Of(e.to);
    const from = base58Of(e.from);
    const token = base58Of(e.token_info.address);
    const value = toUnits(e.value);
    const decimals = e.token_info.decimals;
    if (to !== me || from === null || from === me || token === null || value === null || value === 0n) continue;
    if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 77) continue;
    const symbol = typeof e.token_info.symbol === 'string' && /^[\p{L}\p{N}$._-]{1,16}$/u.test(e.token_info.symbol) ? e.token_info.symbol : undefined;
    out.push({ hash: e.transaction_id.toLowerCase(), from, to, value, token, status: 'confirmed', time: timeOf(e.block_timestamp), decimals, ...(symbol ? { symbol } : {}) });
  }
  return out;
}

/** The two history requests' paths for `me` (newest first, only transfers TO the account). */
export function tronGridPaths(me: string, limit: number): { trx: string; trc20: string } {
  const a = encodeURIComponent(me);
  return { trx: `/v1/accounts/${a}/transactions?only_to=true&limit=${limit}`, trc20: `/v1/accounts/${a}/transactions/trc20?only_to=true&limit=${limit}` };
}
