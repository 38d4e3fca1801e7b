/**
 * Labels and values of an approval's display fields in the reader's language. The background
 * sends display keys (`maxFeePerGas`, `spender`…); each known key maps to a message key, and a key
 * nobody mapped yet (a new family's field) is humanised ("maxFeePerGas" → "Max fee per gas")
 * rather than shown raw.
 */
import { isMessageKey, type MessageKey } from '../i18n';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Fields shown first, in this order; then every other field, in the order the background sent them. */
export const PRIMARY_FIELDS = ['action', 'youSend', 'youReceive', 'to', 'amount', 'spender', 'operator', 'collection', 'token', 'symbol', 'name', 'value', 'account', 'network', 'permissions', 'message', 'connects', 'from'] as const;
/**
 * The only fields folded under "Details": technical figures the user rarely reads (gas, nonce) and
 * raw calldata. Anything else stays visible: a field of a new family's approval (the message an
 * Aptos dApp asks to sign, an EOS action list, a Polkadot call) must never be hidden by default.
 */
export const FOLDED_FIELDS = ['gas', 'gasLimit', 'maxFeePerGas', 'maxPriorityFeePerGas', 'gasPrice', 'feeType', 'nonce', 'data'] as const;
/** The fee lines, shown in their own row. */
export const FEE_FIELDS = ['maxNetworkFee', 'fee', 'networkFee'] as const;

/** "maxFeePerGas" / "signatures already present" / "fee_rate" → "Max fee per gas" … */
export function humanise(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

export function fieldLabel(key: string, t: T): string {
  const msg = `field_${key.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`;
  if (isMessageKey(msg)) return t(msg);
  // A family module labels its display keys in its own messages (src/families/<f>/ui/messages.ts, reached through its popup entry).
  const family = `detail_${key}`;
  if (isMessageKey(family)) return t(family);
  return isMessageKey(key) ? t(key) : humanise(key);
}

/** Known English values from the background, said in the reader's language; anything else unchanged. */
export function fieldValue(key: string, value: string, t: T): string {
  if (value === 'UNLIMITED') return t('valueUnlimited');
  if (value === 'yes') return t('yes');
  if (value === 'no') return t('no');
  if (key === 'youSend' && value === 'nothing') return t('simulatedNothing');
  if (key !== 'action') return value;
  const token = /^Token (transfer|transferFrom|approval) \((.*)\)$/.exec(value);
  if (token) return t(token[1] === 'approval' ? 'actionTokenApproval' : 'actionTokenTransfer', { symbol: token[2]! });
  const fixed: Record<string, MessageKey> = {
    Transfer: 'actionTransfer',
    'Permit2 approval': 'actionPermit2',
    'Approve all NFTs of a collection': 'actionApproveAll',
    'Revoke collection approval': 'actionRevokeAll',
    'Deploy a contract': 'actionDeploy',
    'Contract call': 'actionContractCall',
  };
  return fixed[value] ? t(fixed[value]) : value;
}
