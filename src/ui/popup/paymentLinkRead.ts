/**
 * Reads a pasted or scanned payment link (EIP-681, BIP-21/321, Solana Pay transfer, tron:) into
 * what the Send form shows: the chain to switch to, recipient, asset and amount (what else the link
 * asks of the transaction, the family's UI turns into its send fields: FamilyUi.paymentFields). Loaded lazily by
 * usePaymentLink (the parsers and their address checks are not in the popup's first paint).
 */
import type { ChainsView } from '../../protocol/ui';
import { call } from '../api';
import { parsePaymentUri } from '../../core/payments/parse';
import { formatBaseUnits } from '../../core/payments/amount';
import type { Family } from '../../families/ids';
import { loadFamilyUi } from './useFamilyUi';
import { loadPaymentCodecs } from './paymentStandards';

export interface PaymentDraft {
  /** ChainOption id to send on ('evm:1', 'bitcoin:regtest', …). */
  chain: string;
  to: string;
  /** Token contract / mint; absent for the native coin. */
  token?: string;
  /** Whole units when the link states them. */
  amount?: string;
  /** Base units when the link states only those (EIP-681 uint256=): completed with the token's decimals. */
  amountBase?: string;
  label?: string;
  message?: string;
  /** Reference keys (Solana Pay's): put on the transfer by the family's send fields, shown, not editable. */
  references?: string[];
  /** A memo the link asks for (Solana Pay's: an SPL Memo instruction before the transfer). */
  memo?: string;
}

/** A transaction request (Solana Pay's): the merchant's server builds the transaction (opened from Send through the family's UI hook). */
export interface TransactionRequestDraft {
  kind: 'transactionRequest';
  /** The family whose UI opens it (FamilyUi.openPaymentRequest). */
  family: Family;
  link: string;
  /** Who asks, as the approval window will show it. */
  origin: string;
  label?: string;
  message?: string;
}

/** A link this wallet cannot act on, with a stable code the UI translates. */
export class PaymentLinkError extends Error {
  constructor(
    readonly code: 'CHOOSE_NETWORK' | 'UNKNOWN_NETWORK' | 'INVALID',
    message: string,
    readonly params: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function readPaymentLink(text: string): Promise<PaymentDraft | TransactionRequestDraft> {
  const [{ networks }, chains, codecs] = await Promise.all([call('listNetworks', {}), call('listChains', {}) as Promise<ChainsView>, loadPaymentCodecs()]);
  let req;
  try {
    req = parsePaymentUri(text.trim(), codecs, { evmNetworks: networks.filter((n) => n.custom) });
  } catch (err) {
    throw new PaymentLinkError('INVALID', err instanceof Error ? err.message : 'Invalid payment link', { reason: err instanceof Error ? err.message : '' });
  }
  if (req.kind === 'transactionRequest') {
    if (chains.family !== req.family) throw new PaymentLinkError('CHOOSE_NETWORK', 'Choose a network of this link’s chain first', { family: req.family });
    if (!(await loadFamilyUi(req.family))?.openPaymentRequest) throw new PaymentLinkError('INVALID', 'This network cannot open transaction requests', { reason: 'transaction requests are not supported here' });
    return { kind: 'transactionRequest', family: req.family, link: req.link, origin: new URL(req.link).origin, ...(req.label ? { label: req.label } : {}), ...(req.message ? { message: req.message } : {}) };
  }
  const chain = req.network ?? (req.family === chains.family ? chains.active : undefined);
  if (!chain) throw new PaymentLinkError('CHOOSE_NETWORK', 'Choose a network of this link’s chain first', { family: req.family });
  if (!chains.chains.some((c) => c.id === chain)) throw new PaymentLinkError('UNKNOWN_NETWORK', `Network ${chain} is not in the wallet`, { network: chain });
  const draft: PaymentDraft = { chain, to: req.recipient };
  if (req.asset.type === 'token') draft.token = req.asset.address;
  if (req.amount?.known === 'base') draft.amountBase = req.amount.base.toString();
  else if (req.amount) draft.amount = req.amount.decimal;
  if (req.label) draft.label = req.label;
  if (req.message) draft.message = req.message;
  if (req.references.length) draft.references = [...req.references];
  if (req.memo) draft.memo = req.memo;
  return draft;
}

/** The amount in whole units once the token's decimals are known. */
export function draftAmount(d: PaymentDraft, decimals: number | undefined): string | undefined {
  if (d.amount !== undefined) return d.amount;
  if (d.amountBase !== undefined && decimals !== undefined) return formatBaseUnits(BigInt(d.amountBase), decimals);
  return undefined;
}
