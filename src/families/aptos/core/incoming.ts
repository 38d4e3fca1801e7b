/**
 * Incoming APT from the fullnode REST API alone (no indexer): the account's
 * `0x1::coin::CoinStore<0x1::aptos_coin::AptosCoin>` deposit event handle, the one per-account
 * index of received coins the node API serves, then each event's transaction (by version) for its
 * sender, hash, outcome and time.
 *   GET /accounts/:a/resource/0x1::coin::CoinStore<…AptosCoin>   deposit_events.counter (where the newest are)
 *   GET /accounts/:a/events/0x1::coin::CoinStore<…AptosCoin>/deposit_events?start=&limit=
 *   GET /transactions/by_version/:version
 * A deposit counts as a payment only when a user transaction from another account caused it
 * (the wallet's own sends, faucet mints by a module and block metadata are left out).
 * Known limit: accounts whose APT lives in a fungible-asset primary store (after the APT
 * migration) get `0x1::fungible_asset::Deposit` module events, which the node API indexes by
 * no account; those deposits need an indexer and are not seen here.
 */
import { isObject, toUnits, type IncomingTransfer } from '../../../core/incoming/types.ts';

export const APT_COIN_STORE = '0x1::coin::CoinStore<0x1::aptos_coin::AptosCoin>';
export const DEPOSIT_FIELD = 'deposit_events';

const long = (a: string): string => `0x${a.toLowerCase().replace(/^0x/, '').padStart(64, '0')}`;
const ADDRESS_RE = /^0x[0-9a-fA-F]{1,64}$/;
const HASH_RE = /^0x[0-9a-fA-F]{64}$/;

/** Where the newest `limit` deposit events start, from the CoinStore resource's counter; null without a CoinStore. */
export function depositWindow(coinStore: unknown, limit: number): { start: bigint; count: number } | null {
  if (!isObject(coinStore) || !isObject(coinStore.data) || !isObject(coinStore.data.deposit_events)) return null;
  const counter = toUnits(coinStore.data.deposit_events.counter);
  if (counter === null) throw new TypeError('The Aptos node sent a CoinStore without a deposit counter');
  const start = counter > BigInt(limit) ? counter - BigInt(limit) : 0n;
  return { start, count: Number(counter - start) };
}

export interface AptosDeposit {
  version: string;
  amount: bigint;
}

/** The deposit events' ledger versions and amounts (0x1::coin::DepositEvent / CoinDeposit). */
export function depositsFromEvents(events: unknown): AptosDeposit[] {
  if (!Array.isArray(events)) throw new TypeError('The Aptos node returned no event list');
  const out: AptosDeposit[] = [];
  for (const e of events) {
    if (!isObject(e) || typeof e.type !== 'string' || !/^0x0*1::coin::(DepositEvent|CoinDeposit)$/.test(e.type) || !isObject(e.data)) continue;
    const version = toUnits(e.version);
    const amount = toUnits(e.data.amount);
    if (version === null || amount === null || amount === 0n) continue;
    out.push({ version: version.toString(), amount });
  }
  return out;
}

/** One deposit with the transaction at its version → a payment to `me`, or null when it is not one. */
export function incomingFromTransaction(tx: unknown, deposit: AptosDeposit, me: string): IncomingTransfer | null {
  if (!isObject(tx) || tx.type !== 'user_transaction' || typeof tx.hash !== 'string' || !HASH_RE.test(tx.hash)) return null;
  if (typeof tx.sender !== 'string' || !ADDRESS_RE.test(tx.sender) || String(tx.version) !== deposit.version) return null;
  const from = long(tx.sender);
  if (from === long(me)) return null;
  const micros = toUnits(tx.timestamp);
  return {
    hash: tx.hash.toLowerCase(),
    from,
    to: long(me),
    value: deposit.amount,
    token: null,
    // A deposit event exists only in a committed transaction; a failed one emits none.
    status: tx.success === false ? 'failed' : 'confirmed',
    time: micros === null || micros === 0n ? null : Number(micros / 1000n),
  };
}
