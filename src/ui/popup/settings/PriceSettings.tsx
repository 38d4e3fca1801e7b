/**
 * Prices in Settings → General: on/off (off: the wallet asks no price service at all), the
 * currency (default: the language's), and the price service's address (CoinGecko's public API
 * unless replaced by any server with its simple/price shape).
 */
import { useState, type ReactNode } from 'react';
import type { Settings, WalletState } from '../../../protocol/ui';
import { CURRENCIES, defaultCurrency } from '../../../core/prices/currencies';
import { DEFAULT_PRICE_API } from '../../../core/prices/priceApi';
import { useI18n } from '../../i18n/context';
import { reloadPrices } from '../../prices/priceStore';
import { SettingToggle } from '../../components/SettingToggle';

export function PriceSettings({ state, save }: { state: WalletState; save: (patch: Partial<Settings>) => Promise<boolean> }): ReactNode {
  const { t, locale } = useI18n();
  const s = state.settings;
  const [url, setUrl] = useState(s.priceApiUrl ?? '');
  const apply = async (patch: Partial<Settings>): Promise<void> => {
    if (await save(patch)) reloadPrices();
  };
  return (
    <fieldset className="stack" data-testid="price-settings">
      <legend>
        <strong>{t('pricesTitle')}</strong>
      </legend>
      <SettingToggle testid="prices-toggle" checked={s.prices !== false} onChange={(on) => void apply({ prices: on })} label={t('pricesSetting')} hint={t('pricesPrivacyHint')} />
      <label>
        {t('currency')}
        <select data-testid="currency" value={s.currency ?? ''} onChange={(e) => void apply({ currency: e.target.value || null })}>
          <option value="">{t('currencyAuto', { currency: defaultCurrency(locale) })}</option>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <form className="row nowrap" onSubmit={(e) => { e.preventDefault(); void apply({ priceApiUrl: url.trim() || null }); }}>
        <label className="grow">
          {t('priceApiUrl')}
          <input data-testid="price-api-url" value={url} placeholder={DEFAULT_PRICE_API} onChange={(e) => setUrl(e.target.value)} spellCheck="false" inputMode="url" />
        </label>
        <button type="submit" className="small" data-testid="save-price-api">
          {t('save')}
        </button>
      </form>
    </fieldset>
  );
}
