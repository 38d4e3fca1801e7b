/** The Polkadot family's strings in 繁體中文: every key of polkadotEn (messages.ts), the compiler checks. */
import type { PolkadotMessageKey } from './messages';

export const polkadotZhTW: Readonly<Record<PolkadotMessageKey, string>> = {
  'approval_polkadot:signPayload': '簽署 Polkadot 交易',
  'approval_polkadot:signRaw': '簽署訊息',
  polkadot_free: '可用餘額',
  polkadot_reserved: '保留',
  polkadot_frozen: '凍結（鎖定）',
  polkadot_ed: '存在性押金',
  polkadot_call: '呼叫',
  polkadot_args: '參數',
  polkadot_era: '有效期',
  polkadot_tip: '小費',
  polkadot_nonce: 'Nonce',
  risk_POLKADOT_PROXY: '此呼叫管理代理：其他帳戶將可以代表你的帳戶操作（{method}）。',
  risk_POLKADOT_BATCH_TRANSFERS: '批次呼叫中包含 {count} 筆轉帳：一次簽名會多次轉出資金。',
  risk_POLKADOT_TRANSFER_ALL: '將轉出此帳戶的全部餘額。',
  risk_POLKADOT_MULTISIG: '多簽操作（{method}）。',
  risk_POLKADOT_REMARK_LOOKALIKE: '{pallet}.{method} 並不是 System.remark：它是看起來像備註的另一種呼叫。',
  risk_POLKADOT_ALLOW_DEATH: '帳戶可能被清除：低於存在性押金時，剩餘資金將會遺失。',
};
