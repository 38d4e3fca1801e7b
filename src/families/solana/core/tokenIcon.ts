/**
 * A token's icon from its metadata URI (the off-chain JSON Metaplex and Token-2022 metadata point
 * to, whose `image` names the picture). Only https (or http to this computer, for a local
 * validator), with ipfs:// and ar:// through public gateways; the JSON and the image are size-
 * and time-bounded, the image must be PNG, JPEG, GIF or WebP (no SVG: it can carry script), and
 * it comes back as a data: URI so the popup shows it from the cache without a network request.
 */
import { base64 } from '@scure/base';
import { boundedBytes } from '../../../core/net/boundedBody.ts';
import type { FetchFn } from '../../../core/net/jsonHttp.ts';

export const MAX_METADATA_JSON_BYTES = 64 * 1024;
export const MAX_ICON_BYTES = 48 * 1024;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const isLoopback = (host: string): boolean => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/** The URL to fetch for a metadata or image URI, or undefined when it may not be fetched. */
export function resolveMetadataUrl(uri: string): string | undefined {
  const s = uri.trim();
  if (s.startsWith('ipfs://')) {
    const path = s.slice('ipfs://'.length).replace(/^ipfs\//, '');
    return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(path) ? `https://ipfs.io/ipfs/${path}` : undefined;
  }
  if (s.startsWith('ar://')) {
    const id = s.slice('ar://'.length);
    return /^[A-Za-z0-9_-]{20,}([/?#].*)?$/.test(id) ? `https://arweave.net/${id}` : undefined;
  }
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return undefined;
  }
  if (u.username || u.password) return undefined;
  if (u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u.hostname))) return u.toString();
  return undefined;
}

async function get(fetchFn: FetchFn, url: string, timeoutMs: number): Promise<Response | undefined> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    // Gateways redirect (ipfs.io → a subdomain): follow, but the final URL must pass the same rules.
    const res = await fetchFn(url, { method: 'GET', signal: ctrl.signal, redirect: 'follow', credentials: 'omit' });
    return res.ok && (!res.url || resolveMetadataUrl(res.url) !== undefined) ? res : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** The icon as a data: URI, or undefined when the URI, its JSON or its image is unusable. */
export async function fetchTokenIcon(uri: string, fetchFn: FetchFn, timeoutMs = 5000): Promise<string | undefined> {
  const jsonUrl = resolveMetadataUrl(uri);
  if (!jsonUrl) return undefined;
  const jsonRes = await get(fetchFn, jsonUrl, timeoutMs);
  const jsonBytes = jsonRes && (await boundedBytes(jsonRes, MAX_METADATA_JSON_BYTES).catch(() => undefined));
  if (!jsonBytes) return undefined;
  let image: unknown;
  try {
    image = (JSON.parse(new TextDecoder().decode(jsonBytes)) as { image?: unknown }).image;
  } catch {
    return undefined;
  }
  const imageUrl = typeof image === 'string' ? resolveMetadataUrl(image) : undefined;
  if (!imageUrl) return undefined;
  const imgRes = await get(fetchFn, imageUrl, timeoutMs);
  const type = imgRes?.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!imgRes || !IMAGE_TYPES.has(type)) return undefined;
  const bytes = await boundedBytes(imgRes, MAX_ICON_BYTES).catch(() => undefined);
  return bytes && bytes.length > 0 ? `data:${type};base64,${base64.encode(bytes)}` : undefined;
}
