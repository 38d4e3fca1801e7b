/**
 * Decoding a serialized EOS transaction for an approval: the header, and every action with its
 * data decoded by the contract's ABI as the chain serves it (never an ABI the dApp sends: a page
 * could describe its bytes any way it likes). A byte string that is not exactly one transaction,
 * an action whose contract has no ABI, or data its ABI does not parse is an error: the wallet
 * opens no window for what it cannot show.
 */
import { ABI, Serializer, Transaction } from '@wharfkit/antelope';
import { EosError } from './errors.ts';

export interface DecodedAction {
  account: string;
  name: string;
  authorization: { actor: string; permission: string }[];
  data: Record<string, unknown>;
}

export interface DecodedTransaction {
  id: string;
  expiration: string;
  refBlockNum: number;
  refBlockPrefix: number;
  delaySec: number;
  actions: DecodedAction[];
  contextFreeActions: number;
  transaction: Transaction;
}

export function hexToBytes(hex: string): Uint8Array {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new EosError('malformed-transaction', 'The transaction is not hex-encoded bytes');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Parses exactly one transaction from `bytes` (trailing bytes are refused). */
export function parseTransaction(bytes: Uint8Array): Transaction {
  let tx: Transaction;
  try {
    tx = Serializer.decode({ data: bytes, type: Transaction }) as Transaction;
  } catch (e) {
    throw new EosError('malformed-transaction', `Malformed transaction: ${(e as Error).message}`);
  }
  const again = Serializer.encode({ object: tx }).array;
  if (again.length !== bytes.length) throw new EosError('malformed-transaction', `Malformed transaction: ${bytes.length - again.length} unexpected trailing bytes`);
  return tx;
}

/** The contracts whose ABIs are needed to show `tx`. */
export function contractsOf(tx: Transaction): string[] {
  return [...new Set(tx.actions.map((a) => String(a.account)))];
}

export function decodeTransaction(tx: Transaction, abis: ReadonlyMap<string, ABI>): DecodedTransaction {
  if (tx.actions.length === 0) throw new EosError('malformed-transaction', 'The transaction has no actions');
  if (tx.context_free_actions.length > 0) throw new EosError('malformed-transaction', 'Context-free actions are not supported');
  if (tx.transaction_extensions.length > 0) throw new EosError('malformed-transaction', 'Transaction extensions are not supported');
  const actions = tx.actions.map((a): DecodedAction => {
    const account = String(a.account);
    const abi = abis.get(account);
    if (!abi || abi.actions.length === 0) throw new EosError('missing-abi', `The contract ${account} has no ABI on this chain, so action ${String(a.name)} cannot be shown`);
    let data: Record<string, unknown>;
    try {
      data = Serializer.objectify(a.decodeData(abi)) as Record<string, unknown>;
    } catch (e) {
      throw new EosError('malformed-transaction', `The data of ${account}::${String(a.name)} does not match the contract's ABI: ${(e as Error).message}`);
    }
    const reencoded = Serializer.encode({ object: data, type: String(a.name), abi }).hexString;
    if (reencoded !== a.data.hexString) throw new EosError('malformed-transaction', `The data of ${account}::${String(a.name)} has bytes its ABI does not describe`);
    return { account, name: String(a.name), authorization: a.authorization.map((l) => ({ actor: String(l.actor), permission: String(l.permission) })), data };
  });
  return {
    id: String(tx.id),
    expiration: tx.expiration.toString(),
    refBlockNum: Number(tx.ref_block_num),
    refBlockPrefix: Number(tx.ref_block_prefix),
    delaySec: Number(tx.delay_sec),
    actions,
    contextFreeActions: tx.context_free_actions.length,
    transaction: tx,
  };
}
