/** Fiat values for display: exact decimal products and sums, formatted by Intl.NumberFormat in the UI locale. */
import type { PricesView } from '../../protocol/ui';
import { fiatValue, sumDecimals } from '../../core/prices/decimal';
import { priceIdOf } from '../../core/prices/assets';

export interface PricedAsset {
  token: string | null;
  symbol: string;
  /** Whole units, exact; null when unknown. */
  formatted: string | null;
}

/** The exact fiat value of an amount of an asset on a chain; null without a price. */
export function assetFiat(prices: PricesView | null, chain: string, asset: PricedAsset): string | null {
  if (!prices?.enabled || asset.formatted === null) return null;
  const id = priceIdOf(chain, asset.token, asset.symbol);
  const price = id ? prices.prices[id] : undefined;
  return price === undefined ? null : fiatValue(asset.formatted, price);
}

/** The total of the assets that have a price; null when none has. */
export function totalFiat(prices: PricesView | null, chain: string, assets: readonly PricedAsset[]): string | null {
  const values = assets.map((a) => assetFiat(prices, chain, a)).filter((v): v is string => v !== null);
  return values.length ? sumDecimals(values) : null;
}

/**
 * "$1,234.57", "¥8,901.23", "NT$1,234"… Intl.NumberFormat takes the exact decimal text (no float
 * on the way), rounding half-expand to the currency's digits. A non-zero value that rounds to
 * zero shows as "< $0.01".
 */
export function formatFiat(value: string, currency: string, locale: string): string {
  const nf = new Intl.NumberFormat(locale, { style: 'currency', currency });
  // ES2023 Intl.NumberFormat v3: a decimal string is formatted exactly (TypeScript's lib lags).
  const fmt = (v: string): string => nf.format(v as unknown as number);
  if (/^0(\.0*)?$/.test(value)) return fmt('0');
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  const smallest = digits > 0 ? `0.${'0'.repeat(digits - 1)}1` : '1';
  const [whole, frac = ''] = value.split('.');
  const belowSmallest = whole === '0' && /^0*$/.test(frac.slice(0, digits)) && Number(frac[digits] ?? '0') < 5;
  return belowSmallest ? `< ${fmt(smallest)}` : fmt(value);
}
