/**
 * The Polkadot family's strings (approval titles, balance details, send details, risk codes).
 * English is here, bundled with every page; the Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks
 * loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';

export const polkadotEn = {
  'approval_polkadot:signPayload': 'Sign a Polkadot transaction',
  'approval_polkadot:signRaw': 'Sign a message',
  polkadot_free: 'Free',
  polkadot_reserved: 'Reserved',
  polkadot_frozen: 'Frozen (locked)',
  polkadot_ed: 'Existential deposit',
  polkadot_call: 'Call',
  polkadot_args: 'Arguments',
  polkadot_era: 'Valid for',
  polkadot_tip: 'Tip',
  polkadot_nonce: 'Nonce',
  risk_POLKADOT_PROXY: 'This call manages proxies: another account could act for yours ({method}).',
  risk_POLKADOT_BATCH_TRANSFERS: 'A batch containing {count} transfer(s): one signature moves funds several times.',
  risk_POLKADOT_TRANSFER_ALL: 'Transfers the whole balance of this account.',
  risk_POLKADOT_MULTISIG: 'A multisig operation ({method}).',
  risk_POLKADOT_REMARK_LOOKALIKE: '{pallet}.{method} is not System.remark: it is a different call that looks like a note.',
  risk_POLKADOT_ALLOW_DEATH: 'The account may be reaped: below the existential deposit, what remains is lost.',
} as const;

export type PolkadotMessageKey = keyof typeof polkadotEn;

export const polkadotMessages: FamilyMessages<PolkadotMessageKey> = {
  en: polkadotEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.polkadotZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.polkadotZhTW),
};
