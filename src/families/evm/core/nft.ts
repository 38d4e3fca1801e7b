/**
 * ERC-721 and ERC-1155 tokens the user watches (EIP-747 wallet_watchAsset as MetaMask extends it):
 * ownership read from the chain (ownerOf / balanceOf), metadata from tokenURI / uri (ERC-1155 "{id}"
 * substitution), the image only from a data:image URI, public https, or ipfs:// through a public
 * gateway (never loopback or private hosts), and the safeTransferFrom calldata the popup sends.
 */
import { decodeFunctionResult, encodeFunctionData, getAddress, type Address, type Hex } from 'viem';
import type { RpcClient } from './rpc.ts';

export type NftStandard = 'ERC721' | 'ERC1155';

export const IPFS_GATEWAY = 'https://ipfs.io/ipfs/';
/** The most metadata JSON the wallet reads (a data: URI's text or a fetched body). */
export const MAX_METADATA_BYTES = 256 * 1024;

// Written out as parseAbi would return it: parsing human-readable ABIs at import cost the service
// worker's start (tests/families/evm/abiLiterals.test.ts checks it against parseAbi of the signatures).
export const NFT_ABI = [
  { name: 'ownerOf', type: 'function', stateMutability: 'view', inputs: [{ type: 'uint256', name: 'tokenId' }], outputs: [{ type: 'address' }] },
  { name: 'tokenURI', type: 'function', stateMutability: 'view', inputs: [{ type: 'uint256', name: 'tokenId' }], outputs: [{ type: 'string' }] },
  { name: 'name', type: 'function', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] },
  { name: 'symbol', type: 'function', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] },
  { name: 'balanceOf', type: 'function', stateMutability: 'view', inputs: [{ type: 'address', name: 'account' }, { type: 'uint256', name: 'id' }], outputs: [{ type: 'uint256' }] },
  { name: 'uri', type: 'function', stateMutability: 'view', inputs: [{ type: 'uint256', name: 'id' }], outputs: [{ type: 'string' }] },
  { name: 'safeTransferFrom', type: 'function', stateMutability: 'nonpayable', inputs: [{ type: 'address', name: 'from' }, { type: 'address', name: 'to' }, { type: 'uint256', name: 'tokenId' }], outputs: [] },
  {
    name: 'safeTransferFrom',
    type: 'function',
    stateMutability: 'nonpayable',
    inputs: [{ type: 'address', name: 'from' }, { type: 'address', name: 'to' }, { type: 'uint256', name: 'id' }, { type: 'uint256', name: 'value' }, { type: 'bytes', name: 'data' }],
    outputs: [],
  },
] as const;
const ABI = NFT_ABI;

export interface NftInfo {
  standard: NftStandard;
  contract: Address;
  tokenId: bigint;
  /** ERC-721: 1 when owned; ERC-1155: the account's balance of this id. */
  balance: bigint;
  collection?: string;
  name?: string;
  /** A URL the popup may load: data:image, public https, or the ipfs gateway. */
  image?: string;
}

export type FetchText = (url: string) => Promise<string>;

async function call<T>(rpc: RpcClient, to: Address, functionName: string, args: readonly unknown[]): Promise<T> {
  const data = encodeFunctionData({ abi: ABI, functionName, args } as never);
  const out = await rpc.request<Hex>('eth_call', [{ to, data }, 'latest']);
  return decodeFunctionResult({ abi: ABI, functionName, data: out } as never) as T;
}

function isPublicHost(host: string): boolean {
  return !(host === 'localhost' || host.endsWith('.localhost') || /^(127\.|10\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|0\.)/.test(host) || host.startsWith('['));
}

/** A loadable https URL for an https:// or ipfs:// URI, or undefined for anything else. */
export function resolveRemoteUri(uri: string): string | undefined {
  if (uri.startsWith('ipfs://')) {
    const path = uri.slice('ipfs://'.length).replace(/^ipfs\//, '');
    return /^[A-Za-z0-9._\-/]+$/.test(path) ? IPFS_GATEWAY + path : undefined;
  }
  try {
    const u = new URL(uri);
    if (u.protocol !== 'https:' || u.username || u.password || !isPublicHost(u.hostname)) return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

/** The image URL the popup may show: data:image (raster or svg, base64), public https, or ipfs. */
export function safeImageUrl(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > 200_000) return undefined;
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(v)) return v;
  return resolveRemoteUri(v);
}

/** Decodes a data:application/json URI (base64 or percent/plain) to text. */
function dataJson(uri: string): string | undefined {
  const m = /^data:application\/json(;charset=[\w-]+)?(;base64)?,(.*)$/s.exec(uri);
  if (!m) return undefined;
  const body = m[3] ?? '';
  if (m[2]) {
    const bin = atob(body);
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  }
  try {
    return decodeURIComponent(body);
  } catch {
    return body;
  }
}

/** ERC-1155 metadata URI: "{id}" is the token id as 64 lower-case hex digits. */
export function substituteId(uri: string, tokenId: bigint): string {
  return uri.replaceAll('{id}', tokenId.toString(16).padStart(64, '0'));
}

/** Name and image from a token's metadata URI; undefined fields when it cannot be read. */
export async function readMetadata(uri: string, fetchText?: FetchText): Promise<{ name?: string; image?: string }> {
  let text = dataJson(uri);
  if (text === undefined && fetchText) {
    const url = resolveRemoteUri(uri);
    if (url) text = await fetchText(url).catch(() => undefined);
  }
  if (text === undefined || text.length > MAX_METADATA_BYTES) return {};
  try {
    const j = JSON.parse(text) as { name?: unknown; image?: unknown; image_url?: unknown };
    const image = safeImageUrl(j.image ?? j.image_url);
    const name = typeof j.name === 'string' ? j.name.slice(0, 100) : undefined;
    return { ...(name ? { name } : {}), ...(image ? { image } : {}) };
  } catch {
    return {};
  }
}

/**
 * Reads ownership and metadata. ownerOf/balanceOf must succeed (the contract must be what it says);
 * name, symbol and metadata are best effort.
 */
export async function readNft(rpc: RpcClient, standard: NftStandard, contract: Address, tokenId: bigint, owner: Address, fetchText?: FetchText): Promise<NftInfo> {
  let balance: bigint;
  let uri: string | undefined;
  if (standard === 'ERC721') {
    const holder = await call<Address>(rpc, contract, 'ownerOf', [tokenId]);
    balance = getAddress(holder) === getAddress(owner) ? 1n : 0n;
    uri = await call<string>(rpc, contract, 'tokenURI', [tokenId]).catch(() => undefined);
  } else {
    balance = await call<bigint>(rpc, contract, 'balanceOf', [owner, tokenId]);
    const raw = await call<string>(rpc, contract, 'uri', [tokenId]).catch(() => undefined);
    uri = raw === undefined ? undefined : substituteId(raw, tokenId);
  }
  const collection = await call<string>(rpc, contract, 'name', []).catch(() => undefined);
  const meta = uri ? await readMetadata(uri, fetchText) : {};
  return { standard, contract: getAddress(contract), tokenId, balance, ...(collection ? { collection: collection.slice(0, 100) } : {}), ...meta };
}

/** safeTransferFrom calldata: ERC-721 (from, to, id) or ERC-1155 (from, to, id, amount, ""). */
export function nftTransferData(standard: NftStandard, from: Address, to: Address, tokenId: bigint, amount = 1n): Hex {
  if (standard === 'ERC721') return encodeFunctionData({ abi: ABI, functionName: 'safeTransferFrom', args: [from, to, tokenId] });
  return encodeFunctionData({ abi: ABI, functionName: 'safeTransferFrom', args: [from, to, tokenId, amount, '0x'] });
}
