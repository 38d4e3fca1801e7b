/**
 * Test helper: a loopback HTTP server speaking the java-tron full-node API shape the wallet calls
 * (/wallet/getaccount, getaccountresource, createtransaction, triggersmartcontract,
 * triggerconstantcontract, broadcasttransaction, gettransactioninfobyid, getchainparameters,
 * getnowblock, getblockbynum, getblock) and TronGrid's v1 account history (GET
 * /v1/accounts/:a/transactions and /transactions/trc20, only_to and limit). Unsigned transactions are real: built offline by
 * tronweb's own TransactionBuilder (protobuf raw_data_hex, txID = sha256). Broadcast checks them
 * with tronweb (txCheck: JSON = bytes = txID; ecRecover of the signature = owner; reference
 * block; expiration), then applies TRX / TRC-20 transfers to balances it keeps, burning
 * bandwidth/energy/activation fees with java-tron's rules. A `tamper` switch makes the node lie.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { TronWeb, utils } from 'tronweb';
import { listenLoopback } from './loopback';

export type TamperMode = 'none' | 'to' | 'amount' | 'hexOnly' | 'txid' | 'feeLimit' | 'memo' | 'owner';

export interface Trc20State {
  symbol: string;
  decimals: number;
  balances: Map<string, bigint>;
}

export interface TronTestNode {
  url: string;
  genesisBlockId: string;
  /** Chain id as the adapter derives it: 0x + last 8 hex digits of the genesis block id. */
  chainId: string;
  /** Every /wallet path requested, in order. */
  calls: string[];
  /** Lies in the next answers of createtransaction / triggersmartcontract. */
  tamper: TamperMode;
  setBalance(address: string, sun: bigint): void;
  balance(address: string): bigint;
  exists(address: string): boolean;
  setResources(address: string, r: { netLimit?: bigint; netUsed?: bigint; energyLimit?: bigint; energyUsed?: bigint; freeNetUsed?: bigint }): void;
  deployTrc20(symbol: string, decimals: number, address?: string): string;
  setTokenBalance(contract: string, owner: string, amount: bigint): void;
  tokenBalance(contract: string, owner: string): bigint;
  /** Reference-block fields of the current head (for building transactions elsewhere). */
  blockHeader(): { ref_block_bytes: string; ref_block_hash: string; expiration: number; timestamp: number };
  /** A TronWeb instance pointed at this node (for dApp-style use in tests). */
  tronWeb(): TronWeb;
  stop(): Promise<void>;
}

const PARAMS: Record<string, number> = {
  getEnergyFee: 210,
  getTransactionFee: 1000,
  getCreateAccountFee: 100_000,
  getCreateNewAccountFeeInSystemContract: 1_000_000,
  getMaxFeeLimit: 15_000_000_000,
  getFreeNetLimit: 600,
};
const FREE_NET_LIMIT = 600n;
const ENERGY_EXISTING_HOLDER = 29_631n;
const ENERGY_NEW_HOLDER = 64_285n;
const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex');
const toHex = (a: string): string => TronWeb.address.toHex(a).toLowerCase();
const toBase58 = (a: string): string => TronWeb.address.fromHex(a);
const selectorOf = (sig: string): string => utils.ethersUtils.keccak256(utils.ethersUtils.toUtf8Bytes(sig)).slice(2, 10);

/** transfer(address,uint256) parameters decoded by tronweb's ABI coder. */
function decodeTransfer(paramHex: string): { to: string; amount: bigint } {
  const r = utils.abi.decodeParams(['to', 'amount'], ['address', 'uint256'], paramHex, false) as unknown as { to: string; amount: bigint };
  return { to: r.to, amount: BigInt(r.amount.toString()) };
}

/** Bandwidth java-tron charges: the serialized signed Transaction (tronweb protobuf) + 64 result bytes. */
function bandwidthOf(tx: Record<string, unknown>): bigint {
  const pb = utils.transaction.txJsonToPb(tx);
  for (const s of tx.signature as string[]) pb.addSignature(Buffer.from(s, 'hex'));
  return BigInt(pb.serializeBinary().length + 64);
}

/** JSON with bigint as bare integers. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `\u0000${v}` : v)).replace(/"\\u0000(-?\d+)"/g, '$1');
}

interface AccountState {
  balance: bigint;
  createTime: number;
  freeNetUsed: bigint;
  netLimit: bigint;
  netUsed: bigint;
  energyLimit: bigint;
  energyUsed: bigint;
  isContract: boolean;
}

interface TxInfo {
  id: string;
  fee: bigint;
  blockNumber: bigint;
  blockTimeStamp: number;
  receipt: Record<string, unknown>;
  result?: string;
  resMessage?: string;
}

export async function startTronNode(options: { genesisBlockId?: string; startBlock?: bigint } = {}): Promise<TronTestNode> {
  const genesisBlockId = options.genesisBlockId ?? `${'0'.repeat(16)}${randomBytes(24).toString('hex')}`;
  const accounts = new Map<string, AccountState>(); // key: 41-hex
  const tokens = new Map<string, Trc20State>(); // key: 41-hex of contract
  const infos = new Map<string, TxInfo>();
  const blocks = new Map<bigint, { blockID: string; timestamp: number }>();
  const calls: string[] = [];
  /** Executed transactions (newest last) for the TronGrid v1 history endpoints. */
  const history: Array<{ tx: Record<string, unknown>; result: string; block: bigint; timestamp: number; trc20?: { contract: string; from: string; to: string; amount: bigint } }> = [];
  let head = options.startBlock ?? 60_000_000n;
  const builder = new TronWeb({ fullHost: 'http://127.0.0.1:1' });

  const blockId = (n: bigint): string => n.toString(16).padStart(16, '0') + randomBytes(24).toString('hex');
  blocks.set(0n, { blockID: genesisBlockId, timestamp: 1529891469000 });
  for (let n = head - 20n; n <= head; n++) blocks.set(n, { blockID: blockId(n), timestamp: Date.now() - Number(head - n) * 3000 });
  const newBlock = (): void => {
    head += 1n;
    blocks.set(head, { blockID: blockId(head), timestamp: Date.now() });
  };
  const headBlock = (): { blockID: string; timestamp: number } => blocks.get(head)!;

  function blockHeader(): { ref_block_bytes: string; ref_block_hash: string; expiration: number; timestamp: number } {
    const b = headBlock();
    const ts = Date.now();
    return { ref_block_bytes: head.toString(16).slice(-4).padStart(4, '0'), ref_block_hash: b.blockID.slice(16, 32), expiration: ts + 60_000, timestamp: ts };
  }

  const account = (a: string): AccountState | undefined => accounts.get(toHex(a));
  function ensure(a: string): AccountState {
    const key = toHex(a);
    let s = accounts.get(key);
    if (!s) {
      s = { balance: 0n, createTime: Date.now(), freeNetUsed: 0n, netLimit: 0n, netUsed: 0n, energyLimit: 0n, energyUsed: 0n, isContract: false };
      accounts.set(key, s);
    }
    return s;
  }

  /** Rewrites a tronweb-built (visible:false) transaction to the visible:true JSON form. */
  function visible(tx: Record<string, unknown>, makeVisible: boolean): Record<string, unknown> {
    if (!makeVisible) return tx;
    const raw = tx.raw_data as { contract: { parameter: { value: Record<string, unknown> } }[] };
    const value = raw.contract[0]!.parameter.value;
    for (const k of ['owner_address', 'to_address', 'contract_address']) if (typeof value[k] === 'string') value[k] = toBase58(value[k] as string);
    return { ...tx, visible: true };
  }

  /** Applies the node's lie, if any: rebuilds consistently with other args, or corrupts one part. */
  async function build(kind: 'trx' | 'trc20', args: { owner: string; to: string; amount: bigint; contract?: string; parameter?: string; feeLimit?: bigint }, isVisible: boolean): Promise<Record<string, unknown>> {
    const mode = node.tamper;
    const attacker = 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8';
    const a = { ...args };
    if (mode === 'to') a.to = attacker;
    if (mode === 'amount') a.amount = a.amount + 1n;
    if (mode === 'owner') a.owner = attacker;
    if (mode === 'feeLimit' && a.feeLimit !== undefined) a.feeLimit = a.feeLimit * 10n;
    const header = { blockHeader: blockHeader() };
    const make = async (x: typeof a): Promise<Record<string, unknown>> => {
      if (kind === 'trx') return (await builder.transactionBuilder.sendTrx(x.to, Number(x.amount), x.owner, header)) as unknown as Record<string, unknown>;
      const parameter = x.parameter !== undefined && mode !== 'to' && mode !== 'amount' ? x.parameter : utils.abi.encodeParams(['address', 'uint256'], [toHex(x.to).replace(/^41/, '0x'), x.amount.toString()]).slice(2);
      const r = await builder.transactionBuilder.triggerSmartContract(x.contract!, 'transfer(address,uint256)', { txLocal: true, feeLimit: Number(x.feeLimit), rawParameter: parameter, ...header }, [], x.owner);
      return r.transaction as unknown as Record<string, unknown>;
    };
    let tx = await make(a);
    if (mode === 'hexOnly') {
      // JSON says what was asked; the bytes (and a matching txID) pay the attacker.
      const honest = await make(args);
      const evil = await make({ ...args, to: attacker, parameter: undefined as unknown as string });
      tx = { ...honest, raw_data_hex: evil.raw_data_hex, txID: evil.txID };
    }
    if (mode === 'txid') tx = { ...tx, txID: randomBytes(32).toString('hex') };
    if (mode === 'memo') {
      const raw = { ...(tx.raw_data as Record<string, unknown>), data: hex('hi') };
      const pb = utils.transaction.txJsonToPb({ ...tx, raw_data: raw });
      tx = { ...tx, raw_data: raw, raw_data_hex: utils.transaction.txPbToRawDataHex(pb).toLowerCase(), txID: utils.transaction.txPbToTxID(pb).replace(/^0x/, '') };
    }
    return visible(tx, isVisible);
  }

  function energyFor(contractHex: string, to: string): bigint {
    return (tokens.get(contractHex)?.balances.get(toHex(to)) ?? 0n) > 0n ? ENERGY_EXISTING_HOLDER : ENERGY_NEW_HOLDER;
  }

  const err = (message: string): Record<string, unknown> => ({ Error: `class org.tron.core.exception.ContractValidateException : ${message}` });

  const handlers: Record<string, (b: Record<string, unknown>) => Promise<unknown> | unknown> = {
    '/wallet/getaccount': (b) => {
      const s = account(String(b.address));
      if (!s) return {};
      const addr = b.visible ? toBase58(toHex(String(b.address))) : toHex(String(b.address));
      return { address: addr, balance: s.balance, create_time: s.createTime, ...(s.isContract ? { type: 'Contract' } : {}) };
    },
    '/wallet/getaccountresource': (b) => {
      const s = account(String(b.address));
      if (!s) return {};
      const out: Record<string, unknown> = { freeNetLimit: FREE_NET_LIMIT, TotalNetLimit: 43_200_000_000, TotalEnergyLimit: 180_000_000_000 };
      if (s.freeNetUsed) out.freeNetUsed = s.freeNetUsed;
      if (s.netLimit) out.NetLimit = s.netLimit;
      if (s.netUsed) out.NetUsed = s.netUsed;
      if (s.energyLimit) out.EnergyLimit = s.energyLimit;
      if (s.energyUsed) out.EnergyUsed = s.energyUsed;
      return out;
    },
    '/wallet/getchainparameters': () => ({ chainParameter: Object.entries(PARAMS).map(([key, value]) => ({ key, value })) }),
    '/wallet/getnowblock': () => blockJson(head),
    '/wallet/getblock': () => blockJson(head),
    '/wallet/getblockbynum': (b) => (blocks.has(BigInt(b.num as number)) ? blockJson(BigInt(b.num as number)) : {}),
    '/wallet/createtransaction': async (b) => {
      const owner = String(b.owner_address);
      const to = String(b.to_address);
      const amount = BigInt(b.amount as number);
      if (!TronWeb.isAddress(owner) || !TronWeb.isAddress(to)) return err('Invalid address');
      const s = account(owner);
      if (!s) return err('Validate TransferContract error, no OwnerAccount.');
      if (toHex(owner) === toHex(to)) return err('Cannot transfer TRX to yourself.');
      if (s.balance < amount) return err('Validate TransferContract error, balance is not sufficient.');
      return build('trx', { owner, to, amount }, b.visible === true);
    },
    '/wallet/triggersmartcontract': async (b) => {
      const contract = String(b.contract_address);
      if (!tokens.has(toHex(contract))) return { result: { code: 'CONTRACT_VALIDATE_ERROR', message: hex('No contract or not a valid smart contract') } };
      if (b.function_selector !== 'transfer(address,uint256)') return { result: { code: 'OTHER_ERROR', message: hex('only transfer is implemented by the test node') } };
      const { to, amount } = decodeTransfer(`0x${String(b.parameter)}`);
      const tx = await build('trc20', { owner: String(b.owner_address), to: toBase58(to), amount: BigInt(amount.toString()), contract, parameter: String(b.parameter), feeLimit: BigInt(b.fee_limit as number) }, b.visible === true);
      return { result: { result: true }, transaction: tx };
    },
    '/wallet/triggerconstantcontract': (b) => {
      const contract = tokens.get(toHex(String(b.contract_address)));
      if (!contract) return { result: { code: 'CONTRACT_VALIDATE_ERROR', message: hex('No contract or not a valid smart contract') } };
      const sel = String(b.function_selector);
      const param = `0x${String(b.parameter ?? '')}`;
      const ok = (words: string[], energy: bigint): unknown => ({ result: { result: true }, energy_used: energy, constant_result: words, transaction: { ret: [{}] } });
      if (sel === 'balanceOf(address)') {
        const { who } = utils.abi.decodeParams(['who'], ['address'], param, false) as unknown as { who: string };
        return ok([(contract.balances.get(toHex(who)) ?? 0n).toString(16).padStart(64, '0')], 935n);
      }
      if (sel === 'decimals()') return ok([BigInt(contract.decimals).toString(16).padStart(64, '0')], 200n);
      if (sel === 'symbol()') return ok([utils.abi.encodeParams(['string'], [contract.symbol]).slice(2)], 300n);
      if (sel === 'transfer(address,uint256)') {
        const { to, amount } = decodeTransfer(param);
        const from = toHex(String(b.owner_address));
        if ((contract.balances.get(from) ?? 0n) < BigInt(amount.toString())) {
          return { result: { result: true, message: hex('REVERT opcode executed') }, energy_used: 500n, constant_result: [''], transaction: { ret: [{ ret: 'REVERT' }] } };
        }
        return ok(['0'.repeat(63) + '1'], energyFor(toHex(String(b.contract_address)), to));
      }
      return { result: { code: 'OTHER_ERROR', message: hex('unsupported selector') } };
    },
    '/wallet/gettransactioninfobyid': (b) => {
      const i = infos.get(String(b.value).toLowerCase());
      return i ?? {};
    },
    '/wallet/broadcasttransaction': (b) => broadcast(b),
  };

  function blockJson(n: bigint): unknown {
    const b = blocks.get(n)!;
    return { blockID: b.blockID, block_header: { raw_data: { number: n, timestamp: b.timestamp, parentHash: '00'.repeat(32) } } };
  }

  function broadcast(tx: Record<string, unknown>): unknown {
    const txID = String(tx.txID ?? '');
    const fail = (code: string, message: string): unknown => ({ code, txid: txID, message: hex(message) });
    let consistent = false;
    try {
      consistent = utils.transaction.txCheck(tx);
    } catch {
      consistent = false;
    }
    if (!consistent) return fail('OTHER_ERROR', 'transaction raw_data, raw_data_hex and txID are inconsistent');
    if (infos.has(txID)) return fail('DUP_TRANSACTION_ERROR', 'Dup transaction.');
    const raw = tx.raw_data as { contract: { type: string; parameter: { value: Record<string, unknown> } }[]; expiration: number; ref_block_bytes: string; ref_block_hash: string; fee_limit?: number };
    if (raw.expiration <= Date.now()) return fail('TRANSACTION_EXPIRATION_ERROR', 'Transaction expired');
    const refOk = [...blocks.entries()].some(([n, blk]) => n.toString(16).slice(-4).padStart(4, '0') === raw.ref_block_bytes && blk.blockID.slice(16, 32) === raw.ref_block_hash);
    if (!refOk) return fail('TAPOS_ERROR', 'Tapos check error');
    const c = raw.contract[0]!;
    // java-tron reads the JSON addresses as base58 when visible is true and as hex otherwise.
    const ownerText = String(c.parameter.value.owner_address);
    if ((tx.visible === true) !== !/^41[0-9a-fA-F]{40}$/.test(ownerText)) return fail('OTHER_ERROR', `INVALID address for visible=${String(tx.visible)}`);
    const owner = toHex(ownerText);
    const sigs = tx.signature;
    if (!Array.isArray(sigs) || sigs.length !== 1) return fail('SIGERROR', 'Validate signature error: expected exactly one signature');
    let signer = '';
    try {
      signer = utils.crypto.ecRecover(txID, String(sigs[0])).toLowerCase();
    } catch {
      return fail('SIGERROR', 'Validate signature error: unrecoverable signature');
    }
    if (signer !== owner) return fail('SIGERROR', `Validate signature error: ${signer} is signed by ${signer} but it is not contained of permission.`);
    const sender = accounts.get(owner);
    if (!sender) return fail('CONTRACT_VALIDATE_ERROR', 'account not exists');

    const bytes = bandwidthOf(tx);
    const freeLeft = FREE_NET_LIMIT - sender.freeNetUsed;
    const stakedLeft = sender.netLimit - sender.netUsed;
    let fee = 0n;
    let netFee = 0n;
    let energyFee = 0n;
    let energyTotal = 0n;
    let result = 'SUCCESS';
    if (c.type === 'TransferContract') {
      const to = toHex(String(c.parameter.value.to_address));
      const amount = BigInt(c.parameter.value.amount as number);
      const creates = !accounts.has(to);
      if (creates) {
        fee += BigInt(PARAMS.getCreateNewAccountFeeInSystemContract!);
        if (stakedLeft >= bytes) sender.netUsed += bytes;
        else fee += BigInt(PARAMS.getCreateAccountFee!);
      } else if (stakedLeft >= bytes) sender.netUsed += bytes;
      else if (freeLeft >= bytes) sender.freeNetUsed += bytes;
      else netFee = bytes * BigInt(PARAMS.getTransactionFee!);
      fee += netFee;
      if (sender.balance < amount + fee) return fail('CONTRACT_VALIDATE_ERROR', 'balance is not sufficient');
      sender.balance -= amount + fee;
      ensure(to).balance += amount;
    } else if (c.type === 'TriggerSmartContract') {
      const contractHex = toHex(String(c.parameter.value.contract_address));
      const token = tokens.get(contractHex);
      if (!token) return fail('CONTRACT_VALIDATE_ERROR', 'No contract or not a valid smart contract');
      if (stakedLeft >= bytes) sender.netUsed += bytes;
      else if (freeLeft >= bytes) sender.freeNetUsed += bytes;
      else netFee = bytes * BigInt(PARAMS.getTransactionFee!);
      const data = String(c.parameter.value.data);
      if (data.slice(0, 8) !== selectorOf('transfer(address,uint256)')) return fail('CONTRACT_VALIDATE_ERROR', 'unsupported call');
      const { to, amount } = decodeTransfer(`0x${data.slice(8)}`);
      energyTotal = energyFor(contractHex, to);
      const energyLeft = sender.energyLimit - sender.energyUsed;
      const fromStake = energyTotal < energyLeft ? energyTotal : energyLeft > 0n ? energyLeft : 0n;
      energyFee = (energyTotal - fromStake) * BigInt(PARAMS.getEnergyFee!);
      const feeLimit = BigInt(raw.fee_limit ?? 0);
      if (energyTotal * BigInt(PARAMS.getEnergyFee!) > feeLimit) {
        result = 'OUT_OF_ENERGY';
        energyFee = feeLimit;
      } else if ((token.balances.get(owner) ?? 0n) < amount) {
        result = 'REVERT';
      } else {
        token.balances.set(owner, (token.balances.get(owner) ?? 0n) - amount);
        token.balances.set(toHex(to), (token.balances.get(toHex(to)) ?? 0n) + amount);
        sender.energyUsed += fromStake;
      }
      fee = netFee + energyFee;
      if (sender.balance < fee) return fail('CONTRACT_VALIDATE_ERROR', 'balance is not sufficient');
      sender.balance -= fee;
    } else {
      return fail('CONTRACT_VALIDATE_ERROR', `${c.type} is not implemented by the test node`);
    }
    newBlock();
    const transfer = c.type === 'TriggerSmartContract' && result === 'SUCCESS' ? decodeTransfer(`0x${String(c.parameter.value.data).slice(8)}`) : undefined;
    history.push({
      tx,
      result,
      block: head,
      timestamp: headBlock().timestamp,
      ...(transfer ? { trc20: { contract: toBase58(toHex(String(c.parameter.value.contract_address))), from: toBase58(owner), to: toBase58(toHex(transfer.to)), amount: transfer.amount } } : {}),
    });
    infos.set(txID, {
      id: txID,
      fee,
      blockNumber: head,
      blockTimeStamp: headBlock().timestamp,
      receipt: { net_usage: netFee > 0n ? 0 : Number(bytes), net_fee: netFee, energy_usage_total: energyTotal, energy_fee: energyFee, result },
      ...(result !== 'SUCCESS' ? { result: 'FAILED', resMessage: hex(result) } : {}),
    });
    return { result: true, txid: txID };
  }

  /** TronGrid's account history (GET /v1/accounts/:a/transactions[/trc20]?only_to=&limit=), as api.trongrid.io answers. */
  function v1(path: string, query: URLSearchParams): unknown {
    const m = /^\/v1\/accounts\/(T[1-9A-HJ-NP-Za-km-z]{33})\/transactions(\/trc20)?$/.exec(path);
    if (!m) return undefined;
    const me = m[1]!;
    const onlyTo = query.get('only_to') === 'true';
    const limit = Math.min(Number(query.get('limit') ?? 20), 200);
    const meta = { at: Date.now(), page_size: 0 };
    if (m[2]) {
      const data = history
        .filter((h) => h.trc20 && (h.trc20.to === me || (!onlyTo && h.trc20.from === me)))
        .reverse()
        .slice(0, limit)
        .map((h) => {
          const token = tokens.get(toHex(h.trc20!.contract))!;
          return { transaction_id: h.tx.txID, token_info: { symbol: token.symbol, address: h.trc20!.contract, decimals: token.decimals, name: token.symbol }, block_timestamp: h.timestamp, from: h.trc20!.from, to: h.trc20!.to, type: 'Transfer', value: h.trc20!.amount.toString() };
        });
      return { data, success: true, meta: { ...meta, page_size: data.length } };
    }
    const hexMe = toHex(me);
    const data = history
      .filter((h) => {
        const v = (h.tx.raw_data as { contract: { parameter: { value: Record<string, unknown> } }[] }).contract[0]!.parameter.value;
        const to = typeof v.to_address === 'string' ? toHex(v.to_address) : '';
        return to === hexMe || (!onlyTo && toHex(String(v.owner_address)) === hexMe);
      })
      .reverse()
      .slice(0, limit)
      .map((h) => {
        // TronGrid answers with hex addresses in raw_data whatever the broadcast used.
        const raw = JSON.parse(JSON.stringify(h.tx.raw_data)) as { contract: { parameter: { value: Record<string, unknown> } }[] };
        const v = raw.contract[0]!.parameter.value;
        for (const k of ['owner_address', 'to_address', 'contract_address']) if (typeof v[k] === 'string') v[k] = toHex(v[k] as string);
        return { ret: [{ contractRet: h.result, fee: 0 }], signature: h.tx.signature, txID: h.tx.txID, net_usage: 0, raw_data_hex: h.tx.raw_data_hex, net_fee: 0, energy_usage: 0, blockNumber: Number(h.block), block_timestamp: h.timestamp, energy_fee: 0, energy_usage_total: 0, raw_data: raw, internal_transactions: [] };
      });
    return { data, success: true, meta: { ...meta, page_size: data.length } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const [path = '', qs = ''] = (req.url ?? '').split('?');
    calls.push(path);
    if (req.method === 'GET' && path.startsWith('/v1/')) {
      const out = v1(path, new URLSearchParams(qs));
      if (out === undefined) res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ success: false, error: 'not found', statusCode: 404 }));
      else res.writeHead(200, { 'content-type': 'application/json' }).end(toJson(out));
      return;
    }
    const h = handlers[path];
    if (!h) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    let parsed: Record<string, unknown> = {};
    try {
      parsed = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Error: 'INVALID JSON' }));
      return;
    }
    try {
      const out = await h(parsed);
      res.writeHead(200, { 'content-type': 'application/json' }).end(toJson(out));
    } catch (e) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Error: `class java.lang.Exception : ${(e as Error).message}` }));
    }
  }

  const { server, url } = await listenLoopback((req, res, body) => void handle(req, res, body));

  const node: TronTestNode = {
    url,
    genesisBlockId,
    chainId: `0x${genesisBlockId.slice(-8)}`,
    calls,
    tamper: 'none',
    setBalance: (a, sun) => void (ensure(a).balance = sun),
    balance: (a) => account(a)?.balance ?? 0n,
    exists: (a) => account(a) !== undefined,
    setResources(a, r) {
      const s = ensure(a);
      if (r.netLimit !== undefined) s.netLimit = r.netLimit;
      if (r.netUsed !== undefined) s.netUsed = r.netUsed;
      if (r.energyLimit !== undefined) s.energyLimit = r.energyLimit;
      if (r.energyUsed !== undefined) s.energyUsed = r.energyUsed;
      if (r.freeNetUsed !== undefined) s.freeNetUsed = r.freeNetUsed;
    },
    deployTrc20(symbol, decimals, address) {
      const contract = address ?? toBase58(`41${randomBytes(20).toString('hex')}`);
      tokens.set(toHex(contract), { symbol, decimals, balances: new Map() });
      ensure(contract).isContract = true;
      return contract;
    },
    setTokenBalance(contract, owner, amount) {
      tokens.get(toHex(contract))!.balances.set(toHex(owner), amount);
    },
    tokenBalance: (contract, owner) => tokens.get(toHex(contract))?.balances.get(toHex(owner)) ?? 0n,
    blockHeader,
    tronWeb: () => new TronWeb({ fullHost: url }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return node;
}
