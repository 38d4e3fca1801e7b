/**
 * The Bitcoin family's strings (address types, fee rates, speed-up (RBF), PSBT details and risk codes). English is here, bundled with every page; the
 * Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';

export const bitcoinEn = {
  netname_regtest: "Regtest (local)",
  netname_signet: "Signet (test)",
  scheme_p2wpkh: "Native SegWit (BIP84)",
  scheme_p2tr: "Taproot (BIP86)",
  scheme_p2shP2wpkh: "Nested SegWit (BIP49)",
  scheme_p2pkh: "Legacy (BIP44)",
  field_feeRate: "Fee rate",
  field_vsize: "Size (virtual bytes)",
  field_change: "Change returned",
  field_inputs: "Coins spent",
  field_rbf: "Replaceable (RBF)",
  bitcoinType: 'Bitcoin address type',
  approval_signPsbt: "Sign a Bitcoin transaction (PSBT)",
  approval_sendBitcoin: "Send bitcoin",
  risk_BTC_SIGHASH_NOT_ALL: "Input {input} uses a signature type other than ALL: others may change the transaction after you sign.",
  risk_BTC_MISSING_UTXO: "Input {input} does not say what it spends; its value is unknown.",
  risk_BTC_UTXO_MISMATCH: "Input {input} carries inconsistent data about what it spends.",
  risk_BTC_UNKNOWN_FEE: "The fee cannot be computed: some inputs do not state their value.",
  detail_inputsSpent: "Coins spent",
  spedUp: "Sped up: the replacement was sent.",
  detail_previousFee: "Previous fee",
  err_NOT_REPLACEABLE: "Only a pending Bitcoin transfer of this wallet can be sped up.",
  err_RBF_FOREIGN_INPUT: "This transaction spends coins that are not this wallet's: it cannot be replaced here.",
  feeRate: "Fee rate",
  fee_slow: "Slow",
  fee_normal: "Normal",
  fee_fast: "Fast",
  customFeeRate: "Custom fee rate (sat/vB)",
  detail_receivePath: "Receive path",
  detail_utxos: "Coins (UTXOs)",
  detail_feeRate: "Fee rate",
  detail_vsize: "Size (virtual bytes)",
  detail_inputs: "Inputs spent",
  detail_change: "Change returned",
  detail_rbf: "Replaceable (RBF)",
  detail_rates: "Fee rates slow / normal / fast",
} as const;

export type BitcoinMessageKey = keyof typeof bitcoinEn;

export const bitcoinMessages: FamilyMessages<BitcoinMessageKey> = {
  en: bitcoinEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.bitcoinZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.bitcoinZhTW),
};
