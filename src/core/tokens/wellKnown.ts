/**
 * The bundled list of well-known tokens per mainnet: what the wallet shows when the account holds
 * them, without the user adding them by contract, with their logo and price id. Addresses are the
 * issuers' canonical deployments (checked in tests/core/wellKnownTokens.test.ts against
 * @uniswap/default-token-list where it lists the chain, and by address checksum everywhere).
 * Keyed by the chain selector's id ('evm:1', 'tron:mainnet', 'solana:mainnet-beta').
 */

/** Which bundled logo to draw (src/ui/logos/tokenLogos.ts). */
export type TokenLogo = 'USDT' | 'USDC' | 'DAI' | 'WETH' | 'WBTC' | 'BTCB' | 'ETH';

export interface WellKnownToken {
  /** EIP-55 contract (EVM), base58 contract (TRON), base58 mint (Solana). */
  address: string;
  symbol: string;
  name: string;
  decimals: number;
  logo: TokenLogo;
  /** The price API's coin id (CoinGecko ids). */
  priceId: string;
}

const usdt = (address: string, decimals = 6, symbol = 'USDT'): WellKnownToken => ({ address, symbol, name: 'Tether USD', decimals, logo: 'USDT', priceId: 'tether' });
const usdc = (address: string, decimals = 6, symbol = 'USDC'): WellKnownToken => ({ address, symbol, name: 'USD Coin', decimals, logo: 'USDC', priceId: 'usd-coin' });
const dai = (address: string): WellKnownToken => ({ address, symbol: 'DAI', name: 'Dai Stablecoin', decimals: 18, logo: 'DAI', priceId: 'dai' });
const weth = (address: string, symbol = 'WETH'): WellKnownToken => ({ address, symbol, name: 'Wrapped Ether', decimals: 18, logo: 'WETH', priceId: 'weth' });
const wbtc = (address: string, symbol = 'WBTC'): WellKnownToken => ({ address, symbol, name: 'Wrapped BTC', decimals: 8, logo: 'WBTC', priceId: 'wrapped-bitcoin' });

export const WELL_KNOWN_TOKENS: Readonly<Record<string, readonly WellKnownToken[]>> = {
  'evm:1': [
    usdt('0xdAC17F958D2ee523a2206206994597C13D831ec7'),
    usdc('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'),
    dai('0x6B175474E89094C44Da98b954EedeAC495271d0F'),
    weth('0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2'),
    wbtc('0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599'),
  ],
  'evm:56': [
    usdt('0x55d398326f99059fF775485246999027B3197955', 18),
    usdc('0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d', 18),
    dai('0x1AF3F329e8BE154074D8769D1FFa4eE058B1DBc3'),
    { address: '0x2170Ed0880ac9A755fd29B2688956BD959F933F8', symbol: 'ETH', name: 'Binance-Peg Ethereum', decimals: 18, logo: 'ETH', priceId: 'ethereum' },
    { address: '0x7130d2A12B9BCbFAe4f2634d864A1Ee1Ce3Ead9c', symbol: 'BTCB', name: 'Binance-Peg BTCB', decimals: 18, logo: 'BTCB', priceId: 'binance-bitcoin' },
  ],
  'evm:137': [
    usdt('0xc2132D05D31c914a87C6611C10748AEb04B58e8F'),
    usdc('0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359'),
    usdc('0x2791Bca1f2de4661ED88A30C99A7a9449Aa84174', 6, 'USDC.e'),
    dai('0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063'),
    weth('0x7ceB23fD6bC0adD59E62ac25578270cFf1b9f619'),
    wbtc('0x1BFD67037B42Cf73acF2047067bd4F2C47D9BfD6'),
  ],
  'evm:42161': [
    usdt('0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9'),
    usdc('0xaf88d065e77c8cC2239327C5EDb3A432268e5831'),
    usdc('0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8', 6, 'USDC.e'),
    dai('0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1'),
    weth('0x82aF49447D8a07e3bd95BD0d56f35241523fBab1'),
    wbtc('0x2f2a2543B76A4166549F7aaB2e75Bef0aefC5B0f'),
  ],
  'evm:10': [
    usdt('0x94b008aA00579c1307B0EF2c499aD98a8ce58e58'),
    usdc('0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85'),
    usdc('0x7F5c764cBc14f9669B88837ca1490cCa17c31607', 6, 'USDC.e'),
    dai('0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1'),
    weth('0x4200000000000000000000000000000000000006'),
    wbtc('0x68f180fcCe6836688e9084f035309E29Bf0A2095'),
  ],
  'evm:8453': [
    usdc('0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913'),
    usdt('0xfde4C96c8593536E31F229EA8f37b2ADa2699bb2'),
    dai('0x50c5725949A6F0c72E6C4a641F24049A917DB0Cb'),
    weth('0x4200000000000000000000000000000000000006'),
  ],
  'evm:43114': [
    usdt('0x9702230A8Ea53601f5cD2dc00fDBc13d4dF4A8c7'),
    usdc('0xB97EF9Ef8734C71904D8002F8b6Bc66Dd9c48a6E'),
    weth('0x49D5c2BdFfac6CE2BFdB6640F4F80f226bc10bAB', 'WETH.e'),
    wbtc('0x50b7545627a5162F82A992c33b87aDc75187B218', 'WBTC.e'),
  ],
  'evm:324': [
    usdc('0x1d17CBcF0D6D143135aE902365D2E5e2A16538D4'),
    usdc('0x3355df6D4c9C3035724Fd0e3914dE96A5a83aaf4', 6, 'USDC.e'),
    usdt('0x493257fD37EDB34451f62EDf8D2a0C418852bA4C'),
    weth('0x5AEa5775959fBC2557Cc8789bC1bf90A239D9a91'),
  ],
  'evm:59144': [
    usdc('0x176211869cA2b568f2A7D4EE941E073a821EE1ff'),
    usdt('0xA219439258ca9da29E9Cc4cE5596924745e12B93'),
    weth('0xe5D7C2a44FfDDf6b295A15c148167daaAf5Cf34f'),
  ],
  'tron:mainnet': [usdt('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'), usdc('TEkxiTehnzSmSe2XqrBj4w32RUN966rdz8')],
  'solana:mainnet-beta': [usdc('EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v'), usdt('Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB')],
};

/** The well-known tokens of a chain (empty for testnets, custom chains and families without a list). */
export function wellKnownTokens(chain: string): readonly WellKnownToken[] {
  return WELL_KNOWN_TOKENS[chain] ?? [];
}

/** The list entry for a token on a chain; EVM addresses match in any letter case. */
export function findWellKnown(chain: string, address: string): WellKnownToken | undefined {
  const evm = chain.startsWith('evm:');
  const a = evm ? address.toLowerCase() : address;
  return wellKnownTokens(chain).find((t) => (evm ? t.address.toLowerCase() : t.address) === a);
}
