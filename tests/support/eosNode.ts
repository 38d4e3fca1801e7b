/**
 * Test helper: a loopback HTTP server speaking the Antelope chain API (nodeos' /v1/chain/*) in
 * front of a real contract runtime. VeRT (@eosnetwork/vert) executes the `eosio.token` wasm + abi
 * that proton-tsc ships (external/eosio.token); every submitted transaction is decoded and its
 * signatures checked with @wharfkit/antelope (recovered keys against the declared actors'
 * permissions, tests/support/eosAuth.ts), its TAPoS block and expiration checked and its CPU/NET
 * billed against the payers' limits, and only then are the exact signed bytes applied by VeRT, so
 * balances change only as the contract says. Blocks are produced on a timer; the last
 * irreversible block trails the head by `libLag` blocks (for "status until irreversible").
 *
 * Endpoints: get_info, get_block, get_account, get_currency_balance, get_abi, get_raw_abi,
 * get_raw_code_and_abi (eosjs 20), get_accounts_by_authorizers, get_required_keys,
 * push_transaction, send_transaction, send_transaction2, get_transaction_status, and the history
 * plugin's /v1/history/get_actions (v1 shape: one action trace per notified receiver — a token
 * transfer reaches the contract, `from` and `to` — newest by `pos: -1, offset: -n`). Errors use
 * nodeos' shape: HTTP 500 `{ code, message, error: { code, name, what, details: [{ message }] } }`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ABI, Checksum256, PackedTransaction, PublicKey, Serializer, Transaction } from '@wharfkit/antelope';
import { Blockchain, nameToBigInt, type Account } from '@eosnetwork/vert';
import { Name as VertName, Serializer as VertSerializer, Transaction as VertTransaction, TimePoint as VertTimePoint } from '@greymass/eosio';
import { NodeosError, checkAuthorizations, recoverSigners, type PermissionState } from './eosAuth';
import { listenLoopback } from './loopback';

const require = createRequire(import.meta.url);
/** proton-tsc's build of the reference eosio.token contract (wasm + abi). */
export const TOKEN_CONTRACT_FILES = join(dirname(require.resolve('proton-tsc/package.json')), 'external/eosio.token/eosio.token');

export interface ResourceLimit {
  used: number;
  max: number;
}
interface AccountState {
  permissions: PermissionState[];
  created: string;
  cpu: ResourceLimit;
  net: ResourceLimit;
  ramQuota: number;
  ramUsage: number;
}
interface BlockInfo {
  num: number;
  id: string;
  time: number;
}
export interface AppliedTx {
  id: string;
  blockNum: number;
  time: number;
  actions: { account: string; name: string; authorization: string[]; data: unknown }[];
}

export interface EosTestNode {
  url: string;
  chainId: string;
  /** Every /v1 path requested, in order. */
  calls: string[];
  /** Transactions the runtime applied, in order. */
  applied: AppliedTx[];
  /** An account whose owner and active permissions are `key` (PUB_K1_… or EOS…), threshold 1. */
  createAccount(name: string, key: string, opts?: { activeKey?: string; cpu?: ResourceLimit; net?: ResourceLimit }): void;
  setResources(name: string, r: { cpu?: ResourceLimit; net?: ResourceLimit }): void;
  resources(name: string): { cpu: ResourceLimit; net: ResourceLimit };
  /** Deploys eosio.token's wasm at `contract` (if not yet) and creates + issues `maxSupply`'s symbol to the contract. */
  createToken(contract: string, maxSupply: string): Promise<void>;
  /** Moves `quantity` from the token contract's own balance to `to` (through the runtime). */
  fund(to: string, quantity: string, contract?: string): Promise<void>;
  /** The account's balance of `symbol` as the contract's table holds it ('0.0000 EOS' style, or null without a row). */
  balance(account: string, symbol?: string, contract?: string): string | null;
  head(): BlockInfo;
  lib(): BlockInfo;
  stop(): Promise<void>;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 23);
const CPU_PER_TX_US = 180;
const CPU_PER_ACTION_US = 60;

export async function startEosNode(opts: { chainId?: string; blockMs?: number; libLag?: number } = {}): Promise<EosTestNode> {
  const chainId = opts.chainId ?? randomBytes(32).toString('hex');
  const libLag = opts.libLag ?? 3;
  const calls: string[] = [];
  const applied: AppliedTx[] = [];
  const accounts = new Map<string, AccountState>();
  const blocks: BlockInfo[] = [];
  const txs = new Map<string, { blockNum: number; expiration: number }>();
  const bc = new Blockchain();

  const newBlock = (): void => {
    const num = (blocks.at(-1)?.num ?? 9_999_990) + 1;
    const id = Buffer.concat([Buffer.from(num.toString(16).padStart(8, '0'), 'hex'), randomBytes(28)]).toString('hex');
    blocks.push({ num, id, time: Date.now() });
    if (blocks.length > 2000) blocks.shift();
    bc.setTime(VertTimePoint.fromMilliseconds(Date.now()));
  };
  for (let i = 0; i < libLag + 2; i++) newBlock();
  const timer = setInterval(newBlock, opts.blockMs ?? 500);
  timer.unref();
  const head = (): BlockInfo => blocks.at(-1)!;
  const lib = (): BlockInfo => blocks[Math.max(0, blocks.length - 1 - libLag)]!;

  const tokenAbiJson = JSON.parse(readFileSync(`${TOKEN_CONTRACT_FILES}.abi`, 'utf8')) as Record<string, unknown>;
  const tokenWasm = readFileSync(`${TOKEN_CONTRACT_FILES}.wasm`);
  const tokenAbi = ABI.from(tokenAbiJson as never);
  const tokenAbiBytes = Serializer.encode({ object: tokenAbi }).array;

  const perms = (key: string, activeKey = key): PermissionState[] => [
    { perm_name: 'active', parent: 'owner', required_auth: { threshold: 1, keys: [{ key: PublicKey.from(activeKey).toLegacyString(), weight: 1 }], accounts: [], waits: [] } },
    { perm_name: 'owner', parent: '', required_auth: { threshold: 1, keys: [{ key: PublicKey.from(key).toLegacyString(), weight: 1 }], accounts: [], waits: [] } },
  ];
  const fresh = (): Omit<AccountState, 'permissions'> => ({ created: iso(Date.now()), cpu: { used: 0, max: 20_000 }, net: { used: 0, max: 100_000 }, ramQuota: 8_000, ramUsage: 2_996 });
  const mustAccount = (name: string): AccountState => {
    const a = accounts.get(name);
    if (!a) throw new NodeosError(0, 'exception', 'unspecified', `unknown key (eosio::chain::name): ${name}`);
    return a;
  };
  // The system account exists (as on every chain) so contracts may notify or check it.
  accounts.set('eosio', { permissions: [], ...fresh() });
  bc.createAccount('eosio');

  function deployToken(contract: string): Account {
    const existing = bc.getAccount(VertName.from(contract));
    if (existing?.isContract) return existing;
    if (!accounts.has(contract)) accounts.set(contract, { permissions: [], ...fresh() });
    return bc.createAccount({ name: contract, wasm: new Uint8Array(tokenWasm), abi: tokenAbiJson as never, enableInline: true });
  }
  const contractAbi = (account: string): ABI | undefined => (bc.getAccount(VertName.from(account))?.isContract ? tokenAbi : undefined);

  function tableBalance(account: string, symbol: string, contract: string): string | null {
    const c = bc.getAccount(VertName.from(contract));
    if (!c?.isContract) return null;
    const rows = c.tables.accounts!(nameToBigInt(VertName.from(account))).getTableRows() as { balance: string }[];
    return rows.find((r) => r.balance.endsWith(` ${symbol}`))?.balance ?? null;
  }

  /** Checks and applies a packed signed transaction; returns the nodeos push response. */
  async function submit(body: Record<string, unknown>): Promise<unknown> {
    // nodeos accepts the compression as a number or a name; zlib (what WharfKit sends) is inflated here.
    const compression = String(body.compression ?? 0);
    const zlib = compression === '1' || compression === 'zlib';
    if (!zlib && compression !== '0' && compression !== 'none') throw new NodeosError(3030000, 'transaction_exception', 'Transaction exception', `unknown compression ${compression}`);
    const inflate = (hex: unknown): string => (typeof hex === 'string' && hex && zlib ? inflateSync(Buffer.from(hex, 'hex')).toString('hex') : String(hex ?? ''));
    let packed: PackedTransaction;
    try {
      packed = PackedTransaction.from({ signatures: body.signatures, compression: 0, packed_context_free_data: inflate(body.packed_context_free_data), packed_trx: inflate(body.packed_trx) } as never);
    } catch (e) {
      throw new NodeosError(3010010, 'packed_transaction_type_exception', 'Invalid packed transaction', `packed transaction does not parse: ${(e as Error).message}`);
    }
    let tx: Transaction;
    try {
      tx = packed.getTransaction();
    } catch (e) {
      throw new NodeosError(3050002, 'invalid_action_args_exception', 'Invalid Action Arguments', `packed_trx does not decode: ${(e as Error).message}`);
    }
    const id = String(tx.id);
    if (txs.has(id)) throw new NodeosError(3040008, 'tx_duplicate', 'Duplicate transaction', `duplicate transaction ${id}`);
    const exp = tx.expiration.toMilliseconds();
    if (exp <= Date.now()) throw new NodeosError(3040005, 'expired_tx_exception', 'Expired Transaction', `expired transaction ${id}, expiration ${iso(exp)}`);
    if (exp > Date.now() + 3600_000) throw new NodeosError(3040006, 'tx_exp_too_far_exception', 'Transaction Expiration Too Far', 'Transaction expiration is too far in the future (max 3600 s)');
    const ref = blocks.find((b) => (b.num & 0xffff) === Number(tx.ref_block_num));
    const prefix = ref ? Buffer.from(ref.id, 'hex').readUInt32LE(8) : -1;
    if (!ref || prefix !== Number(tx.ref_block_prefix)) {
      throw new NodeosError(3040007, 'invalid_ref_block_exception', 'Invalid Reference Block', `Transaction's reference block did not match. Is this transaction from a different fork? (ref ${tx.ref_block_num}/${tx.ref_block_prefix})`);
    }
    const signers = recoverSigners(tx, chainId, packed.signatures.map(String));
    checkAuthorizations(tx, signers, (actor) => accounts.get(actor)?.permissions);
    for (const a of tx.actions) {
      if (!contractAbi(String(a.account))) throw new NodeosError(3060002, 'account_query_exception', 'Account Query Exception', `Contract ${a.account} has no code (action ${a.name})`);
    }

    // Resources, billed to every authorizing account as nodeos bills them.
    const cpu = CPU_PER_TX_US + CPU_PER_ACTION_US * tx.actions.length;
    const netWords = Math.ceil((packed.packed_trx.array.length + 65 * packed.signatures.length + 12) / 8);
    const payers = [...new Set(tx.actions.flatMap((a) => a.authorization.map((l) => String(l.actor))))];
    for (const p of payers) {
      const r = mustAccount(p);
      if (r.cpu.max - r.cpu.used < cpu) throw new NodeosError(3080004, 'tx_cpu_usage_exceeded', 'Transaction exceeded the current CPU usage limit imposed on the transaction', `billed CPU time (${cpu} us) is greater than the maximum billable CPU time for the transaction (${Math.max(0, r.cpu.max - r.cpu.used)} us)`);
      if (r.net.max - r.net.used < netWords * 8) throw new NodeosError(3080002, 'tx_net_usage_exceeded', 'Transaction exceeded the current network usage limit imposed on the transaction', `transaction net usage is too high: ${netWords * 8} > ${Math.max(0, r.net.max - r.net.used)}`);
    }

    // Apply the exact signed bytes through the runtime (VeRT reverts its tables on an assertion).
    const vertTx = VertSerializer.decode({ data: packed.packed_trx.hexString, type: VertTransaction });
    try {
      await bc.applyTransaction(vertTx);
    } catch (e) {
      const m = (e as Error).message;
      throw new NodeosError(3050003, 'eosio_assert_message_exception', 'eosio_assert_message assertion failure', `assertion failure with message: ${m.replace(/^eosio_assert: /, '')}`);
    }
    for (const p of payers) {
      const r = mustAccount(p);
      r.cpu.used += cpu;
      r.net.used += netWords * 8;
    }
    const block = head();
    txs.set(id, { blockNum: block.num + 1, expiration: exp });
    const decoded = tx.actions.map((a) => {
      const abi = contractAbi(String(a.account));
      let data: unknown = a.data.hexString;
      try {
        if (abi) data = Serializer.objectify(a.decodeData(abi));
      } catch {
        /* keep hex */
      }
      return { account: String(a.account), name: String(a.name), authorization: a.authorization.map((l) => `${l.actor}@${l.permission}`), data };
    });
    applied.push({ id, blockNum: block.num + 1, time: Date.now() + 500, actions: decoded });
    return {
      transaction_id: id,
      processed: {
        id,
        block_num: block.num + 1,
        block_time: iso(Date.now() + 500),
        producer_block_id: null,
        receipt: { status: 'executed', cpu_usage_us: cpu, net_usage_words: netWords },
        elapsed: cpu,
        net_usage: netWords * 8,
        scheduled: false,
        action_traces: decoded.map((a, i) => ({ action_ordinal: i + 1, creator_action_ordinal: 0, receiver: a.account, act: { account: a.account, name: a.name, authorization: a.authorization.map((s) => ({ actor: s.split('@')[0], permission: s.split('@')[1] })), data: a.data }, block_num: block.num + 1, trx_id: id })),
        account_ram_delta: null,
        except: null,
        error_code: null,
      },
    };
  }

  const info = (): Record<string, unknown> => ({
    server_version: 'vert0001',
    chain_id: chainId,
    head_block_num: head().num,
    last_irreversible_block_num: lib().num,
    last_irreversible_block_id: lib().id,
    head_block_id: head().id,
    head_block_time: iso(head().time),
    head_block_producer: 'eosio',
    virtual_block_cpu_limit: 200_000_000,
    virtual_block_net_limit: 1_048_576_000,
    block_cpu_limit: 200_000,
    block_net_limit: 1_048_576,
    server_version_string: 'v5.0.0-vert',
    fork_db_head_block_num: head().num,
    fork_db_head_block_id: head().id,
  });
  const limit = (r: ResourceLimit): Record<string, unknown> => ({ used: r.used, available: Math.max(0, r.max - r.used), max: r.max, last_usage_update_time: iso(Date.now()), current_used: r.used });

  const handlers: Record<string, (p: Record<string, unknown>) => unknown> = {
    '/v1/chain/get_info': info,
    '/v1/chain/get_block': (p) => {
      const key = String(p.block_num_or_id);
      const b = blocks.find((x) => String(x.num) === key || x.id === key);
      if (!b) throw new NodeosError(3100002, 'unknown_block_exception', 'Unknown block', `Could not find block: ${key}`);
      return { timestamp: iso(b.time), producer: 'eosio', confirmed: 0, previous: blocks.find((x) => x.num === b.num - 1)?.id ?? '0'.repeat(64), transaction_mroot: '0'.repeat(64), action_mroot: '0'.repeat(64), schedule_version: 1, new_producers: null, producer_signature: 'SIG_K1_KfqjvCUEi5LTcVYkCGJXjcpZtTKVzy4XUHtfMxRWfDXW8QVxNqZGXDuPZbrZLPcLdLNLa3P7qX8FsWmmUxXBGxRdkz4y5Z', transactions: [], id: b.id, block_num: b.num, ref_block_prefix: Buffer.from(b.id, 'hex').readUInt32LE(8) };
    },
    '/v1/chain/get_account': (p) => {
      const name = String(p.account_name);
      const a = mustAccount(name);
      const liquid = tableBalance(name, 'EOS', 'eosio.token');
      return {
        account_name: name,
        head_block_num: head().num,
        head_block_time: iso(head().time),
        privileged: false,
        last_code_update: '1970-01-01T00:00:00.000',
        created: a.created,
        ...(liquid ? { core_liquid_balance: liquid } : {}),
        ram_quota: a.ramQuota,
        net_weight: 10_000,
        cpu_weight: 10_000,
        net_limit: limit(a.net),
        cpu_limit: limit(a.cpu),
        ram_usage: a.ramUsage,
        permissions: a.permissions,
        total_resources: { owner: name, net_weight: '1.0000 EOS', cpu_weight: '1.0000 EOS', ram_bytes: a.ramQuota },
        self_delegated_bandwidth: null,
        refund_request: null,
        voter_info: null,
        rex_info: null,
      };
    },
    '/v1/chain/get_currency_balance': (p) => {
      const code = String(p.code);
      const account = String(p.account);
      if (!contractAbi(code)) throw new NodeosError(3060002, 'account_query_exception', 'Account Query Exception', `Fail to retrieve account for ${code}`);
      const c = bc.getAccount(VertName.from(code))!;
      const rows = c.tables.accounts!(nameToBigInt(VertName.from(account))).getTableRows() as { balance: string }[];
      const sym = typeof p.symbol === 'string' ? p.symbol : undefined;
      return rows.map((r) => r.balance).filter((b) => !sym || b.endsWith(` ${sym}`));
    },
    '/v1/chain/get_abi': (p) => {
      const name = String(p.account_name);
      mustAccount(name);
      return contractAbi(name) ? { account_name: name, abi: tokenAbiJson } : { account_name: name };
    },
    '/v1/chain/get_raw_abi': (p) => {
      const name = String(p.account_name);
      mustAccount(name);
      const has = Boolean(contractAbi(name));
      return { account_name: name, code_hash: has ? sha256(tokenWasm) : '0'.repeat(64), abi_hash: has ? sha256(tokenAbiBytes) : '0'.repeat(64), abi: has ? Buffer.from(tokenAbiBytes).toString('base64') : '' };
    },
    '/v1/chain/get_raw_code_and_abi': (p) => {
      const name = String(p.account_name);
      mustAccount(name);
      const has = Boolean(contractAbi(name));
      return { account_name: name, wasm: has ? tokenWasm.toString('base64') : '', abi: has ? Buffer.from(tokenAbiBytes).toString('base64') : '' };
    },
    '/v1/chain/get_accounts_by_authorizers': (p) => {
      const keys = ((p.keys as string[] | undefined) ?? []).map((k) => PublicKey.from(k).toString());
      const rows: unknown[] = [];
      for (const [name, a] of accounts) {
        for (const perm of a.permissions) {
          for (const kw of perm.required_auth.keys) {
            if (keys.includes(PublicKey.from(kw.key).toString())) rows.push({ account_name: name, permission_name: perm.perm_name, authorizing_key: kw.key, weight: kw.weight, threshold: perm.required_auth.threshold });
          }
        }
      }
      return { accounts: rows };
    },
    '/v1/chain/get_required_keys': (p) => {
      const available = ((p.available_keys as string[] | undefined) ?? []).map((k) => PublicKey.from(k).toString());
      const tx = Transaction.from(p.transaction as never);
      const out = new Set<string>();
      for (const a of tx.actions) {
        for (const l of a.authorization) {
          const perm = accounts.get(String(l.actor))?.permissions.find((x) => x.perm_name === String(l.permission));
          for (const kw of perm?.required_auth.keys ?? []) if (available.includes(PublicKey.from(kw.key).toString())) out.add(kw.key);
        }
      }
      return { required_keys: [...out] };
    },
    '/v1/chain/push_transaction': (p) => submit(p),
    '/v1/chain/send_transaction': (p) => submit(p),
    '/v1/chain/send_transaction2': (p) => submit((p.transaction ?? {}) as Record<string, unknown>),
    '/v1/history/get_actions': (p) => {
      const account = String(p.account_name);
      const traces: Record<string, unknown>[] = [];
      let global = 0;
      for (const t of applied) {
        t.actions.forEach((a, i) => {
          const d = (a.data ?? {}) as Record<string, unknown>;
          // require_recipient(from), require_recipient(to) in eosio.token's transfer: one trace per receiver.
          const receivers = [...new Set([a.account, ...(a.name === 'transfer' ? [String(d.from), String(d.to)] : [])])];
          for (const receiver of receivers) {
            global += 1;
            if (receiver !== account && !a.authorization.some((x) => x.startsWith(`${account}@`))) continue;
            traces.push({
              global_action_seq: global,
              account_action_seq: traces.length,
              block_num: t.blockNum,
              block_time: iso(t.time),
              action_trace: {
                action_ordinal: i + 1,
                creator_action_ordinal: 0,
                receiver,
                act: { account: a.account, name: a.name, authorization: a.authorization.map((x) => ({ actor: x.split('@')[0], permission: x.split('@')[1] })), data: a.data },
                trx_id: t.id,
                block_num: t.blockNum,
                block_time: iso(t.time),
                except: null,
              },
            });
          }
        });
      }
      const pos = Number(p.pos ?? -1);
      const offset = Number(p.offset ?? -20);
      const actions = pos === -1 ? traces.slice(Math.max(0, traces.length - 1 + offset)) : traces.slice(pos, pos + offset + 1);
      return { actions, last_irreversible_block: lib().num, time_limit_exceeded_error: false };
    },
    '/v1/chain/get_transaction_status': (p) => {
      const id = String(p.id);
      const t = txs.get(id);
      const h = head();
      const l = lib();
      const state = !t ? 'UNKNOWN' : t.blockNum <= l.num ? 'IRREVERSIBLE' : t.blockNum <= h.num ? 'IN_BLOCK' : 'LOCALLY_APPLIED';
      const b = t ? blocks.find((x) => x.num === t.blockNum) : undefined;
      return {
        state,
        head_number: h.num,
        head_id: h.id,
        head_timestamp: iso(h.time),
        irreversible_number: l.num,
        irreversible_id: l.id,
        irreversible_timestamp: iso(l.time),
        earliest_tracked_block_id: blocks[0]!.id,
        earliest_tracked_block_number: blocks[0]!.num,
        ...(t ? { block_number: t.blockNum, block_id: b?.id, expiration: iso(t.expiration) } : {}),
      };
    },
  };

  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'GET, POST, OPTIONS' };
  const reply = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...cors }).end(JSON.stringify(body));
  };
  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    const path = (req.url ?? '').split('?')[0] ?? '';
    calls.push(path);
    const h = handlers[path];
    if (!h) return reply(res, 404, { code: 404, message: 'Not Found', error: { code: 0, name: 'exception', what: 'unspecified', details: [{ message: `Unknown Endpoint ${path}`, file: '', line_number: 0, method: '' }] } });
    try {
      const parsed = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      reply(res, 200, await h(parsed));
    } catch (e) {
      const err = e instanceof NodeosError ? e : new NodeosError(3010010, 'packed_transaction_type_exception', 'Invalid packed transaction', (e as Error).message);
      reply(res, 500, { code: 500, message: 'Internal Service Error', error: { code: err.code, name: err.errorName, what: err.what, details: [{ message: err.message, file: '', line_number: 0, method: '' }] } });
    }
  }
  const { server, url } = await listenLoopback((req, res, body) => void handle(req, res, body));

  // Direct runtime calls for set-up (funding): run through VeRT as the contract itself.
  const asContract = async (contract: string, action: string, data: unknown[], auth: string): Promise<void> => {
    await deployToken(contract).actions[action]!(data).send(auth);
  };

  return {
    url,
    chainId: Checksum256.from(chainId).hexString,
    calls,
    applied,
    createAccount(name, key, o = {}) {
      if (accounts.has(name)) throw new Error(`account ${name} exists`);
      accounts.set(name, { permissions: perms(key, o.activeKey), ...fresh(), ...(o.cpu ? { cpu: { ...o.cpu } } : {}), ...(o.net ? { net: { ...o.net } } : {}) });
      bc.createAccount(name);
    },
    setResources(name, r) {
      const a = mustAccount(name);
      if (r.cpu) a.cpu = { ...r.cpu };
      if (r.net) a.net = { ...r.net };
    },
    resources: (name) => ({ cpu: { ...mustAccount(name).cpu }, net: { ...mustAccount(name).net } }),
    async createToken(contract, maxSupply) {
      deployToken(contract);
      await asContract(contract, 'create', [contract, maxSupply], `${contract}@active`);
      await asContract(contract, 'issue', [contract, maxSupply, 'issue'], `${contract}@active`);
    },
    async fund(to, quantity, contract = 'eosio.token') {
      await asContract(contract, 'transfer', [contract, to, quantity, 'fund'], `${contract}@active`);
    },
    balance: (account, symbol = 'EOS', contract = 'eosio.token') => tableBalance(account, symbol, contract),
    head,
    lib,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
