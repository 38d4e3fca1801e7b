/**
 * The bundled well-known token list: every address well formed (EIP-55 checksum, TRON base58check,
 * a 32-byte Solana key), and every EVM entry the same contract, symbol family and decimals as
 * @uniswap/default-token-list (an independent list) wherever that list covers the chain.
 */
import { describe, expect, it } from 'vitest';
import { getAddress } from 'viem';
import { base58, createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import uniswap from '@uniswap/default-token-list';
import { WELL_KNOWN_TOKENS, findWellKnown } from '../../../src/core/tokens/wellKnown';

const b58check = createBase58check(sha256);

/** One name per asset: bridged USDC.e is USDC, Tether's USDT0 is USDT, BSC's pegged ETH is listed as WETH there. */
const family = (symbol: string): string => symbol.replace(/\.e$/, '').replace(/^USDT0$/, 'USDT').replace(/^ETH$/, 'WETH');

describe('well-known tokens', () => {
  it('has well-formed addresses for every chain', () => {
    for (const [chain, list] of Object.entries(WELL_KNOWN_TOKENS)) {
      expect(list.length, chain).toBeGreaterThan(0);
      for (const t of list) {
        if (chain.startsWith('evm:')) expect(getAddress(t.address), `${chain} ${t.symbol}`).toBe(t.address);
        else if (chain.startsWith('tron:')) expect(b58check.decode(t.address)[0], `${chain} ${t.symbol}`).toBe(0x41);
        else if (chain.startsWith('solana:')) expect(base58.decode(t.address).length).toBe(32);
        else throw new Error(`unexpected chain ${chain}`);
        expect(Number.isInteger(t.decimals) && t.decimals >= 0 && t.decimals <= 18).toBe(true);
      }
      expect(new Set(list.map((t) => t.address.toLowerCase())).size, chain).toBe(list.length);
    }
  });

  it('matches the Uniswap default list where it lists the same chain', () => {
    const theirs = (uniswap as { tokens: Array<{ chainId: number; address: string; symbol: string; decimals: number }> }).tokens;
    let compared = 0;
    for (const [chain, list] of Object.entries(WELL_KNOWN_TOKENS)) {
      if (!chain.startsWith('evm:')) continue;
      const chainId = Number(chain.slice(4));
      for (const t of list) {
        const u = theirs.find((x) => x.chainId === chainId && x.address.toLowerCase() === t.address.toLowerCase());
        if (!u) continue;
        compared++;
        expect(u.decimals, `${chain} ${t.symbol}`).toBe(t.decimals);
        expect(family(t.symbol), `${chain} ${t.symbol}`).toBe(family(u.symbol));
      }
    }
    // Ethereum, BSC, Polygon, Arbitrum, Optimism, Base and Avalanche entries are all in their list.
    expect(compared).toBeGreaterThanOrEqual(30);
    // Solana mints as Uniswap lists them (its Solana chain id).
    for (const sym of ['USDC', 'USDT']) {
      const u = theirs.find((x) => x.chainId === 501000101 && x.symbol === sym)!;
      expect(findWellKnown('solana:mainnet-beta', u.address)?.symbol).toBe(sym);
    }
  });

  it('matches EVM addresses in any letter case, others exactly', () => {
    expect(findWellKnown('evm:1', '0xDAC17F958D2EE523A2206206994597C13D831EC7')?.symbol).toBe('USDT');
    expect(findWellKnown('tron:mainnet', 'tr7nhqjekqxgtci8q8zy4pl8otszgjlj6t')).toBeUndefined();
    expect(findWellKnown('evm:11155111', '0xdAC17F958D2ee523a2206206994597C13D831ec7')).toBeUndefined();
  });
});
