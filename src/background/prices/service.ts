/**
 * Fiat prices for the extension pages. One GET to the configured price API (CoinGecko's
 * simple/price shape, src/core/prices/priceApi.ts) asks for every coin id the wallet knows, so the
 * request says nothing about what the user holds, and no address is ever sent. Answers are cached
 * per currency in storage.local with their time: pages paint the cached prices first, a failed
 * fetch keeps the last prices with their age. With prices turned off in Settings no request is
 * made at all and no price is shown.
 */
import { ALL_PRICE_IDS } from '../../core/prices/assets';
import { isCurrency, type Currency } from '../../core/prices/currencies';
import { checkPriceApiUrl, DEFAULT_PRICE_API, parsePriceResponse, priceRequestUrl } from '../../core/prices/priceApi';
import type { PricesView, Settings } from '../../protocol/ui';
import { WalletError } from '../errors';
import { DEFAULT_SETTINGS, getLocal } from '../storage';
import { localArea } from '../storageCache';

const CACHE_KEY = 'priceCache';
/** Prices younger than this are served from the cache without asking the API (its free tier is rate limited). */
const FRESH_MS = 60_000;
const TIMEOUT_MS = 10_000;
const MAX_BODY = 64 * 1024;

interface CachedPrices {
  prices: Record<string, string>;
  updatedAt: number;
  /** The API base URL the prices came from: another URL's prices are refetched. */
  source: string;
}

type Cache = Partial<Record<Currency, CachedPrices>>;

/** The settings' price part; the currency chosen there, else the page's default (its language's). */
async function priceSettings(defaultCurrency: unknown): Promise<{ enabled: boolean; api: string; currency: Currency }> {
  const s: Settings = { ...DEFAULT_SETTINGS, ...(await getLocal('settings')) };
  return { enabled: s.prices !== false, api: s.priceApiUrl ?? DEFAULT_PRICE_API, currency: isCurrency(s.currency) ? s.currency : currencyOf(defaultCurrency) };
}

async function readCache(): Promise<Cache> {
  return ((await localArea.get(CACHE_KEY))[CACHE_KEY] as Cache | undefined) ?? {};
}

function currencyOf(v: unknown): Currency {
  if (!isCurrency(v)) throw new WalletError('INVALID_CURRENCY', 'Unknown currency');
  return v;
}

const OFF = (currency: Currency): PricesView => ({ enabled: false, currency, prices: {}, updatedAt: null });

function view(currency: Currency, c: CachedPrices | undefined, error?: PricesView['error']): PricesView {
  return { enabled: true, currency, prices: c?.prices ?? {}, updatedAt: c?.updatedAt ?? null, ...(error ? { error } : {}) };
}

/** From storage only: what a page paints at once. */
export async function cachedPrices(defaultCurrency: unknown): Promise<PricesView> {
  const { enabled, currency: cur } = await priceSettings(defaultCurrency);
  if (!enabled) return OFF(cur);
  return view(cur, (await readCache())[cur]);
}

async function fetchPrices(api: string, currency: Currency): Promise<Record<string, string>> {
  const res = await fetch(priceRequestUrl(api, ALL_PRICE_IDS, currency), { credentials: 'omit', redirect: 'error', referrerPolicy: 'no-referrer', signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!res.ok) throw new WalletError('PRICE_API_STATUS', `The price service answered HTTP ${res.status}`, undefined, { status: res.status });
  const text = await res.text();
  if (text.length > MAX_BODY) throw new WalletError('PRICE_API_BAD_RESPONSE', 'The price service answer is too large');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new WalletError('PRICE_API_BAD_RESPONSE', 'The price service did not answer with JSON');
  }
  try {
    return parsePriceResponse(body, ALL_PRICE_IDS, currency);
  } catch (err) {
    throw new WalletError('PRICE_API_BAD_RESPONSE', (err as Error).message);
  }
}

const inFlight = new Map<string, Promise<PricesView>>();

/**
 * Fresh prices (cached ones when younger than a minute). A failure returns the last prices with
 * their time and the error, never throws for the network: the screens keep what they show.
 */
export async function refreshPrices(defaultCurrency: unknown): Promise<PricesView> {
  const { enabled, api, currency: cur } = await priceSettings(defaultCurrency);
  if (!enabled) return OFF(cur);
  const key = `${cur}|${api}`;
  const running = inFlight.get(key);
  if (running) return running;
  const job = (async (): Promise<PricesView> => {
    const before = (await readCache())[cur];
    if (before && before.source === api && Date.now() - before.updatedAt < FRESH_MS) return view(cur, before);
    try {
      const prices = await fetchPrices(api, cur);
      const entry: CachedPrices = { prices, updatedAt: Date.now(), source: api };
      await localArea.set({ [CACHE_KEY]: { ...(await readCache()), [cur]: entry } });
      return view(cur, entry);
    } catch (err) {
      const e = err instanceof WalletError ? { code: err.code, message: err.message } : { code: 'PRICE_API_UNREACHABLE', message: 'The price service could not be reached' };
      return view(cur, before, e);
    }
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, job);
  return job;
}

/** Checks the price part of a settings update into `next`; bad input changes nothing. */
export function applyPriceSettings(patch: Partial<Settings>, next: Settings): void {
  if (patch.prices !== undefined) {
    if (typeof patch.prices !== 'boolean') throw new WalletError('INVALID_INPUT', 'Prices are on or off');
    next.prices = patch.prices;
  }
  if (patch.currency !== undefined) {
    // null: follow the language again.
    next.currency = patch.currency === null ? null : currencyOf(patch.currency);
  }
  if (patch.priceApiUrl !== undefined) {
    if (patch.priceApiUrl === null || patch.priceApiUrl === '') {
      next.priceApiUrl = null;
      return;
    }
    if (typeof patch.priceApiUrl !== 'string') throw new WalletError('INVALID_URL', 'The price service address is not a URL');
    const checked = checkPriceApiUrl(patch.priceApiUrl);
    if (!checked.ok) {
      if (checked.reason === 'insecure') throw new WalletError('INSECURE_PRICE_API', 'Use an https:// address (http:// only for this computer)');
      if (checked.reason === 'credentials') throw new WalletError('INVALID_URL', 'The address must not contain a user name or password');
      throw new WalletError('INVALID_URL', 'The price service address is not a URL');
    }
    next.priceApiUrl = checked.url;
  }
}
