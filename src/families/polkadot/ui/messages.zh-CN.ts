/** The Polkadot family's strings in 简体中文: every key of polkadotEn (messages.ts), the compiler checks. */
import type { PolkadotMessageKey } from './messages';

export const polkadotZhCN: Readonly<Record<PolkadotMessageKey, string>> = {
  'approval_polkadot:signPayload': '签署 Polkadot 交易',
  'approval_polkadot:signRaw': '签署消息',
  polkadot_free: '可用余额',
  polkadot_reserved: '保留',
  polkadot_frozen: '冻结（锁定）',
  polkadot_ed: '存在性押金',
  polkadot_call: '调用',
  polkadot_args: '参数',
  polkadot_era: '有效期',
  polkadot_tip: '小费',
  polkadot_nonce: 'Nonce',
  risk_POLKADOT_PROXY: '此调用管理代理：其他账户将可以代表你的账户操作（{method}）。',
  risk_POLKADOT_BATCH_TRANSFERS: '批量调用中包含 {count} 笔转账：一次签名会多次转出资金。',
  risk_POLKADOT_TRANSFER_ALL: '将转出此账户的全部余额。',
  risk_POLKADOT_MULTISIG: '多签操作（{method}）。',
  risk_POLKADOT_REMARK_LOOKALIKE: '{pallet}.{method} 并不是 System.remark：它是看起来像备注的另一种调用。',
  risk_POLKADOT_ALLOW_DEATH: '账户可能被清除：低于存在性押金时，剩余资金将会丢失。',
};
