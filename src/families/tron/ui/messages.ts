/**
 * The TRON family's strings (networks, resources, transaction details and risk codes, TRON errors). English is here, bundled with every page; the
 * Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';

export const tronEn = {
  netname_nile: "Nile testnet",
  netname_shasta: "Shasta testnet",
  field_then: "Then",
  approval_signTronTransaction: "Sign a TRON transaction",
  risk_TRON_PERMISSION_UPDATE: "This transaction changes who controls account {owner}. Signing it can hand your account to someone else.",
  risk_TRON_UNLIMITED_APPROVAL: "Unlimited approval: {spender} could take all of token {token}, now and later.",
  risk_TRON_TOKEN_APPROVAL: "This lets {spender} spend up to {amount} (base units) of token {token}.",
  risk_TRON_CALL_VALUE: "This contract call also sends {trx} TRX.",
  risk_CALL_TOKEN_VALUE: "This contract call also sends {amount} of TRC-10 token {tokenId}.",
  risk_TRON_CALL_TOKEN_VALUE: "This contract call also sends {amount} of TRC-10 token {tokenId}.",
  risk_TRON_HIGH_FEE_LIMIT: "High fee limit: up to {trx} TRX may be burned for energy.",
  risk_TRON_LONG_EXPIRATION: "This transaction stays valid for a long time (until {expiration}).",
  risk_TRON_NETWORK_UNVERIFIED: "The wallet could not check that this transaction belongs to the selected network ({reason}).",
  risk_TRON_UNKNOWN_CONTRACT_TYPE: "Unusual transaction type: {type}. Sign only if you know what it does.",
  risk_TRON_MEMO: "This transaction carries a memo (data: {hex}).",
  risk_TRON_LEGACY_MESSAGE: "Legacy TRON message signature (raw bytes). Prefer sites that use signMessageV2.",
  risk_TRON_MULTISIG_OTHER_OWNER: "You sign for account {owner} (permission {permission}) as one of its keys.",
  risk_LONG_EXPIRATION: "This transaction stays valid for more than a day.",
  risk_MEMO: "This transaction carries a memo; check it is expected.",
  risk_PERMISSION_UPDATE: "This changes who may control your account (permission update). Anyone added can take your funds.",
  risk_UNKNOWN_CONTRACT_TYPE: "This transaction has a type the wallet cannot decode.",
  risk_CALL_VALUE: "This contract call also sends TRX.",
  risk_HIGH_FEE_LIMIT: "The fee limit of this transaction is high.",
  risk_NETWORK_UNVERIFIED: "The wallet could not verify which network this transaction is for.",
  risk_RECIPIENT_NOT_ACTIVATED: "The recipient account is not activated yet; activating it costs an extra fee.",
  risk_RECIPIENT_IS_CONTRACT: "The recipient is a contract, not a wallet address.",
  risk_ENERGY_ESTIMATED: "The energy cost is an estimate; the fee may differ.",
  risk_RECIPIENT_IS_TOKEN_CONTRACT: "You are sending tokens to the token contract itself; they would be lost.",
  detail_activated: "Account activated",
  detail_bandwidth: "Bandwidth available",
  detail_energy: "Energy available",
  detail_activation: "Recipient activation fee",
  detail_feeLimit: "Fee limit",
  err_INSUFFICIENT_TRX: "Not enough TRX for this transfer.",
  err_INSUFFICIENT_TRX_FOR_FEE: "Not enough TRX for the network fee (energy and bandwidth).",
  err_ACCOUNT_NOT_ACTIVATED: "This account is not activated on this network yet: it must first receive TRX.",
  err_NO_HISTORY_API: "This TRON node has no account history API (TronGrid /v1), so incoming transfers cannot be listed.",
} as const;

export type TronMessageKey = keyof typeof tronEn;

export const tronMessages: FamilyMessages<TronMessageKey> = {
  en: tronEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.tronZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.tronZhTW),
};
