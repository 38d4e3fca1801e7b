/** The fiat currencies the wallet can show, and the default one for a UI locale. */

/** ISO 4217 codes, as the price API's vs_currencies takes them in lower case. */
export const CURRENCIES = ['USD', 'CNY', 'EUR', 'HKD', 'TWD', 'JPY', 'GBP', 'KRW', 'SGD', 'AUD', 'CAD', 'CHF', 'INR', 'RUB', 'BRL'] as const;
export type Currency = (typeof CURRENCIES)[number];

export function isCurrency(v: unknown): v is Currency {
  return typeof v === 'string' && (CURRENCIES as readonly string[]).includes(v);
}

/** The UI locale's currency: zh-CN → CNY, zh-TW → TWD (the UI's two Chinese locales), else USD. */
export function defaultCurrency(locale: string): Currency {
  const l = locale.toLowerCase();
  if (l === 'zh-tw' || l.startsWith('zh-hant')) return 'TWD';
  if (l === 'zh' || l.startsWith('zh-')) return 'CNY';
  return 'USD';
}
