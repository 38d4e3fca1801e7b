/**
 * BIP44 gap-limit discovery over an Esplora server, so a restored wallet finds its funds. Both
 * chains (0 receive, 1 change) of one account are walked until `gapLimit` (default 20) consecutive
 * addresses have no transactions (confirmed or in the mempool). Returns the used addresses, the
 * balance, the UTXOs tagged with their derivation (chain, index) for the signer, and the fresh
 * receive/change addresses: the index after the highest used one, so an address is never reused
 * once it has received (holes left by out-of-order use are not handed out again).
 */
import { mapLimit } from './concurrency.ts';
import type { EsploraClient } from './esplora.ts';
import type { AddressChain, BitcoinAccount, WalletAddress } from './hdAccount.ts';

/** A coin the wallet can spend, with the address (and so the key) that controls it. */
export interface WalletUtxo {
  txid: string;
  vout: number;
  /** Satoshis. */
  value: number;
  confirmed: boolean;
  blockHeight?: number;
  address: WalletAddress;
  /** Full previous transaction (hex); required to spend p2pkh coins safely (the sighash does not commit to amounts). */
  prevTxHex?: string;
}

export interface AddressActivity {
  address: WalletAddress;
  txCount: number;
  /** Confirmed balance in satoshis. */
  confirmed: number;
  /** Mempool delta in satoshis (negative while a spend is unconfirmed). */
  unconfirmed: number;
}

export interface BalanceSummary {
  confirmed: number;
  unconfirmed: number;
  total: number;
}

export interface ScanResult {
  used: AddressActivity[];
  /** Fresh receive address: index after the highest used receive address. */
  receiveAddress: WalletAddress;
  /** Fresh change address: index after the highest used change address. */
  changeAddress: WalletAddress;
  /** Every address looked at (both chains, up to the gap), for matching PSBT inputs/outputs. */
  scanned: WalletAddress[];
  balance: BalanceSummary;
  utxos: WalletUtxo[];
}

export interface ScanOptions {
  /** Consecutive unused addresses that end a chain, default 20 (BIP44). */
  gapLimit?: number;
  /** Parallel requests, default 4 (public Esplora servers rate limit). */
  concurrency?: number;
  /** Fetch the previous transaction of p2pkh coins (default true). */
  fetchLegacyPrevTx?: boolean;
}

const DEFAULT_GAP = 20;
const DEFAULT_CONCURRENCY = 4;

interface ChainScan {
  activity: AddressActivity[];
  scanned: WalletAddress[];
  nextIndex: number;
}

async function scanChain(account: BitcoinAccount, chain: AddressChain, client: EsploraClient, gap: number, concurrency: number): Promise<ChainScan> {
  const activity: AddressActivity[] = [];
  const scanned: WalletAddress[] = [];
  let lastUsed = -1;
  let next = 0;
  // Keep looking until `gap` consecutive addresses after the last used one are all unused.
  while (next < lastUsed + 1 + gap) {
    const end = lastUsed + 1 + gap;
    const batch: WalletAddress[] = [];
    for (let i = next; i < end; i++) batch.push(account.address(chain, i));
    const infos = await mapLimit(batch, concurrency, (wa) => client.getAddress(wa.address));
    infos.forEach((info, k) => {
      const wa = batch[k]!;
      scanned.push(wa);
      const txCount = info.chain.txCount + info.mempool.txCount;
      if (txCount > 0) {
        lastUsed = Math.max(lastUsed, wa.index);
        activity.push({
          address: wa,
          txCount,
          confirmed: info.chain.fundedTxoSum - info.chain.spentTxoSum,
          unconfirmed: info.mempool.fundedTxoSum - info.mempool.spentTxoSum,
        });
      }
    });
    next = end;
  }
  return { activity, scanned, nextIndex: lastUsed + 1 };
}

/** UTXOs of the given addresses (with prev txs for p2pkh coins unless disabled). */
export async function fetchWalletUtxos(client: EsploraClient, addresses: readonly WalletAddress[], opts: ScanOptions = {}): Promise<WalletUtxo[]> {
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const lists = await mapLimit(addresses, concurrency, (wa) => client.getAddressUtxos(wa.address));
  const utxos: WalletUtxo[] = [];
  lists.forEach((list, k) => {
    const wa = addresses[k]!;
    for (const u of list) {
      const item: WalletUtxo = { txid: u.txid, vout: u.vout, value: u.value, confirmed: u.status.confirmed, address: wa };
      if (u.status.blockHeight !== undefined) item.blockHeight = u.status.blockHeight;
      utxos.push(item);
    }
  });
  if (opts.fetchLegacyPrevTx ?? true) {
    const legacy = utxos.filter((u) => u.address.scheme === 'p2pkh');
    const txids = [...new Set(legacy.map((u) => u.txid))];
    const hexes = await mapLimit(txids, concurrency, (txid) => client.getTxHex(txid));
    const byId = new Map(txids.map((t, i) => [t, hexes[i]!]));
    for (const u of legacy) {
      const hex = byId.get(u.txid);
      if (hex !== undefined) u.prevTxHex = hex;
    }
  }
  // Confirmed first, then larger first: a stable order for display and selection.
  return utxos.sort((a, b) => Number(b.confirmed) - Number(a.confirmed) || b.value - a.value || a.txid.localeCompare(b.txid) || a.vout - b.vout);
}

/** Gap-limit scan of one account (one address scheme) on both chains. */
export async function scanAccount(account: BitcoinAccount, client: EsploraClient, opts: ScanOptions = {}): Promise<ScanResult> {
  const gap = opts.gapLimit ?? DEFAULT_GAP;
  if (!Number.isInteger(gap) || gap < 1 || gap > 1000) throw new RangeError('gapLimit must be an integer 1 … 1000');
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const receive = await scanChain(account, 0, client, gap, concurrency);
  const change = await scanChain(account, 1, client, gap, concurrency);
  const used = [...receive.activity, ...change.activity];
  const withFunds = used.filter((a) => a.confirmed + a.unconfirmed > 0).map((a) => a.address);
  const utxos = await fetchWalletUtxos(client, withFunds, opts);
  const confirmed = used.reduce((s, a) => s + a.confirmed, 0);
  const unconfirmed = used.reduce((s, a) => s + a.unconfirmed, 0);
  return {
    used,
    receiveAddress: account.address(0, receive.nextIndex),
    changeAddress: account.address(1, change.nextIndex),
    scanned: [...receive.scanned, ...change.scanned],
    balance: { confirmed, unconfirmed, total: confirmed + unconfirmed },
    utxos,
  };
}
