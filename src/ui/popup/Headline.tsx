/**
 * Home's headline: the total of the active network's assets in the user's currency when prices
 * are known (the native balance beneath), else the native balance, large. A price fetch that
 * failed says how old the prices shown are.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { shortAmount } from '../format';
import { Skeleton } from '../components/Skeleton';
import type { PricedAsset } from '../prices/fiat';
import { useFiatTotal } from '../prices/Fiat';
import { usePrices } from '../prices/priceStore';

export interface Headline {
  formatted: string | null;
  symbol: string;
  /** The chain selector id ('evm:1', 'solana:mainnet-beta') and every asset shown, for the fiat total. */
  chain?: string;
  assets?: readonly PricedAsset[];
}

function PriceAge(): ReactNode {
  const { t } = useI18n();
  const prices = usePrices();
  if (!prices?.enabled || !prices.error || prices.updatedAt === null) return null;
  return (
    <span className="hint" data-testid="prices-stale">
      {t('pricesStale', { time: new Date(prices.updatedAt).toLocaleString() })}
    </span>
  );
}

export function HeadlineAmount({ headline, networkName }: { headline: Headline | null; networkName: string }): ReactNode {
  const { t } = useI18n();
  const total = useFiatTotal(headline?.chain, headline?.assets);
  const native = headline && (
    <>
      {headline.formatted === null ? t('unavailable') : shortAmount(headline.formatted, 4)} <span className="amount-symbol">{headline.symbol}</span>
    </>
  );
  return (
    <div className="stack" style={{ alignItems: 'center', gap: 2 }}>
      <span className="hint">{t(total ? 'totalOn' : 'balancesOn', { network: networkName })}</span>
      {total ? (
        <>
          <p className="hero-total" data-testid="headline-fiat" data-value={total.value} aria-live="polite">
            {total.text}
          </p>
          <span className="hint" data-testid="headline">
            {native}
          </span>
        </>
      ) : (
        <p className="hero-total" data-testid="headline" aria-live="polite">
          {native ?? <Skeleton width={140} height={30} />}
        </p>
      )}
      <PriceAge />
    </div>
  );
}
