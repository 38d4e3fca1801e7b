/** The price API request and answer (CoinGecko simple/price shape), currencies and price ids. */
import { describe, expect, it } from 'vitest';
import { checkPriceApiUrl, DEFAULT_PRICE_API, parsePriceResponse, priceRequestUrl } from '../../../src/core/prices/priceApi';
import { defaultCurrency, isCurrency } from '../../../src/core/prices/currencies';
import { ALL_PRICE_IDS, priceIdOf } from '../../../src/core/prices/assets';

describe('price API', () => {
  it('asks simple/price for every id in one currency, with full precision', () => {
    const url = new URL(priceRequestUrl(DEFAULT_PRICE_API, ['bitcoin', 'ethereum'], 'CNY'));
    expect(url.origin + url.pathname).toBe('https://api.coingecko.com/api/v3/simple/price');
    expect(url.searchParams.get('ids')).toBe('bitcoin,ethereum');
    expect(url.searchParams.get('vs_currencies')).toBe('cny');
    expect(url.searchParams.get('precision')).toBe('full');
  });

  it('reads the answer as decimal strings and leaves out what is not a price', () => {
    const body = JSON.parse('{"bitcoin":{"usd":97123.45},"ethereum":{"usd":3456.78},"tether":{"usd":"1"},"solana":{"eur":150},"tron":{"usd":-1}}');
    expect(parsePriceResponse(body, ['bitcoin', 'ethereum', 'tether', 'solana', 'tron', 'dai'], 'USD')).toEqual({ bitcoin: '97123.45', ethereum: '3456.78' });
    expect(() => parsePriceResponse([], ['bitcoin'], 'USD')).toThrow(/JSON object/);
    expect(() => parsePriceResponse(null, ['bitcoin'], 'USD')).toThrow(/JSON object/);
  });

  it('accepts https, and http only on this computer', () => {
    expect(checkPriceApiUrl('https://prices.example.org/api/v3/')).toEqual({ ok: true, url: 'https://prices.example.org/api/v3' });
    expect(checkPriceApiUrl('http://127.0.0.1:8123')).toEqual({ ok: true, url: 'http://127.0.0.1:8123' });
    expect(checkPriceApiUrl('http://prices.example.org')).toEqual({ ok: false, reason: 'insecure' });
    expect(checkPriceApiUrl('ftp://127.0.0.1')).toEqual({ ok: false, reason: 'insecure' });
    expect(checkPriceApiUrl('https://user:pw@prices.example.org')).toEqual({ ok: false, reason: 'credentials' });
    expect(checkPriceApiUrl('https://prices.example.org/?key=1')).toEqual({ ok: false, reason: 'format' });
    expect(checkPriceApiUrl('not a url')).toEqual({ ok: false, reason: 'format' });
  });

  it('defaults the currency from the UI locale', () => {
    expect(defaultCurrency('zh-CN')).toBe('CNY');
    expect(defaultCurrency('zh-TW')).toBe('TWD');
    expect(defaultCurrency('en')).toBe('USD');
    expect(defaultCurrency('de-DE')).toBe('USD');
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('eur')).toBe(false);
    expect(isCurrency('XYZ')).toBe(false);
  });

  it('prices mainnet coins and listed tokens only', () => {
    expect(priceIdOf('evm:1', null, 'ETH')).toBe('ethereum');
    expect(priceIdOf('evm:8453', null, 'ETH')).toBe('ethereum');
    expect(priceIdOf('evm:56', null, 'BNB')).toBe('binancecoin');
    expect(priceIdOf('evm:1', null, 'FAKE')).toBeNull(); // a custom network reusing chain id 1
    expect(priceIdOf('evm:11155111', null, 'ETH')).toBeNull(); // testnet
    expect(priceIdOf('evm:31337', null, 'ETH')).toBeNull(); // local devnet
    expect(priceIdOf('evm:1', '0xdac17f958d2ee523a2206206994597c13d831ec7', 'USDT')).toBe('tether');
    expect(priceIdOf('evm:1', '0x0000000000000000000000000000000000000001', 'USDT')).toBeNull(); // a look-alike
    expect(priceIdOf('tron:mainnet', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'USDT')).toBe('tether');
    expect(priceIdOf('tron:nile', null, 'TRX')).toBeNull();
    expect(priceIdOf('solana:mainnet-beta', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', 'USDC')).toBe('usd-coin');
    expect(priceIdOf('bitcoin:mainnet', null, 'BTC')).toBe('bitcoin');
    expect(new Set(ALL_PRICE_IDS).size).toBe(ALL_PRICE_IDS.length);
    expect(ALL_PRICE_IDS).toEqual(expect.arrayContaining(['bitcoin', 'ethereum', 'tether', 'usd-coin', 'solana', 'tron']));
  });
});
