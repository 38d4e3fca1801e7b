/**
 * The price API: CoinGecko's public `simple/price` shape. One GET asks for every known coin id in
 * one currency:
 *   {base}/simple/price?ids=bitcoin,ethereum,…&vs_currencies=usd&precision=full
 * and the answer is { "<id>": { "usd": 97000.12 }, … }. Any server speaking that shape works
 * (the URL is a setting); ids the server does not know are simply absent.
 */
import { numberToDecimal } from './decimal';
import type { Currency } from './currencies';

export const DEFAULT_PRICE_API = 'https://api.coingecko.com/api/v3';

/** The configured base URL, checked: https, or http only on this computer; no credentials, query or fragment. */
export function checkPriceApiUrl(text: string): { ok: true; url: string } | { ok: false; reason: 'format' | 'insecure' | 'credentials' } {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return { ok: false, reason: 'format' };
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) return { ok: false, reason: 'insecure' };
  if (u.username || u.password) return { ok: false, reason: 'credentials' };
  if (u.search || u.hash || text.length > 300) return { ok: false, reason: 'format' };
  return { ok: true, url: u.toString().replace(/\/+$/, '') };
}

export function priceRequestUrl(base: string, ids: readonly string[], currency: Currency): string {
  const q = new URLSearchParams({ ids: ids.join(','), vs_currencies: currency.toLowerCase(), precision: 'full' });
  return `${base}/simple/price?${q.toString()}`;
}

/** Decimal prices by id from the API's answer; entries that are not a plain non-negative number are left out. */
export function parsePriceResponse(body: unknown, ids: readonly string[], currency: Currency): Record<string, string> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('The price API answered with something other than a JSON object');
  const key = currency.toLowerCase();
  const out: Record<string, string> = {};
  for (const id of ids) {
    const entry = (body as Record<string, unknown>)[id];
    if (!entry || typeof entry !== 'object') continue;
    const price = numberToDecimal((entry as Record<string, unknown>)[key]);
    if (price !== null) out[id] = price;
  }
  return out;
}
