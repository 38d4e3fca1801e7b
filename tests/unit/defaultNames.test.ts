/**
 * Default names the background makes are translated at display time; names a user or a dApp chose
 * are shown as typed; English shows the stored name itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale, translate, type Locale, type MessageKey } from '../../src/ui/i18n';
import { networkDisplayName, walletDisplayName } from '../../src/ui/i18n/defaultNames';
import { FAMILY_CORES } from '../../src/core/chains/registry';

const tr = (locale: Locale) => (key: MessageKey, vars?: Record<string, string | number>): string => translate(locale, key, vars);
const net = (name: string, locale: Locale): string => networkDisplayName(name, locale, tr(locale));
const wallet = (name: string, locale: Locale): string => walletDisplayName(name, locale, tr(locale));

/** English words that must not be left in a Chinese network name (proper names such as "Nile" may stay). */
const ENGLISH_WORDS = /\b(mainnet|testnet|devnet|regtest|localnet|local|custom|node)\b/i;

describe('default names at display time', () => {
  beforeAll(async () => {
    await loadLocale('zh-CN');
    await loadLocale('zh-TW');
  });

  it('translates the default wallet names, keeps typed ones', () => {
    expect(wallet('Wallet 1', 'zh-CN')).toBe('钱包 1');
    expect(wallet('Wallet 12', 'zh-TW')).toBe('錢包 12');
    expect(wallet('Imported 2', 'zh-CN')).toBe('导入的钱包 2');
    expect(wallet('Imported 2', 'zh-TW')).toBe('匯入的錢包 2');
    expect(wallet('Wallet 1', 'en')).toBe('Wallet 1');
    // Anything but the exact default is the user's own name.
    for (const typed of ['My Wallet 1', 'Wallet 1 ', 'wallet 1', 'Wallet', 'Wallet 0', 'Wallet one', '我的钱包']) {
      expect(wallet(typed, 'zh-CN'), typed).toBe(typed);
    }
  });

  it('translates the built-in network names, keeps proper names and added networks', () => {
    expect(net('Local devnet', 'zh-CN')).toBe('本地开发网');
    expect(net('Local devnet', 'zh-TW')).toBe('本機開發網');
    expect(net('TRON (custom node)', 'zh-CN')).toBe('TRON（自定义节点）');
    expect(net('TRON (custom node)', 'zh-TW')).toBe('TRON（自訂節點）');
    expect(net('Bitcoin Regtest', 'zh-CN')).toBe('Bitcoin 回归测试网（本地）');
    expect(net('Solana Localnet', 'zh-TW')).toBe('Solana 本機網路');
    expect(net('Nile Testnet', 'zh-CN')).toBe('Nile 测试网');
    expect(net('Solana Mainnet', 'zh-CN')).toBe('Solana 主网');
    expect(net('Ethereum', 'zh-CN')).toBe('Ethereum');
    expect(net('Local devnet', 'en')).toBe('Local devnet');
    // A network a dApp or the user added keeps its name, even when it looks like a default one.
    expect(net('My Testnet', 'zh-CN')).toBe('My Testnet');
    expect(net('local devnet', 'zh-CN')).toBe('local devnet');
  });

  it('leaves no English network word in Chinese for any built-in network', () => {
    const names = Object.values(FAMILY_CORES).flatMap((c) => c.descriptor.networks.map((n) => n.name));
    // Solana's built-in networks, named once more as they were before its descriptor joined the registry.
    names.push('Solana Mainnet', 'Solana Devnet', 'Solana Testnet', 'Solana Localnet');
    expect(names.length).toBeGreaterThan(30);
    // "OP Mainnet" is the network's own brand name (as on optimism.io), not a description.
    const PROPER = ['OP Mainnet'];
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      const left = names.filter((n) => !PROPER.includes(n) && ENGLISH_WORDS.test(net(n, locale))).map((n) => `${n} → ${net(n, locale)}`);
      expect(left, locale).toEqual([]);
    }
  });
});
