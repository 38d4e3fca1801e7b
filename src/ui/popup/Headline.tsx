/**
 * Home's headline: the native balance of the active network, large. (A fiat total needs prices,
 * which this wallet does not fetch yet; the headline then becomes the total in the chosen currency.)
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { shortAmount } from '../format';
import { Skeleton } from '../components/Skeleton';

export interface Headline {
  formatted: string | null;
  symbol: string;
}

export function HeadlineAmount({ headline, networkName }: { headline: Headline | null; networkName: string }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="stack" style={{ alignItems: 'center', gap: 2 }}>
      <span className="hint">{t('balancesOn', { network: networkName })}</span>
      <p className="hero-total" data-testid="headline" aria-live="polite">
        {headline ? (
          <>
            {headline.formatted === null ? t('unavailable') : shortAmount(headline.formatted, 4)} <span className="amount-symbol">{headline.symbol}</span>
          </>
        ) : (
          <Skeleton width={140} height={30} />
        )}
      </p>
    </div>
  );
}
