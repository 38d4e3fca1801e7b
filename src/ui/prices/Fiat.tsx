/**
 * Fiat values on screen: `<Fiat>` for one amount of an asset (a fee, a send amount), `<AssetValue>`
 * for an asset row (the amount, and its fiat value beneath when a price is known), and
 * `<FiatTotal>` for Home's headline. Nothing is shown without a price: never a made-up zero.
 */
import type { ReactNode } from 'react';
import { Amount } from '../components/Amount';
import { useI18n } from '../i18n/context';
import { usePrices } from './priceStore';
import { assetFiat, formatFiat, totalFiat, type PricedAsset } from './fiat';

/** "≈ $12.34" for an amount of an asset on a chain (chain: the selector id, 'evm:1', 'tron:mainnet'). */
export function Fiat({ chain, asset, testid = 'fiat', approx = true }: { chain: string; asset: PricedAsset; testid?: string; approx?: boolean }): ReactNode {
  const prices = usePrices();
  const { locale } = useI18n();
  const value = assetFiat(prices, chain, asset);
  if (value === null || !prices) return null;
  return (
    <span className="fiat" data-testid={testid} data-value={value}>
      {approx ? '≈ ' : ''}
      {formatFiat(value, prices.currency, locale)}
    </span>
  );
}

/** An asset row's right side: the amount, its fiat value beneath. */
export function AssetValue({ chain, asset, unavailable }: { chain: string; asset: PricedAsset; unavailable: string }): ReactNode {
  return (
    <span className="asset-value">
      <Amount value={asset.formatted} unavailable={unavailable} />
      <Fiat chain={chain} asset={asset} approx={false} />
    </span>
  );
}

/** The fiat total of a list of assets; null (render nothing) when no asset has a price. */
export function useFiatTotal(chain: string | undefined, assets: readonly PricedAsset[] | undefined): { text: string; value: string } | null {
  const prices = usePrices();
  const { locale } = useI18n();
  if (!chain || !assets || !prices) return null;
  const value = totalFiat(prices, chain, assets);
  return value === null ? null : { text: formatFiat(value, prices.currency, locale), value };
}
