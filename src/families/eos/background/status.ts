/**
 * Following a pushed transaction until the chain says it is final: get_transaction_status until
 * IRREVERSIBLE (true) or FAILED / EXPIRED / FORKED_OUT (false); a node without that endpoint is
 * asked get_info until its last irreversible block passes the block the push reported. Bounded by
 * the transaction's expiration plus a margin, so a stopped chain ends the wait with "unknown".
 */
import { NodeError, type EosApi } from './api';

const POLL_MS = 1_000;
const MARGIN_MS = 5 * 60_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function followIrreversible(api: EosApi, id: string, expirationMs: number, blockNum?: number): Promise<boolean> {
  const deadline = (Number.isFinite(expirationMs) ? expirationMs : Date.now()) + MARGIN_MS;
  let statusEndpoint = true;
  while (Date.now() < deadline) {
    await sleep(POLL_MS);
    try {
      if (statusEndpoint) {
        const s = await api.transactionStatus(id);
        if (s.state === 'IRREVERSIBLE') return true;
        if (s.state === 'FAILED' || s.state === 'EXPIRED' || s.state === 'FORKED_OUT') return false;
        if (s.state === 'UNKNOWN' && Date.now() > expirationMs + 10_000) return false;
      } else if (blockNum !== undefined) {
        const info = await api.info();
        if (info.last_irreversible_block_num >= blockNum) return true;
      }
    } catch (e) {
      if (e instanceof NodeError && statusEndpoint && /not found|unknown endpoint|404/i.test(`${e.errorName} ${e.message}`)) statusEndpoint = false;
    }
  }
  throw new Error('The transaction was not reported irreversible in time');
}
