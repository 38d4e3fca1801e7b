/**
 * EIP-747 wallet_watchAsset parameters: ERC-20 ({ address, symbol, decimals, image? }) and, as
 * MetaMask extends it, ERC-721 / ERC-1155 ({ address, tokenId }). Malformed → -32602 naming the field.
 */
import type { Address } from 'viem';
import { invalidParams } from './errors.ts';
import { isPlainObject, readAddress, readChainIdHex } from './validate.ts';

export type WatchAssetParams =
  | { type: 'ERC20'; options: { address: Address; symbol: string; decimals: number; image?: string; chainId?: number } }
  /** EIP-747 as MetaMask extends it for NFTs: the token id is a decimal (or 0x) string. */
  | { type: 'ERC721' | 'ERC1155'; options: { address: Address; tokenId: bigint; chainId?: number } };

function safeImage(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(v)) return v;
  try {
    const u = new URL(v);
    // Only public https: the UI must not be made to fetch loopback or private-network URLs.
    if (u.protocol !== 'https:' || u.username !== '' || u.password !== '') return undefined;
    const h = u.hostname;
    if (h === 'localhost' || /^(127\.|10\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|0\.)/.test(h) || h.startsWith('[')) return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

export function readWatchAsset(params: unknown): WatchAssetParams {
  // EIP-747 uses an object; Coinbase and some dApps wrap it in an array.
  const p = Array.isArray(params) ? (params.length === 1 ? params[0] : undefined) : params;
  if (!isPlainObject(p)) throw invalidParams('wallet_watchAsset expects { type, options }');
  if (p.type === 'ERC721' || p.type === 'ERC1155') return readWatchNft(p.type, p.options);
  if (p.type !== 'ERC20') {
    throw invalidParams(typeof p.type === 'string' ? `Asset of type ${JSON.stringify(p.type.slice(0, 20))} not supported` : 'wallet_watchAsset "type" must be "ERC20", "ERC721" or "ERC1155"');
  }
  const o = p.options;
  if (!isPlainObject(o)) throw invalidParams('wallet_watchAsset expects "options" with address, symbol and decimals');
  const address = readAddress(o.address, 'options.address');
  if (typeof o.symbol !== 'string' || o.symbol.trim().length === 0 || o.symbol.length > 11) throw invalidParams('options.symbol must be a string of 1 to 11 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(o.symbol)) throw invalidParams('options.symbol contains control characters');
  const decimals = typeof o.decimals === 'string' && /^\d{1,2}$/.test(o.decimals) ? Number(o.decimals) : o.decimals;
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 36) throw invalidParams('options.decimals must be an integer from 0 to 36');
  const image = safeImage(o.image);
  let chainId: number | undefined;
  if (o.chainId !== undefined) {
    chainId = typeof o.chainId === 'number' && Number.isSafeInteger(o.chainId) && o.chainId > 0 ? o.chainId : readChainIdHex(o.chainId, 'options.chainId');
  }
  return { type: 'ERC20', options: { address, symbol: o.symbol.trim(), decimals, ...(image !== undefined ? { image } : {}), ...(chainId !== undefined ? { chainId } : {}) } };
}

function readOptionalChainId(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : readChainIdHex(v, 'options.chainId');
}

function readWatchNft(type: 'ERC721' | 'ERC1155', o: unknown): WatchAssetParams {
  if (!isPlainObject(o)) throw invalidParams(`wallet_watchAsset ${type} expects "options" with address and tokenId`);
  const address = readAddress(o.address, 'options.address');
  const raw = o.tokenId;
  if (typeof raw !== 'string' || !/^(\d{1,78}|0x[0-9a-fA-F]{1,64})$/.test(raw)) throw invalidParams('options.tokenId must be a decimal or 0x hex string');
  const tokenId = BigInt(raw);
  if (tokenId >= 1n << 256n) throw invalidParams('options.tokenId is larger than uint256');
  const chainId = readOptionalChainId(o.chainId);
  return { type, options: { address, tokenId, ...(chainId !== undefined ? { chainId } : {}) } };
}

