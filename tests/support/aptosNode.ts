/**
 * Test helper: a loopback HTTP server speaking the Aptos fullnode REST shape (/v1) the wallet and
 * dApps call: ledger info, accounts, resources, module ABIs, view functions, gas estimate,
 * simulate, submit (BCS `application/x.aptos.signed_transaction+bcs`) and transactions by hash.
 *
 * Every submitted transaction is checked with @aptos-labs/ts-sdk, the independent library: its BCS
 * is deserialized as a SignedTransaction (no trailing bytes), the ed25519 signature verified over
 * ts-sdk's own signing message, the public key's authentication key compared with the sender's,
 * then chain id, sequence number, expiration and balance are checked as the VM's prologue does.
 * Accepted transfers (aptos_account::transfer, coin::transfer, primary_fungible_store::transfer)
 * change the balances this server keeps; a recipient that does not exist is created. Gas is a fixed
 * table, not Move execution. An APT transfer also emits a `0x1::coin::DepositEvent` on the
 * recipient's `CoinStore<AptosCoin>` deposit_events handle, served like the fullnode does
 * (`/accounts/:a/events/:struct/:field?start=&limit=`, the handle's counter in the resource) with
 * the transaction at its ledger version (`/transactions/by_version/:v`). CORS headers are sent as the public fullnode API sends them.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AccountAddress,
  AccountAuthenticatorEd25519,
  AuthenticationKey,
  Deserializer,
  Ed25519PublicKey,
  EntryFunction,
  generateSigningMessageForTransaction,
  generateUserTransactionHash,
  SignedTransaction,
  SimpleTransaction,
  TransactionAuthenticatorEd25519,
  TransactionPayloadEntryFunction,
} from '@aptos-labs/ts-sdk';

export const APT_COIN = '0x1::aptos_coin::AptosCoin';
export const APT_COIN_STORE = `0x1::coin::CoinStore<${APT_COIN}>`;
/** The paired fungible asset of APT. */
export const APT_METADATA = '0x000000000000000000000000000000000000000000000000000000000000000a';
export const GAS_TRANSFER = 11n;
export const GAS_CREATE_ACCOUNT = 510n;
export const GAS_UNIT_PRICE = 100n;

export interface FungibleAsset {
  name: string;
  symbol: string;
  decimals: number;
  icon_uri: string;
  project_uri: string;
}

export interface SubmittedTransaction {
  hash: string;
  sender: string;
  function: string;
  typeArguments: string[];
  /** Arguments as ts-sdk deserialized them (addresses long hex, integers as bigint). */
  args: Uint8Array[];
  /** The BCS bytes exactly as received. */
  bytes: Uint8Array;
  success: boolean;
  vmStatus: string;
}

export interface AptosTestNode {
  url: string;
  chainId: number;
  /** Every request line ("GET /v1/accounts/…"), in order. */
  calls: string[];
  submitted: SubmittedTransaction[];
  fund(address: string, octas: bigint): void;
  balance(address: string): bigint;
  exists(address: string): boolean;
  sequenceNumber(address: string): bigint;
  /** A fungible asset whose metadata object lives at `address`; returns its long address. */
  createAsset(address: string, meta: FungibleAsset): string;
  setAssetBalance(metadata: string, owner: string, amount: bigint): void;
  assetBalance(metadata: string, owner: string): bigint;
  /** A legacy coin (CoinInfo / CoinStore), e.g. '0xcafe::moon::Moon'. */
  createCoin(type: string, meta: { name: string; symbol: string; decimals: number }): void;
  setCoinBalance(type: string, owner: string, amount: bigint): void;
  /** Transactions by hash answer `pending` this many times before they are committed. */
  pendingPolls: number;
  stop(): Promise<void>;
}

/** Long form of any address, short special forms (0x1, 0xa) and short test addresses (0xbeef) too. */
const long = (a: string): string => {
  const body = String(a).toLowerCase().replace(/^0x/, '');
  if (!/^[0-9a-f]{1,64}$/.test(body)) throw new NodeError(400, `Invalid address ${String(a).slice(0, 80)}`, 'invalid_input');
  return `0x${body.padStart(64, '0')}`;
};
const hex = (b: Uint8Array): string => `0x${Buffer.from(b).toString('hex')}`;

const u64 = (b: Uint8Array): bigint => new Deserializer(b).deserializeU64();
const addr = (b: Uint8Array): string => AccountAddress.deserialize(new Deserializer(b)).toStringLong();

class NodeError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode: string,
    readonly vmErrorCode: number | null = null,
  ) {
    super(message);
  }
}
const vmError = (code: string, n: number | null = null): NodeError => new NodeError(400, `Invalid transaction: Type: Validation Code: ${code}`, 'vm_error', n);

const param = (name: string): { name: string; params: string[]; generic: number; view: boolean; entry: boolean; returns: string[] } => ({ name, params: [], generic: 0, view: false, entry: true, returns: [] });

/** The module ABIs ts-sdk and the wallet fetch to encode arguments (the fields the API returns). */
const MODULES: Record<string, Record<string, ReturnType<typeof param>>> = {
  'aptos_account': {
    transfer: { ...param('transfer'), params: ['&signer', 'address', 'u64'] },
    transfer_coins: { ...param('transfer_coins'), params: ['&signer', 'address', 'u64'], generic: 1 },
  },
  coin: {
    transfer: { ...param('transfer'), params: ['&signer', 'address', 'u64'], generic: 1 },
    balance: { ...param('balance'), params: ['address'], generic: 1, view: true, entry: false, returns: ['u64'] },
  },
  primary_fungible_store: {
    transfer: { ...param('transfer'), params: ['&signer', '0x1::object::Object<T0>', 'address', 'u64'], generic: 1 },
    balance: { ...param('balance'), params: ['address', '0x1::object::Object<T0>'], generic: 1, view: true, entry: false, returns: ['u64'] },
  },
  account: {
    rotate_authentication_key_call: { ...param('rotate_authentication_key_call'), params: ['&signer', 'vector<u8>'] },
    offer_signer_capability: { ...param('offer_signer_capability'), params: ['&signer', 'vector<u8>', 'u8', 'vector<u8>', 'address'] },
  },
};

function moduleAbi(address: string, name: string): unknown {
  const fns = MODULES[name];
  if (!fns || long(address) !== long('0x1')) return undefined;
  return {
    bytecode: '0xa11ceb0b',
    abi: {
      address: '0x1',
      name,
      friends: [],
      exposed_functions: Object.values(fns).map((f) => ({
        name: f.name,
        visibility: 'public',
        is_entry: f.entry,
        is_view: f.view,
        generic_type_params: Array.from({ length: f.generic }, () => ({ constraints: [] })),
        params: f.params,
        return: f.returns,
      })),
      structs: [],
    },
  };
}

interface Account {
  sequence: bigint;
  authKey: string;
}

interface TxRecord {
  json: Record<string, unknown>;
  polls: number;
}

export async function startAptosNode(options: { chainId?: number } = {}): Promise<AptosTestNode> {
  const chainId = options.chainId ?? 4;
  const calls: string[] = [];
  const submitted: SubmittedTransaction[] = [];
  const accounts = new Map<string, Account>();
  const apt = new Map<string, bigint>();
  const assets = new Map<string, FungibleAsset & { balances: Map<string, bigint> }>();
  const coins = new Map<string, { name: string; symbol: string; decimals: number; balances: Map<string, bigint> }>();
  const txs = new Map<string, TxRecord>();
  const byVersion = new Map<string, Record<string, unknown>>();
  /** APT deposit events per account (CoinStore<AptosCoin>.deposit_events), oldest first. */
  const deposits = new Map<string, Array<{ version: string; amount: bigint }>>();
  let version = 1000n;
  let block = 100n;
  const nowMicros = (): bigint => BigInt(Date.now()) * 1000n;

  const ensure = (a: string): Account => {
    const key = long(a);
    let acc = accounts.get(key);
    if (!acc) {
      acc = { sequence: 0n, authKey: key };
      accounts.set(key, acc);
    }
    return acc;
  };
  const aptOf = (a: string): bigint => apt.get(long(a)) ?? 0n;

  function ledger(): Record<string, unknown> {
    return {
      chain_id: chainId,
      epoch: '2',
      ledger_version: String(version),
      oldest_ledger_version: '0',
      ledger_timestamp: String(nowMicros()),
      node_role: 'full_node',
      oldest_block_height: '0',
      block_height: String(block),
      git_hash: 'aptos-test-node',
    };
  }

  function resources(addr: string): Array<{ type: string; data: unknown }> {
    const key = long(addr);
    const out: Array<{ type: string; data: unknown }> = [];
    const acc = accounts.get(key);
    if (acc) out.push({ type: '0x1::account::Account', data: { authentication_key: acc.authKey, sequence_number: String(acc.sequence), coin_register_events: { counter: '0', guid: { id: { addr: key, creation_num: '0' } } } } });
    if (acc) {
      out.push({
        type: APT_COIN_STORE,
        data: {
          coin: { value: String(aptOf(key)) },
          deposit_events: { counter: String(deposits.get(key)?.length ?? 0), guid: { id: { addr: key, creation_num: '2' } } },
          frozen: false,
          withdraw_events: { counter: '0', guid: { id: { addr: key, creation_num: '3' } } },
        },
      });
    }
    for (const [type, c] of coins) {
      const bal = c.balances.get(key);
      if (bal !== undefined) out.push({ type: `0x1::coin::CoinStore<${type}>`, data: { coin: { value: String(bal) }, frozen: false } });
      if (long(type.split('::')[0]!) === key) out.push({ type: `0x1::coin::CoinInfo<${type}>`, data: { name: c.name, symbol: c.symbol, decimals: c.decimals, supply: { vec: [] } } });
    }
    const asset = assets.get(key);
    if (asset) {
      out.push({ type: '0x1::fungible_asset::Metadata', data: { name: asset.name, symbol: asset.symbol, decimals: asset.decimals, icon_uri: asset.icon_uri, project_uri: asset.project_uri } });
      out.push({ type: '0x1::object::ObjectCore', data: { allow_ungated_transfer: false, owner: '0xcafe', guid_creation_num: '1125899906842625', transfer_events: { counter: '0', guid: { id: { addr: key, creation_num: '1125899906842624' } } } } });
    }
    return out;
  }

  /** A view call as JSON ({ function, type_arguments, arguments }) or as ts-sdk's BCS EntryFunction. */
  function viewInput(req: IncomingMessage, body: Buffer): { fn: string; ty: string[]; args: unknown[] } {
    if (req.headers['content-type'] === 'application/x.aptos.view_function+bcs') {
      const d = new Deserializer(new Uint8Array(body));
      const ef = EntryFunction.deserialize(d);
      return {
        fn: `${ef.module_name.address.toStringLong()}::${ef.module_name.name.identifier}::${ef.function_name.identifier}`,
        ty: ef.type_args.map((t) => t.toString()),
        // Every view function this node knows takes addresses (an Object<T> is its address).
        args: ef.args.map((a) => addr(a.bcsToBytes())),
      };
    }
    let b: { function?: unknown; type_arguments?: unknown; arguments?: unknown };
    try {
      b = JSON.parse(body.toString('utf8')) as typeof b;
    } catch {
      throw new NodeError(400, 'Invalid JSON body', 'invalid_input');
    }
    return { fn: String(b.function), ty: Array.isArray(b.type_arguments) ? b.type_arguments.map(String) : [], args: Array.isArray(b.arguments) ? b.arguments : [] };
  }

  function view({ fn, ty, args }: { fn: string; ty: string[]; args: unknown[] }): unknown[] {
    const parts = fn.split('::');
    if (parts.length !== 3) throw new NodeError(400, `Invalid function ${fn}`, 'invalid_input');
    const id = `${long(parts[0]!)}::${parts[1]}::${parts[2]}`;
    const one = long('0x1');
    if (id === `${one}::coin::balance` && ty.length === 1) {
      const owner = String(args[0]);
      if (ty[0] === APT_COIN) return [String(aptOf(owner))];
      const c = coins.get(ty[0]!);
      if (!c) throw new NodeError(400, `Failed to execute function: coin type ${ty[0]} not found`, 'invalid_input');
      return [String(c.balances.get(long(owner)) ?? 0n)];
    }
    if (id === `${one}::primary_fungible_store::balance` && ty.length === 1) {
      const owner = String(args[0]);
      const meta = long(typeof args[1] === 'object' && args[1] !== null ? String((args[1] as { inner: unknown }).inner) : String(args[1]));
      if (meta === APT_METADATA) return [String(aptOf(owner))];
      const a = assets.get(meta);
      if (!a) throw new NodeError(400, `Failed to execute function: no fungible asset at ${meta}`, 'invalid_input');
      return [String(a.balances.get(long(owner)) ?? 0n)];
    }
    throw new NodeError(400, `Function ${fn} is not a view function this node knows`, 'invalid_input');
  }


  /** Checks with ts-sdk; returns the decoded transaction, or throws the node's error. */
  function check(bytes: Uint8Array, simulate: boolean): { signed: SignedTransaction; hash: string; sender: string } {
    let signed: SignedTransaction;
    try {
      const d = new Deserializer(bytes);
      signed = SignedTransaction.deserialize(d);
      if (d.remaining() !== 0) throw new Error(`${d.remaining()} trailing bytes`);
    } catch (err) {
      throw new NodeError(400, `Failed to deserialize input into SignedTransaction: ${(err as Error).message}`, 'invalid_input');
    }
    const auth = signed.authenticator;
    if (!(auth instanceof TransactionAuthenticatorEd25519)) throw vmError('INVALID_AUTH_KEY', 2);
    const raw = signed.raw_txn;
    const simple = new SimpleTransaction(raw);
    const sender = raw.sender.toStringLong();
    if (simulate) {
      if (auth.signature.toUint8Array().some((x) => x !== 0)) throw new NodeError(400, 'Invalid transaction: Simulated transactions must not have a valid signature', 'invalid_input');
    } else if (!auth.public_key.verifySignature({ message: generateSigningMessageForTransaction(simple), signature: auth.signature })) {
      throw vmError('INVALID_SIGNATURE', 1);
    }
    const acc = accounts.get(sender);
    if (!acc) throw vmError('SENDING_ACCOUNT_DOES_NOT_EXIST', 7);
    const authKey = AuthenticationKey.fromPublicKey({ publicKey: new Ed25519PublicKey(auth.public_key.toUint8Array()) }).derivedAddress().toStringLong();
    if (authKey !== acc.authKey) throw vmError('INVALID_AUTH_KEY', 2);
    if (raw.chain_id.chainId !== chainId) throw vmError('BAD_CHAIN_ID');
    if (raw.sequence_number < acc.sequence) throw vmError('SEQUENCE_NUMBER_TOO_OLD', 3);
    if (raw.sequence_number > acc.sequence) throw vmError('SEQUENCE_NUMBER_TOO_NEW', 4);
    if (raw.expiration_timestamp_secs * 1_000_000n <= nowMicros()) throw vmError('TRANSACTION_EXPIRED', 6);
    if (raw.max_gas_amount * raw.gas_unit_price > aptOf(sender)) throw vmError('INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE', 5);
    const hash = generateUserTransactionHash({ transaction: simple, senderAuthenticator: new AccountAuthenticatorEd25519(auth.public_key, auth.signature) });
    return { signed, hash, sender };
  }

  interface Outcome {
    success: boolean;
    vmStatus: string;
    gasUsed: bigint;
    fn: string;
    typeArgs: string[];
    args: Uint8Array[];
    /** An APT transfer's deposit (for the recipient's deposit event). */
    deposit?: { to: string; amount: bigint };
    apply(): void;
  }

  /** Runs the payload against the state without changing it; `apply` commits. */
  function execute(signed: SignedTransaction): Outcome {
    const raw = signed.raw_txn;
    const sender = raw.sender.toStringLong();
    const payload = raw.payload;
    if (!(payload instanceof TransactionPayloadEntryFunction)) {
      return { success: false, vmStatus: 'FEATURE_UNDER_GATING', gasUsed: 5n, fn: 'script', typeArgs: [], args: [], apply: () => undefined };
    }
    const ef = payload.entryFunction;
    const fn = `${ef.module_name.address.toStringLong()}::${ef.module_name.name.identifier}::${ef.function_name.identifier}`;
    const typeArgs = ef.type_args.map((t) => t.toString());
    const args = ef.args.map((a) => a.bcsToBytes());
    const one = long('0x1');
    const fail = (vmStatus: string): Outcome => ({ success: false, vmStatus, gasUsed: 6n, fn, typeArgs, args, apply: () => undefined });
    let transfer: { to: string; amount: bigint; asset: 'apt' | { fa: string } | { coin: string } } | undefined;
    try {
      if (fn === `${one}::aptos_account::transfer` || (fn === `${one}::aptos_account::transfer_coins` && typeArgs[0] === APT_COIN) || (fn === `${one}::coin::transfer` && typeArgs[0] === APT_COIN)) {
        transfer = { to: addr(args[0]!), amount: u64(args[1]!), asset: 'apt' };
      } else if (fn === `${one}::coin::transfer` || fn === `${one}::aptos_account::transfer_coins`) {
        if (!coins.has(typeArgs[0]!)) return fail(`Move abort: coin type ${typeArgs[0]} not initialized`);
        transfer = { to: addr(args[0]!), amount: u64(args[1]!), asset: { coin: typeArgs[0]! } };
      } else if (fn === `${one}::primary_fungible_store::transfer`) {
        const meta = addr(args[0]!);
        transfer = { to: addr(args[1]!), amount: u64(args[2]!), asset: meta === APT_METADATA ? 'apt' : { fa: meta } };
        if (typeof transfer.asset === 'object' && !assets.has(meta)) return fail(`Move abort in 0x1::fungible_asset: EFUNGIBLE_ASSET_NOT_FOUND(0x60001)`);
      }
    } catch {
      return fail('FAILED_TO_DESERIALIZE_ARGUMENT');
    }
    if (!transfer) return { success: true, vmStatus: 'Executed successfully', gasUsed: GAS_TRANSFER, fn, typeArgs, args, apply: () => undefined };
    const t = transfer;
    const creates = !accounts.has(t.to) && t.asset === 'apt';
    const gasUsed = creates ? GAS_CREATE_ACCOUNT : GAS_TRANSFER;
    if (gasUsed > raw.max_gas_amount) return { ...fail('OUT_OF_GAS'), gasUsed: raw.max_gas_amount };
    const fee = gasUsed * raw.gas_unit_price;
    if (t.asset === 'apt') {
      if (aptOf(sender) < t.amount + fee) return fail('Move abort in 0x1::coin: EINSUFFICIENT_BALANCE(0x10006)');
    } else if ('fa' in t.asset) {
      if ((assets.get(t.asset.fa)!.balances.get(sender) ?? 0n) < t.amount) return fail('Move abort in 0x1::fungible_asset: EINSUFFICIENT_BALANCE(0x10004)');
    } else if ((coins.get(t.asset.coin)!.balances.get(sender) ?? 0n) < t.amount) return fail('Move abort in 0x1::coin: EINSUFFICIENT_BALANCE(0x10006)');
    return {
      success: true,
      vmStatus: 'Executed successfully',
      gasUsed,
      fn,
      typeArgs,
      args,
      ...(t.asset === 'apt' ? { deposit: { to: t.to, amount: t.amount } } : {}),
      apply() {
        if (creates) ensure(t.to);
        if (t.asset === 'apt') {
          apt.set(sender, aptOf(sender) - t.amount);
          apt.set(t.to, aptOf(t.to) + t.amount);
        } else {
          const balances = 'fa' in t.asset ? assets.get(t.asset.fa)!.balances : coins.get(t.asset.coin)!.balances;
          balances.set(sender, (balances.get(sender) ?? 0n) - t.amount);
          balances.set(t.to, (balances.get(t.to) ?? 0n) + t.amount);
        }
      },
    };
  }

  function txJson(signed: SignedTransaction, hash: string, out: Outcome, type: string): Record<string, unknown> {
    const raw = signed.raw_txn;
    const auth = signed.authenticator as TransactionAuthenticatorEd25519;
    return {
      type,
      version: String(version),
      hash,
      sender: raw.sender.toString(),
      sequence_number: String(raw.sequence_number),
      max_gas_amount: String(raw.max_gas_amount),
      gas_unit_price: String(raw.gas_unit_price),
      gas_used: String(out.gasUsed),
      expiration_timestamp_secs: String(raw.expiration_timestamp_secs),
      success: out.success,
      vm_status: out.vmStatus,
      payload: { type: 'entry_function_payload', function: out.fn, type_arguments: out.typeArgs, arguments: out.args.map(hex) },
      signature: { type: 'ed25519_signature', public_key: auth.public_key.toString(), signature: auth.signature.toString() },
      events: [],
      changes: [],
      timestamp: String(nowMicros()),
    };
  }

  function simulate(bytes: Uint8Array): unknown[] {
    const { signed, hash } = check(bytes, true);
    const out = execute(signed);
    return [txJson(signed, hash, out, 'user_transaction')];
  }

  function submit(bytes: Uint8Array): Record<string, unknown> {
    const { signed, hash, sender } = check(bytes, false);
    const out = execute(signed);
    const acc = ensure(sender);
    // The prologue passed: the sequence number and the gas are spent even when the payload aborts.
    acc.sequence += 1n;
    apt.set(sender, aptOf(sender) - out.gasUsed * signed.raw_txn.gas_unit_price);
    if (out.success) out.apply();
    version += 1n;
    block += 1n;
    submitted.push({ hash, sender, function: out.fn, typeArguments: out.typeArgs, args: out.args, bytes, success: out.success, vmStatus: out.vmStatus });
    const json = txJson(signed, hash, out, 'user_transaction');
    txs.set(hash, { json, polls: 0 });
    byVersion.set(String(json.version), json);
    if (out.success && out.deposit) {
      const list = deposits.get(out.deposit.to) ?? [];
      list.push({ version: String(json.version), amount: out.deposit.amount });
      deposits.set(out.deposit.to, list);
    }
    const { version: _v, success: _s, vm_status: _vm, gas_used: _g, events: _e, changes: _c, timestamp: _t, ...pending } = json;
    return { ...pending, type: 'pending_transaction' };
  }

  function byHash(hash: string, wait: boolean): Record<string, unknown> {
    const rec = txs.get(hash.toLowerCase());
    if (!rec) throw new NodeError(404, `Transaction not found by Transaction hash(${hash})`, 'transaction_not_found');
    rec.polls += 1;
    if (!wait && rec.polls <= node.pendingPolls) {
      const { version: _v, success: _s, vm_status: _vm, gas_used: _g, events: _e, changes: _c, timestamp: _t, ...pending } = rec.json;
      return { ...pending, type: 'pending_transaction' };
    }
    return rec.json;
  }

  const BASE_CORS = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type, x-aptos-client, x-aptos-typescript-sdk-origin-method' };

  async function route(req: IncomingMessage, body: Buffer): Promise<unknown> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/\/+$/, '');
    const m = (re: RegExp): RegExpMatchArray | null => path.match(re);
    const get = req.method === 'GET';
    const bcsBody = (): Uint8Array => {
      if (req.headers['content-type'] !== 'application/x.aptos.signed_transaction+bcs') throw new NodeError(415, `Unsupported content type ${req.headers['content-type']}`, 'unsupported_media_type');
      return new Uint8Array(body);
    };
    let r: RegExpMatchArray | null;
    if (get && path === '/v1') return ledger();
    if (get && path === '/v1/estimate_gas_price') return { gas_estimate: Number(GAS_UNIT_PRICE), deprioritized_gas_estimate: Number(GAS_UNIT_PRICE), prioritized_gas_estimate: Number(GAS_UNIT_PRICE) * 15 };
    if (get && (r = m(/^\/v1\/accounts\/([^/]+)$/))) {
      const acc = accounts.get(long(r[1]!));
      if (!acc) throw new NodeError(404, `Account not found by Address(${r[1]}) and Ledger version(${version})`, 'account_not_found');
      return { sequence_number: String(acc.sequence), authentication_key: acc.authKey };
    }
    if (get && (r = m(/^\/v1\/accounts\/([^/]+)\/resources$/))) return resources(r[1]!);
    if (get && (r = m(/^\/v1\/accounts\/([^/]+)\/resource\/(.+)$/))) {
      const type = decodeURIComponent(r[2]!);
      const found = resources(r[1]!).find((x) => x.type === type);
      if (!found) throw new NodeError(404, `Resource not found by Address(${r[1]}), Struct tag(${type}) and Ledger version(${version})`, 'resource_not_found');
      return found;
    }
    if (get && (r = m(/^\/v1\/accounts\/([^/]+)\/module\/([^/]+)$/))) {
      const mod = moduleAbi(r[1]!, r[2]!);
      if (!mod) throw new NodeError(404, `Module not found by Address(${r[1]}), Module name(${r[2]}) and Ledger version(${version})`, 'module_not_found');
      return mod;
    }
    if (!get && path === '/v1/view') return view(viewInput(req, body));
    if (!get && path === '/v1/transactions/simulate') return simulate(bcsBody());
    if (!get && path === '/v1/transactions') return submit(bcsBody());
    if (get && (r = m(/^\/v1\/transactions\/by_hash\/([^/]+)$/))) return byHash(r[1]!, false);
    if (get && (r = m(/^\/v1\/transactions\/by_version\/(\d+)$/))) {
      const tx = byVersion.get(r[1]!);
      if (!tx) throw new NodeError(404, `Transaction not found by Ledger version(${r[1]})`, 'transaction_not_found');
      return tx;
    }
    if (get && (r = m(/^\/v1\/accounts\/([^/]+)\/events\/([^/]+)\/([^/]+)$/))) {
      const key = long(r[1]!);
      const handle = decodeURIComponent(r[2]!);
      if (!accounts.has(key) || handle !== APT_COIN_STORE) throw new NodeError(404, `Resource not found by Address(${r[1]}), Struct tag(${handle}) and Ledger version(${version})`, 'resource_not_found');
      if (r[3] !== 'deposit_events') throw new NodeError(400, `Field ${r[3]} is not an event handle`, 'invalid_input');
      const start = Number(url.searchParams.get('start') ?? '0');
      const limit = Math.min(Number(url.searchParams.get('limit') ?? '25'), 100);
      return (deposits.get(key) ?? []).slice(start, start + limit).map((d, i) => ({
        version: d.version,
        guid: { creation_number: '2', account_address: key },
        sequence_number: String(start + i),
        type: '0x1::coin::DepositEvent',
        data: { amount: String(d.amount) },
      }));
    }
    if (get && (r = m(/^\/v1\/transactions\/wait_by_hash\/([^/]+)$/))) return byHash(r[1]!, true);
    throw new NodeError(404, `Not found: ${req.method} ${path}`, 'web_framework_error');
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    calls.push(`${req.method} ${req.url}`);
    // ts-sdk's browser client sends credentials by default, so like the public fullnodes the
    // answer names the caller's origin (a wildcard is refused with credentials).
    const origin = req.headers.origin;
    const CORS = origin ? { ...BASE_CORS, 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'origin' } : BASE_CORS;
    // Like the public fullnodes: any request header the browser asks to send is allowed.
    if (req.method === 'OPTIONS') return void res.writeHead(204, { ...CORS, 'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? BASE_CORS['access-control-allow-headers']) }).end();
    try {
      const out = await route(req, body);
      const code = req.method === 'POST' && (req.url ?? '').replace(/\/+$/, '') === '/v1/transactions' ? 202 : 200;
      res.writeHead(code, { ...CORS, 'content-type': 'application/json', 'x-aptos-chain-id': String(chainId), 'x-aptos-ledger-version': String(version) }).end(JSON.stringify(out));
    } catch (err) {
      const e = err instanceof NodeError ? err : new NodeError(500, (err as Error).message, 'internal_error');
      res.writeHead(e.status, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify({ message: e.message, error_code: e.errorCode, vm_error_code: e.vmErrorCode }));
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 1 << 20) chunks.push(c);
    });
    req.on('end', () => void handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const node: AptosTestNode = {
    url: `http://127.0.0.1:${port}/v1`,
    chainId,
    calls,
    submitted,
    pendingPolls: 1,
    fund(a, octas) {
      ensure(a);
      apt.set(long(a), aptOf(a) + octas);
    },
    balance: aptOf,
    exists: (a) => accounts.has(long(a)),
    sequenceNumber: (a) => accounts.get(long(a))?.sequence ?? 0n,
    createAsset(a, meta) {
      const key = long(a);
      assets.set(key, { ...meta, balances: new Map() });
      return key;
    },
    setAssetBalance(meta, owner, amount) {
      const a = assets.get(long(meta));
      if (!a) throw new Error(`no asset ${meta}`);
      a.balances.set(long(owner), amount);
    },
    assetBalance: (meta, owner) => assets.get(long(meta))?.balances.get(long(owner)) ?? 0n,
    createCoin(type, meta) {
      coins.set(type, { ...meta, balances: new Map() });
    },
    setCoinBalance(type, owner, amount) {
      const c = coins.get(type);
      if (!c) throw new Error(`no coin ${type}`);
      c.balances.set(long(owner), amount);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return node;
}
