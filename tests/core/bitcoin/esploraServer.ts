/**
 * A loopback Esplora-shaped HTTP server (node:http on 127.0.0.1:0) holding the transactions a test
 * creates. It answers the endpoints the wallet uses, and behaves like a node's mempool on
 * broadcast: prevouts must exist and be unspent, every signature is checked with bitcoinjs-lib
 * (verifyTx), the fee must meet 1 sat/vB, and a conflicting spend is accepted only as a BIP125
 * replacement paying more in total and at least its own vsize × 1 sat/vB more. mine() confirms.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bitcoin, REGTEST, verifyTx, type Prevout } from './helpers.ts';

interface TxRec {
  txid: string;
  hex: string;
  tx: bitcoin.Transaction;
  confirmed: boolean;
  height?: number;
  fee: bigint;
  /** Funding transactions made by the test have no known prevouts. */
  external: boolean;
}

interface OutRec {
  txid: string;
  vout: number;
  script: Uint8Array;
  value: bigint;
  address: string | undefined;
}

interface Stats {
  funded_txo_count: number;
  funded_txo_sum: number;
  spent_txo_count: number;
  spent_txo_sum: number;
  tx_count: number;
}

const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const inKey = (inp: { hash: Uint8Array; index: number }): string => `${hexOf(Uint8Array.from(inp.hash).reverse())}:${inp.index}`;

export class FakeEsplora {
  readonly txs = new Map<string, TxRec>();
  readonly outputs = new Map<string, OutRec>();
  readonly spentBy = new Map<string, string>();
  feeEstimates: Record<string, number> = { '1': 25.3, '2': 20.1, '3': 15, '6': 10.02, '12': 6, '25': 4, '144': 2.5, '504': 1.2, '1008': 1 };
  tipHeight = 100;
  /** Next responses to fail (status, body, headers), consumed in order. */
  failures: { status: number; body: string; headers?: Record<string, string> }[] = [];
  delayMs = 0;
  requests: string[] = [];
  private server: Server | undefined;
  baseUrl = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Registers a transaction as-is (funding): its outputs become known, its inputs are not checked. */
  addTx(hex: string, confirmed = true): string {
    const tx = bitcoin.Transaction.fromHex(hex);
    return this.insert(tx, hex, confirmed, 0n, true);
  }

  mine(): void {
    this.tipHeight++;
    for (const rec of this.txs.values()) {
      if (!rec.confirmed) {
        rec.confirmed = true;
        rec.height = this.tipHeight;
      }
    }
  }

  prevouts(): Map<string, Prevout> {
    return new Map([...this.outputs].map(([k, o]) => [k, { script: o.script, value: o.value }]));
  }

  private insert(tx: bitcoin.Transaction, hex: string, confirmed: boolean, fee: bigint, external: boolean): string {
    const txid = tx.getId();
    this.txs.set(txid, { txid, hex, tx, confirmed, ...(confirmed ? { height: this.tipHeight } : {}), fee, external });
    tx.outs.forEach((o, vout) => {
      let address: string | undefined;
      try {
        address = bitcoin.address.fromOutputScript(o.script, REGTEST);
      } catch {
        address = undefined;
      }
      this.outputs.set(`${txid}:${vout}`, { txid, vout, script: o.script, value: o.value, address });
    });
    if (!external) for (const inp of tx.ins) this.spentBy.set(inKey(inp), txid);
    return txid;
  }

  private evict(txid: string): void {
    const rec = this.txs.get(txid);
    if (!rec) return;
    this.txs.delete(txid);
    rec.tx.outs.forEach((_, vout) => this.outputs.delete(`${txid}:${vout}`));
    for (const inp of rec.tx.ins) if (this.spentBy.get(inKey(inp)) === txid) this.spentBy.delete(inKey(inp));
  }

  /** Mempool acceptance; returns an error text (like bitcoind's) or the txid. */
  submit(hex: string): { ok: true; txid: string } | { ok: false; error: string } {
    let tx: bitcoin.Transaction;
    try {
      tx = bitcoin.Transaction.fromHex(hex);
    } catch {
      return { ok: false, error: 'TX decode failed' };
    }
    const conflicts = new Set<string>();
    for (const inp of tx.ins) {
      const k = inKey(inp);
      if (!this.outputs.has(k)) return { ok: false, error: 'bad-txns-inputs-missingorspent' };
      const spender = this.spentBy.get(k);
      if (spender) {
        if (this.txs.get(spender)?.confirmed) return { ok: false, error: 'bad-txns-inputs-missingorspent' };
        conflicts.add(spender);
      }
    }
    let verified;
    try {
      verified = verifyTx(hex, this.prevouts());
    } catch (err) {
      return { ok: false, error: `mandatory-script-verify-flag-failed (${(err as Error).message})` };
    }
    if (verified.fee < BigInt(verified.vsize)) return { ok: false, error: 'min relay fee not met' };
    if (conflicts.size > 0) {
      const oldFees = [...conflicts].reduce((s, id) => s + this.txs.get(id)!.fee, 0n);
      if (verified.fee <= oldFees) return { ok: false, error: `insufficient fee, rejecting replacement (${verified.fee} <= ${oldFees})` };
      if (verified.fee - oldFees < BigInt(verified.vsize)) return { ok: false, error: 'insufficient fee, rejecting replacement (not enough additional fees to relay)' };
      for (const id of conflicts) this.evict(id);
    }
    return { ok: true, txid: this.insert(tx, hex, false, verified.fee, false) };
  }

  private stats(address: string, confirmed: boolean): Stats {
    const s: Stats = { funded_txo_count: 0, funded_txo_sum: 0, spent_txo_count: 0, spent_txo_sum: 0, tx_count: 0 };
    for (const rec of this.txs.values()) {
      if (rec.confirmed !== confirmed) continue;
      let touches = false;
      rec.tx.outs.forEach((o, vout) => {
        if (this.outputs.get(`${rec.txid}:${vout}`)?.address === address) {
          s.funded_txo_count++;
          s.funded_txo_sum += Number(o.value);
          touches = true;
        }
      });
      if (!rec.external) {
        for (const inp of rec.tx.ins) {
          const prev = this.outputs.get(inKey(inp));
          if (prev?.address === address) {
            s.spent_txo_count++;
            s.spent_txo_sum += Number(prev.value);
            touches = true;
          }
        }
      }
      if (touches) s.tx_count++;
    }
    return s;
  }

  private touches(rec: TxRec, address: string): boolean {
    if (rec.tx.outs.some((_, vout) => this.outputs.get(`${rec.txid}:${vout}`)?.address === address)) return true;
    return !rec.external && rec.tx.ins.some((inp) => this.outputs.get(inKey(inp))?.address === address);
  }

  /** A transaction as Esplora's JSON (GET /tx/:id, /address/:a/txs): inputs with their prevouts. */
  private txJson(rec: TxRec): Record<string, unknown> {
    const out = (o: OutRec | undefined): Record<string, unknown> | null =>
      o ? { scriptpubkey: hexOf(o.script), ...(o.address ? { scriptpubkey_address: o.address } : {}), value: Number(o.value) } : null;
    return {
      txid: rec.txid,
      version: rec.tx.version,
      locktime: rec.tx.locktime,
      vin: rec.tx.ins.map((inp) => ({ txid: inKey(inp).split(':')[0], vout: inp.index, prevout: rec.external ? null : out(this.outputs.get(inKey(inp))), sequence: inp.sequence, is_coinbase: false })),
      vout: rec.tx.outs.map((_, vout) => out(this.outputs.get(`${rec.txid}:${vout}`))),
      size: rec.hex.length / 2,
      weight: rec.tx.weight(),
      fee: Number(rec.fee),
      status: this.status(rec.txid),
    };
  }

  private status(txid: string): Record<string, unknown> {
    const rec = this.txs.get(txid);
    if (!rec?.confirmed) return { confirmed: false };
    return { confirmed: true, block_height: rec.height, block_hash: '00'.repeat(31) + (rec.height ?? 0).toString(16).padStart(2, '0'), block_time: 1_700_000_000 + (rec.height ?? 0) };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    this.requests.push(`${req.method} ${path}`);
    let body = '';
    for await (const chunk of req) body += chunk;
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const send = (status: number, text: string, type = 'text/plain', headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(text);
    };
    const json = (v: unknown): void => send(200, JSON.stringify(v), 'application/json');
    const fail = this.failures.shift();
    if (fail) return send(fail.status, fail.body, 'text/plain', fail.headers);
    let m: RegExpExecArray | null;
    if (req.method === 'POST' && path === '/tx') {
      const r = this.submit(body.trim());
      return r.ok ? send(200, r.txid) : send(400, `sendrawtransaction RPC error: {"code":-26,"message":"${r.error}"}`);
    }
    if (path === '/fee-estimates') return json(this.feeEstimates);
    if (path === '/blocks/tip/height') return send(200, String(this.tipHeight));
    if ((m = /^\/address\/([^/]+)$/.exec(path))) {
      const a = decodeURIComponent(m[1]!);
      return json({ address: a, chain_stats: this.stats(a, true), mempool_stats: this.stats(a, false) });
    }
    if ((m = /^\/address\/([^/]+)\/txs$/.exec(path))) {
      const a = decodeURIComponent(m[1]!);
      // Esplora: up to 50 mempool transactions, then the newest 25 confirmed, newest first.
      const touching = [...this.txs.values()].filter((rec) => this.touches(rec, a)).reverse();
      return json([...touching.filter((r) => !r.confirmed).slice(0, 50), ...touching.filter((r) => r.confirmed).slice(0, 25)].map((r) => this.txJson(r)));
    }
    if ((m = /^\/address\/([^/]+)\/utxo$/.exec(path))) {
      const a = decodeURIComponent(m[1]!);
      const list = [...this.outputs.entries()]
        .filter(([k, o]) => o.address === a && !this.spentBy.has(k))
        .map(([, o]) => ({ txid: o.txid, vout: o.vout, status: this.status(o.txid), value: Number(o.value) }));
      return json(list);
    }
    if ((m = /^\/tx\/([0-9a-f]{64})\/hex$/.exec(path))) {
      const rec = this.txs.get(m[1]!);
      return rec ? send(200, rec.hex) : send(404, 'Transaction not found');
    }
    if ((m = /^\/tx\/([0-9a-f]{64})\/status$/.exec(path))) {
      return this.txs.has(m[1]!) ? json(this.status(m[1]!)) : send(404, 'Transaction not found');
    }
    send(404, 'Not found');
  }
}
