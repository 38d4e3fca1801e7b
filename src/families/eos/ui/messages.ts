/**
 * The EOS family's strings (merged after the shared dictionaries by src/families/messages.ts):
 * approval titles, risk codes, send fields, balance and review details, approval labels.
 * English is here, bundled with every page; the Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks
 * loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';

export const eosEn = {
  'approval_eos:identity': 'Connect with your EOS account',
  'approval_eos:signTransaction': 'Sign an EOS transaction',
  'approval_eos:signArbitrary': 'Sign a message (EOS)',
  'approval_eos:addToken': 'Add a token',
  eos_tokenContract: 'Token contract',
  eos_tokenSymbol: 'Symbol',
  risk_EOS_PERMISSION_CHANGE: 'This changes the permissions of {account} ({action} on {permission}). Whoever gets them controls the account and its funds.',
  risk_EOS_UNKNOWN_CONTRACT: 'You have never used the contract {contract} from this wallet. Check the site before you sign.',
  risk_EOS_MEMO_REQUIRED: '{account} is an exchange deposit account: without the memo the exchange gave you, the deposit cannot be credited.',
  risk_EOS_LOOKALIKE_ACCOUNT: '{account} looks like {similarTo}, an account you know, but is a different account. It may be an impersonation.',
  risk_EOS_OWNER_PERMISSION: 'You are signing with the owner permission. Use active for everyday transfers; owner should be kept for recovery.',
  eos_memo: 'Memo',
  eos_memoHint: 'Exchanges and some services need a memo to credit your transfer: copy it exactly.',
  eos_fromAccount: 'From account (optional)',
  eos_fromAccountHint: 'Leave empty to use the account found for this key, or type your account name if none is found.',
  eos_permission: 'Permission',
  eos_permissionActive: 'active (recommended)',
  eos_permissionOwner: 'owner',
  eos_ownerWarning: 'The owner permission can change every key of the account. Use it only if you know why.',
  detail_eosAccount: 'Account',
  detail_eosOtherAccounts: 'Other accounts of this key',
  detail_eosCpu: 'CPU',
  detail_eosNet: 'NET',
  detail_eosRam: 'RAM',
  detail_eosPermission: 'Signs as',
  detail_eosContract: 'Token contract',
  detail_eosMemo: 'Memo',
  detail_eosExpiration: 'Expires after',
  eos_account: 'Account',
  eos_publicKey: 'Public key',
  eos_network: 'Network',
  eos_actions: 'Actions',
  eos_expiration: 'Expires',
  eos_transactionId: 'Transaction ID',
  eos_data: 'Message',
  err_EOS_RESOURCES: 'Not enough {resource}: a transfer needs about {needed} {unit} and {account} has {available} {unit} available. Stake EOS for {resource} (or rent it with PowerUp) and try again. Nothing was signed.',
} as const;

export type EosMessageKey = keyof typeof eosEn;

export const eosMessages: FamilyMessages<EosMessageKey> = {
  en: eosEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.eosZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.eosZhTW),
};
