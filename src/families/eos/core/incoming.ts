/**
 * Incoming EOS transfers from the history API nodeos' history plugin serves (and which Hyperion
 * and the public history nodes answer in the same v1 shape):
 *   POST /v1/history/get_actions { account_name, pos: -1, offset: -(n-1) }   → the newest n actions
 * Counted: a `transfer` action of a token the wallet knows (eosio.token's EOS, or a token the user
 * added: contract AND symbol must match), delivered to the account itself (`receiver`, so the
 * copies notified to other accounts are not counted twice), `to` the account from another one.
 * Anything else, including "transfer"s of unknown contracts (anyone can deploy a contract that
 * names itself EOS and spams accounts), is left out. Pending until the block is irreversible.
 */
import { isObject, type IncomingTransfer } from '../../../core/incoming/types.ts';
import { parseAsset } from './asset.ts';

const TRX_RE = /^[0-9a-fA-F]{64}$/;

export interface KnownToken {
  contract: string;
  symbol: string;
}

/** The body of the request for the account's newest `count` actions. */
export function getActionsBody(account: string, count: number): { account_name: string; pos: number; offset: number } {
  return { account_name: account, pos: -1, offset: -(count - 1) };
}

/** nodeos writes block times as UTC without a zone ("2026-12-06T10:00:00.500"). */
function timeOf(v: unknown): number | null {
  if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?$/.test(v)) return null;
  const t = Date.parse(v.endsWith('Z') ? v : `${v}Z`);
  return Number.isFinite(t) ? t : null;
}

/** get_actions' answer → transfers of known tokens received by `me` (token: `contract:SYMBOL`, null for the native EOS). */
export function incomingFromActions(answer: unknown, me: string, known: readonly KnownToken[], native: KnownToken): IncomingTransfer[] {
  if (!isObject(answer) || !Array.isArray(answer.actions)) throw new TypeError('The EOS node returned no action list (does it serve /v1/history?)');
  const lib = typeof answer.last_irreversible_block === 'number' ? answer.last_irreversible_block : 0;
  const out: IncomingTransfer[] = [];
  for (const a of answer.actions) {
    if (!isObject(a) || !isObject(a.action_trace)) continue;
    const t = a.action_trace;
    const act = t.act;
    if (t.receiver !== me || !isObject(act) || act.name !== 'transfer' || typeof act.account !== 'string' || !isObject(act.data)) continue;
    if (typeof t.trx_id !== 'string' || !TRX_RE.test(t.trx_id)) continue;
    const { from, to, quantity } = act.data;
    if (to !== me || typeof from !== 'string' || from === me || typeof quantity !== 'string') continue;
    let asset: ReturnType<typeof parseAsset>;
    try {
      asset = parseAsset(quantity);
    } catch {
      continue;
    }
    if (asset.units <= 0n) continue;
    const isNative = act.account === native.contract && asset.symbol.code === native.symbol;
    if (!isNative && !known.some((k) => k.contract === act.account && k.symbol === asset.symbol.code)) continue;
    const block = typeof a.block_num === 'number' ? a.block_num : typeof t.block_num === 'number' ? t.block_num : null;
    out.push({
      hash: t.trx_id.toLowerCase(),
      from,
      to: me,
      value: asset.units,
      token: isNative ? null : `${act.account}:${asset.symbol.code}`,
      status: block !== null && block <= lib ? 'confirmed' : 'pending',
      time: timeOf(a.block_time ?? t.block_time),
      symbol: asset.symbol.code,
      decimals: asset.symbol.precision,
    });
  }
  return out;
}
