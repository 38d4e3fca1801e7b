/**
 * The page's prices, shared by every component that shows a fiat value: the cached prices paint
 * first, then one refresh (the background answers from its cache when the prices are under a
 * minute old, and keeps the last prices with their age when the API fails). Never blocks a screen:
 * until prices arrive, fiat values are simply absent.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { PricesView } from '../../protocol/ui';
import { call } from '../api';
import { useI18n } from '../i18n/context';
import { defaultCurrency } from '../../core/prices/currencies';

let current: PricesView | null = null;
let started: string | null = null;
let generation = 0;
const listeners = new Set<() => void>();

function publish(v: PricesView): void {
  current = v;
  for (const l of listeners) l();
}

function load(fallback: string): void {
  if (started === fallback) return;
  started = fallback;
  const gen = ++generation;
  const fresh = (v: PricesView): void => {
    if (gen === generation) publish(v);
  };
  void call('getCachedPrices', { defaultCurrency: fallback })
    .then((cached) => {
      fresh(cached);
      return call('refreshPrices', { defaultCurrency: fallback });
    })
    .then(fresh, () => undefined);
}

/** After a settings change (on/off, currency, API URL): load again. */
export function reloadPrices(): void {
  started = null;
  current = null;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The page's prices (null until the first answer), loading them on first use. */
export function usePrices(): PricesView | null {
  const { locale } = useI18n();
  const fallback = defaultCurrency(locale);
  const v = useSyncExternalStore(subscribe, () => current);
  useEffect(() => load(fallback), [fallback, v]);
  return v;
}
