/**
 * The Aptos family's strings: approval titles, detail labels and risk codes.
 * English is here, bundled with every page; the Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks
 * loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';

export const aptosEn = {
  'approval_aptos:signMessage': 'Sign an Aptos message',
  'approval_aptos:signIn': 'Sign in with Aptos',
  'approval_aptos:signTransaction': 'Sign an Aptos transaction',
  'approval_aptos:signAndSubmitTransaction': 'Send an Aptos transaction',
  detail_aptos_function: 'Function',
  detail_aptos_type_args: 'Type arguments',
  detail_aptos_arguments: 'Arguments',
  detail_aptos_fee: 'Network fee (simulated)',
  detail_aptos_max_fee: 'Maximum network fee',
  detail_aptos_gas: 'Gas (units × price in octas)',
  detail_aptos_expires: 'Expires',
  detail_aptos_simulation: 'Simulation',
  detail_aptos_sender: 'Sender',
  detail_aptos_fee_payer: 'Fee payer',
  detail_aptos_secondary_signers: 'Co-signers',
  detail_aptos_sequence: 'Sequence number',
  detail_aptos_chain_id: 'Chain ID',
  detail_aptos_full_message: 'Message to sign',
  risk_APTOS_NEW_ACCOUNT: 'The recipient has no Aptos account yet. Sending creates it (the fee includes the account’s storage).',
  risk_APTOS_KEY_ROTATION: 'This changes the key that controls your account ({function}). Whoever holds the new key owns the account and everything in it.',
  risk_APTOS_CAPABILITY_OFFER: 'This lets another account act for yours ({function}). It can take everything in your account.',
  risk_APTOS_SCRIPT_PAYLOAD: 'This runs a script: arbitrary code the wallet cannot decode, with full control of your account for this transaction.',
  risk_APTOS_UNKNOWN_MODULE_MOVES_ASSETS: 'A module outside the Aptos framework ({module}) will move assets out of your account.',
  risk_APTOS_SIMULATION_FAILED: 'The node’s simulation says this transaction fails: {status}',
  risk_APTOS_CO_SIGNER: 'Your account co-signs a transaction sent by {sender}: the function it calls can act as your account and move your assets.',
} as const;

export type AptosMessageKey = keyof typeof aptosEn;

export const aptosMessages: FamilyMessages<AptosMessageKey> = {
  en: aptosEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.aptosZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.aptosZhTW),
};
