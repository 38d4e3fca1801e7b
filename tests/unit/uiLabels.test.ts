/**
 * The approval window's plain-language parts and the popup's pickers: one-line summaries from real
 * display shapes (as src/families/evm/background/describeTx.ts and the Bitcoin handler build them), translated
 * and humanised field labels, severity order, the network filter, the badge text and the identicon.
 */
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/ui/approval/summary';
import { fieldLabel, fieldValue, humanise } from '../../src/ui/approval/labels';
import { bySeverity } from '../../src/ui/approval/severity';
import { filterChains } from '../../src/ui/popup/NetworkSheet';
import { initials } from '../../src/ui/popup/NetworkLogo';
import { identiconCells } from '../../src/ui/components/Avatar';
import { badgeText } from '../../src/background/actionBadge';
import { loadLocale, messagesOf, translate, type MessageKey } from '../../src/ui/i18n';
import type { ChainOption } from '../../src/protocol/ui';

/** English as the pages see it: the shared strings and every family's. */
const en = await messagesOf('en');
const tEn = (k: MessageKey, v?: Record<string, string | number>): string => translate('en', k, v);
const tCn = (k: MessageKey, v?: Record<string, string | number>): string => translate('zh-CN', k, v);

describe('approval summary', () => {
  it('a native transfer: amount, short recipient, network without its chain id', () => {
    const s = summarise('sendTransaction', 'https://app.example', { account: '0xf39F…', network: 'Ethereum (chain 1)', action: 'Transfer', to: '0x90F79bf6EB2c4f870365E785982E1f101E93b906', amount: '0.01 ETH', gas: '21000' });
    expect(s && tEn(s.key, s.vars)).toBe('Send 0.01 ETH to 0x90F7…3b906 on Ethereum');
  });
  it('an unlimited ERC-20 approval names the site and the token', () => {
    const s = summarise('sendTransaction', 'https://app.uniswap.org', { network: 'Ethereum (chain 1)', action: 'Token approval (USDT)', token: '0xdAC17F958D2ee523a2206206994597C13D831ec7', spender: '0x1111', amount: 'UNLIMITED' });
    expect(s && tEn(s.key, s.vars)).toBe('Allow app.uniswap.org to spend UNLIMITED USDT on Ethereum');
  });
  it('a limited approval keeps the amount with its symbol', () => {
    const s = summarise('sendTransaction', 'https://dex.example', { network: 'BNB Smart Chain (chain 56)', action: 'Token approval (USDC)', amount: '25 USDC' });
    expect(s && tEn(s.key, s.vars)).toBe('Allow dex.example to spend 25 USDC on BNB Smart Chain');
  });
  it('a Bitcoin send keeps the coin amount and the first recipient', async () => {
    const s = summarise('sendBitcoin', 'https://ordinals.example', { network: 'Bitcoin', to: 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', amount: '0.001 BTC (100000 sats)' });
    expect(s && tEn(s.key, s.vars)).toBe('Send 0.001 BTC to bc1qcr…06fyu on Bitcoin');
    await loadLocale('zh-CN');
    expect(s && tCn(s.key, s.vars)).toBe('在 Bitcoin 上向 bc1qcr…06fyu 发送 0.001 BTC');
  });
  it('connect and sign requests say who asks; an unknown shape gives no sentence', () => {
    const c = summarise('connect', 'http://localhost:5173', { account: '0x…', network: 'Local devnet', permissions: '…' });
    expect(c && tEn(c.key, c.vars)).toBe('localhost:5173 wants to see your address on Local devnet');
    expect(summarise('signPsbt', 'https://x.example', { inputs: 2 })).toBeNull();
  });
});

describe('field labels and values', () => {
  it('every display key the background sends today has a label in all three locales', async () => {
    await loadLocale('zh-CN');
    for (const key of ['account', 'network', 'action', 'to', 'amount', 'spender', 'maxFeePerGas', 'maxPriorityFeePerGas', 'maxNetworkFee', 'gas', 'data', 'signatures already present', 'symbol the site gave']) {
      const label = fieldLabel(key, tEn);
      expect(Object.values(en), key).toContain(label);
      expect(fieldLabel(key, tCn), key).not.toBe(label);
    }
  });
  it('an unmapped key from a new family is humanised, never shown raw', () => {
    expect(humanise('maxFeePerGas')).toBe('Max fee per gas');
    expect(humanise('storage_deposit')).toBe('Storage deposit');
    expect(humanise('refBlockNum')).toBe('Ref block num');
    expect(fieldLabel('existentialDeposit', tEn)).toBe('Existential deposit');
  });
  it('known English values are translated; others pass through', async () => {
    await loadLocale('zh-CN');
    expect(fieldValue('amount', 'UNLIMITED', tCn)).toBe('无限额');
    expect(fieldValue('action', 'Token approval (USDT)', tCn)).toBe('代币授权（USDT）');
    expect(fieldValue('action', 'Transfer', tCn)).toBe('转账');
    expect(fieldValue('rbf', 'yes', tCn)).toBe('是');
    expect(fieldValue('to', '0xabc', tCn)).toBe('0xabc');
    expect(fieldValue('action', 'Token approval (USDT)', tEn)).toBe('Token approval (USDT)');
  });
});

describe('popup helpers', () => {
  it('warnings are ordered danger, warning, info, keeping their order within a severity', () => {
    const w = bySeverity([
      { code: 'A', severity: 'info' },
      { code: 'B', severity: 'warning' },
      { code: 'C', severity: 'danger' },
      { code: 'D', severity: 'warning' },
    ]);
    expect(w.map((x) => x.code)).toEqual(['C', 'B', 'D', 'A']);
  });
  it('the network filter hides testnets unless asked and searches names and ids', () => {
    const chains: ChainOption[] = [
      { id: 'evm:1', family: 'evm', name: 'Ethereum', testnet: false },
      { id: 'evm:11155111', family: 'evm', name: 'Sepolia', testnet: true },
      { id: 'bitcoin:mainnet', family: 'bitcoin', name: 'Bitcoin', testnet: false },
    ];
    expect(filterChains(chains, '', false).map((c) => c.id)).toEqual(['evm:1', 'bitcoin:mainnet']);
    expect(filterChains(chains, 'sep', true).map((c) => c.id)).toEqual(['evm:11155111']);
    expect(filterChains(chains, 'sep', false)).toEqual([]);
    expect(filterChains(chains, 'BITCOIN', false).map((c) => c.id)).toEqual(['bitcoin:mainnet']);
  });
  it('network initials, badge text and identicons', () => {
    expect(initials('BNB Smart Chain')).toBe('BS');
    expect(initials('Ethereum')).toBe('ET');
    expect(initials('TRON (custom node)')).toBe('TR');
    expect([badgeText(0), badgeText(3), badgeText(120)]).toEqual(['', '3', '99+']);
    const a = identiconCells('0xabc');
    expect(identiconCells('0xABC')).toEqual(a);
    expect(identiconCells('0xabd')).not.toEqual(a);
    // Mirror-symmetric rows.
    for (let y = 0; y < 5; y++) expect([a.cells[y * 5], a.cells[y * 5 + 1]]).toEqual([a.cells[y * 5 + 4], a.cells[y * 5 + 3]]);
  });
});

describe('backup check', () => {
  it('asks distinct, sorted positions and offers the right word among four distinct choices', async () => {
    const { checkPositions, choicesFor } = await import('../../src/ui/onboarding/BackupCheck');
    const words = 'legal winner thank year wave sausage worth useful legal winner thank yellow'.split(' ');
    for (let run = 0; run < 50; run++) {
      const p = checkPositions(12, 3);
      expect(p).toHaveLength(3);
      expect(new Set(p).size).toBe(3);
      expect([...p].sort((a, b) => a - b)).toEqual(p);
      expect(p.every((x) => x >= 0 && x < 12)).toBe(true);
      const c = choicesFor(words, p[0]!);
      expect(c).toHaveLength(4);
      expect(new Set(c).size).toBe(4);
      expect(c.filter((w) => w === words[p[0]!])).toHaveLength(1);
    }
    expect(checkPositions(24, 4)).toHaveLength(4);
  });
});
