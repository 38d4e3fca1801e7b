/**
 * EVM networks: the built-in list (mainnets, their main testnets, a local devnet), EIP-3085
 * `wallet_addEthereumChain` parameter validation into a typed custom network, and the check that a
 * custom RPC really serves the declared chain id (the submitted id is what gets signed, never the
 * RPC's).
 */
import type { Hex } from 'viem';
import { invalidParams, ProviderRpcError } from './errors.ts';
import { createRpcClient, RpcError, type FetchFn } from './rpc.ts';
import { isPlainObject, readChainIdHex, toChainIdHex } from './validate.ts';

export interface NativeCurrency {
  name: string;
  symbol: string;
  decimals: number;
}

export interface EvmNetwork {
  chainId: number;
  /** Same id as 0x hex (what eth_chainId returns). */
  chainIdHex: Hex;
  name: string;
  nativeCurrency: NativeCurrency;
  /** The first entry is used; at least one. */
  rpcUrls: readonly string[];
  blockExplorerUrl?: string;
  testnet: boolean;
  /** EIP-1559 fee market (type-2 transactions). False → legacy gasPrice. */
  eip1559: boolean;
  /** True for networks added by the user or a dApp. */
  custom: boolean;
  iconUrls?: readonly string[];
}

export const LOCAL_DEVNET_CHAIN_ID = 31337;
export const LOCAL_DEVNET_RPC_URL = 'http://127.0.0.1:8545';

const ETH: NativeCurrency = { name: 'Ether', symbol: 'ETH', decimals: 18 };

interface BuiltinSpec {
  chainId: number;
  name: string;
  currency: NativeCurrency;
  rpc: string;
  explorer?: string;
  testnet: boolean;
  eip1559: boolean;
}

const SPECS: readonly BuiltinSpec[] = [
  { chainId: 1, name: 'Ethereum', currency: ETH, rpc: 'https://ethereum-rpc.publicnode.com', explorer: 'https://etherscan.io', testnet: false, eip1559: true },
  // BSC and OKTC blocks carry no usable fee market for wallets: legacy gasPrice is what their nodes price.
  { chainId: 56, name: 'BNB Smart Chain', currency: { name: 'BNB', symbol: 'BNB', decimals: 18 }, rpc: 'https://bsc-dataseed.bnbchain.org', explorer: 'https://bscscan.com', testnet: false, eip1559: false },
  { chainId: 137, name: 'Polygon', currency: { name: 'POL', symbol: 'POL', decimals: 18 }, rpc: 'https://polygon-rpc.com', explorer: 'https://polygonscan.com', testnet: false, eip1559: true },
  { chainId: 42161, name: 'Arbitrum One', currency: ETH, rpc: 'https://arb1.arbitrum.io/rpc', explorer: 'https://arbiscan.io', testnet: false, eip1559: true },
  { chainId: 10, name: 'OP Mainnet', currency: ETH, rpc: 'https://mainnet.optimism.io', explorer: 'https://optimistic.etherscan.io', testnet: false, eip1559: true },
  { chainId: 8453, name: 'Base', currency: ETH, rpc: 'https://mainnet.base.org', explorer: 'https://basescan.org', testnet: false, eip1559: true },
  { chainId: 324, name: 'zkSync Era', currency: ETH, rpc: 'https://mainnet.era.zksync.io', explorer: 'https://explorer.zksync.io', testnet: false, eip1559: true },
  { chainId: 59144, name: 'Linea', currency: ETH, rpc: 'https://rpc.linea.build', explorer: 'https://lineascan.build', testnet: false, eip1559: true },
  { chainId: 43114, name: 'Avalanche C-Chain', currency: { name: 'Avalanche', symbol: 'AVAX', decimals: 18 }, rpc: 'https://api.avax.network/ext/bc/C/rpc', explorer: 'https://snowtrace.io', testnet: false, eip1559: true },
  { chainId: 66, name: 'OKTC', currency: { name: 'OKT', symbol: 'OKT', decimals: 18 }, rpc: 'https://exchainrpc.okex.org', explorer: 'https://www.oklink.com/oktc', testnet: false, eip1559: false },

  { chainId: 11155111, name: 'Sepolia', currency: { name: 'Sepolia Ether', symbol: 'ETH', decimals: 18 }, rpc: 'https://ethereum-sepolia-rpc.publicnode.com', explorer: 'https://sepolia.etherscan.io', testnet: true, eip1559: true },
  { chainId: 97, name: 'BNB Smart Chain Testnet', currency: { name: 'BNB', symbol: 'tBNB', decimals: 18 }, rpc: 'https://data-seed-prebsc-1-s1.bnbchain.org:8545', explorer: 'https://testnet.bscscan.com', testnet: true, eip1559: false },
  { chainId: 80002, name: 'Polygon Amoy', currency: { name: 'POL', symbol: 'POL', decimals: 18 }, rpc: 'https://rpc-amoy.polygon.technology', explorer: 'https://amoy.polygonscan.com', testnet: true, eip1559: true },
  { chainId: 421614, name: 'Arbitrum Sepolia', currency: { name: 'Arbitrum Sepolia Ether', symbol: 'ETH', decimals: 18 }, rpc: 'https://sepolia-rollup.arbitrum.io/rpc', explorer: 'https://sepolia.arbiscan.io', testnet: true, eip1559: true },
  { chainId: 11155420, name: 'OP Sepolia', currency: { name: 'Sepolia Ether', symbol: 'ETH', decimals: 18 }, rpc: 'https://sepolia.optimism.io', explorer: 'https://sepolia-optimism.etherscan.io', testnet: true, eip1559: true },
  { chainId: 84532, name: 'Base Sepolia', currency: { name: 'Sepolia Ether', symbol: 'ETH', decimals: 18 }, rpc: 'https://sepolia.base.org', explorer: 'https://sepolia.basescan.org', testnet: true, eip1559: true },
  { chainId: 300, name: 'zkSync Sepolia', currency: ETH, rpc: 'https://sepolia.era.zksync.dev', explorer: 'https://sepolia.explorer.zksync.io', testnet: true, eip1559: true },
  { chainId: 59141, name: 'Linea Sepolia', currency: { name: 'Linea Ether', symbol: 'ETH', decimals: 18 }, rpc: 'https://rpc.sepolia.linea.build', explorer: 'https://sepolia.lineascan.build', testnet: true, eip1559: true },
  { chainId: 43113, name: 'Avalanche Fuji', currency: { name: 'Avalanche Fuji', symbol: 'AVAX', decimals: 18 }, rpc: 'https://api.avax-test.network/ext/bc/C/rpc', explorer: 'https://testnet.snowtrace.io', testnet: true, eip1559: true },
  { chainId: 65, name: 'OKTC Testnet', currency: { name: 'OKT', symbol: 'OKT', decimals: 18 }, rpc: 'https://exchaintestrpc.okex.org', explorer: 'https://www.oklink.com/oktc-test', testnet: true, eip1559: false },

  { chainId: LOCAL_DEVNET_CHAIN_ID, name: 'Local devnet', currency: ETH, rpc: LOCAL_DEVNET_RPC_URL, testnet: true, eip1559: true },
];

export const BUILTIN_EVM_NETWORKS: readonly EvmNetwork[] = Object.freeze(
  SPECS.map(
    (s): EvmNetwork =>
      Object.freeze({
        chainId: s.chainId,
        chainIdHex: toChainIdHex(s.chainId),
        name: s.name,
        nativeCurrency: Object.freeze({ ...s.currency }),
        rpcUrls: Object.freeze([s.rpc]),
        ...(s.explorer !== undefined ? { blockExplorerUrl: s.explorer } : {}),
        testnet: s.testnet,
        eip1559: s.eip1559,
        custom: false,
      }),
  ),
);

const BY_ID = new Map<number, EvmNetwork>(BUILTIN_EVM_NETWORKS.map((n) => [n.chainId, n]));

export function getBuiltinNetwork(chainId: number): EvmNetwork | undefined {
  return BY_ID.get(chainId);
}

/** Finds a network by id among custom ones first (user edits win), then the built-in list. */
export function findNetwork(chainId: number, custom: readonly EvmNetwork[] = []): EvmNetwork | undefined {
  return custom.find((n) => n.chainId === chainId) ?? BY_ID.get(chainId);
}

/** Explorer page of a transaction or address, or undefined when the network has no explorer. */
export function explorerUrl(network: EvmNetwork, kind: 'tx' | 'address', value: string): string | undefined {
  if (network.blockExplorerUrl === undefined) return undefined;
  return `${network.blockExplorerUrl.replace(/\/+$/, '')}/${kind}/${value}`;
}

// ---------------------------------------------------------------------------------------------
// EIP-3085 wallet_addEthereumChain

export interface AddChainWarning {
  code: 'KNOWN_CHAIN_SYMBOL_MISMATCH' | 'KNOWN_CHAIN_NAME_MISMATCH' | 'LOCAL_HTTP_RPC';
  severity: 'info' | 'warning' | 'danger';
  params: Record<string, string | number>;
}

export type AddChainValidation =
  | {
      ok: true;
      network: EvmNetwork;
      /** The network already known under this chain id (a re-add: prompt, then offer to switch). */
      alreadyKnown: EvmNetwork | undefined;
      warnings: AddChainWarning[];
    }
  | { ok: false; error: ProviderRpcError };

export interface AddChainOptions {
  /** Networks the wallet already has (custom ones); the built-ins are always consulted. */
  existing?: readonly EvmNetwork[];
  /** Accept http:// RPC URLs on localhost / 127.0.0.1 / [::1] (default true: local devnets). */
  allowLocalHttp?: boolean;
}

const ALLOWED_KEYS = new Set(['chainId', 'chainName', 'nativeCurrency', 'rpcUrls', 'blockExplorerUrls', 'iconUrls']);
const MAX_URLS = 10;
const MAX_URL_LENGTH = 2048;
const MAX_NAME_LENGTH = 100;

/** True for loopback hosts where plain http is acceptable (local devnets). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** Trims and removes control and bidi-override characters from dApp-supplied text. */
function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
}

type UrlCheck = { ok: true; url: string } | { ok: false; why: string };

function checkUrl(raw: unknown, allowLocalHttp: boolean): UrlCheck {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return { ok: false, why: 'not a URL string' };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, why: `invalid URL ${JSON.stringify(raw.slice(0, 80))}` };
  }
  if (u.username !== '' || u.password !== '') return { ok: false, why: 'URLs with credentials are not accepted' };
  if (u.protocol === 'https:') return { ok: true, url: u.href };
  if (u.protocol === 'http:' && allowLocalHttp && isLoopbackHost(u.hostname)) return { ok: true, url: u.href };
  return { ok: false, why: `${u.protocol} URLs are not accepted (https required${allowLocalHttp ? '; http only for localhost' : ''})` };
}

/**
 * Validates an EIP-3085 parameter (the object, or the one-element params array). Errors are
 * -32602 with a message naming the field, like MetaMask's.
 */
export function validateAddEthereumChain(params: unknown, options: AddChainOptions = {}): AddChainValidation {
  try {
    return { ok: true, ...validateOrThrow(params, options) };
  } catch (err) {
    if (err instanceof ProviderRpcError) return { ok: false, error: err };
    throw err;
  }
}

function validateOrThrow(params: unknown, options: AddChainOptions): { network: EvmNetwork; alreadyKnown: EvmNetwork | undefined; warnings: AddChainWarning[] } {
  const allowLocalHttp = options.allowLocalHttp ?? true;
  let p: unknown = params;
  if (Array.isArray(p)) {
    if (p.length !== 1) throw invalidParams('wallet_addEthereumChain expects exactly one parameter object');
    p = p[0];
  }
  if (!isPlainObject(p)) throw invalidParams('Expected a single object parameter for wallet_addEthereumChain');
  const extra = Object.keys(p).filter((k) => !ALLOWED_KEYS.has(k));
  if (extra.length > 0) throw invalidParams(`Received unexpected keys on object parameter: ${extra.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}`);

  const chainId = readChainIdHex(p.chainId, 'chainId');

  if (typeof p.chainName !== 'string' || cleanText(p.chainName).length === 0) throw invalidParams('Expected non-empty string "chainName"');
  const chainName = cleanText(p.chainName);
  if (chainName.length > MAX_NAME_LENGTH) throw invalidParams(`"chainName" is longer than ${MAX_NAME_LENGTH} characters`);

  const nc = p.nativeCurrency;
  if (!isPlainObject(nc)) throw invalidParams('Expected an object "nativeCurrency" with name, symbol and decimals');
  if (typeof nc.name !== 'string' || cleanText(nc.name).length === 0 || cleanText(nc.name).length > MAX_NAME_LENGTH) {
    throw invalidParams('Expected a non-empty string "nativeCurrency.name" of at most 100 characters');
  }
  if (typeof nc.symbol !== 'string') throw invalidParams('Expected a string "nativeCurrency.symbol"');
  const symbol = cleanText(nc.symbol);
  if (symbol.length < 2 || symbol.length > 6) throw invalidParams(`Expected 2-6 character string "nativeCurrency.symbol", got ${JSON.stringify(symbol.slice(0, 20))}`);
  if (nc.decimals !== 18) throw invalidParams('Expected number 18 for "nativeCurrency.decimals" (EVM native currencies have 18 decimals)');

  if (!Array.isArray(p.rpcUrls) || p.rpcUrls.length === 0) throw invalidParams('Expected a non-empty array "rpcUrls"');
  if (p.rpcUrls.length > MAX_URLS) throw invalidParams(`"rpcUrls" has more than ${MAX_URLS} entries`);
  const rpcUrls: string[] = [];
  for (const raw of p.rpcUrls) {
    const c = checkUrl(raw, allowLocalHttp);
    if (!c.ok) throw invalidParams(`"rpcUrls": ${c.why}`);
    rpcUrls.push(c.url);
  }

  let blockExplorerUrl: string | undefined;
  if (p.blockExplorerUrls !== undefined && p.blockExplorerUrls !== null) {
    if (!Array.isArray(p.blockExplorerUrls)) throw invalidParams('Expected an array "blockExplorerUrls"');
    if (p.blockExplorerUrls.length > MAX_URLS) throw invalidParams(`"blockExplorerUrls" has more than ${MAX_URLS} entries`);
    for (const raw of p.blockExplorerUrls) {
      const c = checkUrl(raw, false);
      if (!c.ok) throw invalidParams(`"blockExplorerUrls": ${c.why}`);
      blockExplorerUrl ??= c.url;
    }
  }

  let iconUrls: string[] | undefined;
  if (p.iconUrls !== undefined && p.iconUrls !== null) {
    if (!Array.isArray(p.iconUrls)) throw invalidParams('Expected an array "iconUrls"');
    // Icons are decoration: keep the https ones, silently drop the rest.
    iconUrls = p.iconUrls
      .slice(0, MAX_URLS)
      .map((u) => checkUrl(u, false))
      .flatMap((c) => (c.ok ? [c.url] : []));
  }

  const known = findNetwork(chainId, options.existing ?? []);
  const warnings: AddChainWarning[] = [];
  if (known) {
    if (known.nativeCurrency.symbol.toUpperCase() !== symbol.toUpperCase()) {
      warnings.push({
        code: 'KNOWN_CHAIN_SYMBOL_MISMATCH',
        severity: 'danger',
        params: { chainId, expectedSymbol: known.nativeCurrency.symbol, symbol },
      });
    }
    if (!known.custom && known.name.toLowerCase() !== chainName.toLowerCase()) {
      warnings.push({ code: 'KNOWN_CHAIN_NAME_MISMATCH', severity: 'info', params: { chainId, expectedName: known.name, chainName } });
    }
  }
  if (rpcUrls.some((u) => u.startsWith('http:'))) warnings.push({ code: 'LOCAL_HTTP_RPC', severity: 'info', params: { rpcUrl: rpcUrls[0] ?? '' } });

  const network: EvmNetwork = {
    chainId,
    chainIdHex: toChainIdHex(chainId),
    name: chainName,
    nativeCurrency: { name: cleanText(nc.name), symbol, decimals: 18 },
    rpcUrls,
    ...(blockExplorerUrl !== undefined ? { blockExplorerUrl } : {}),
    // Unknown: custom testnets are common, but nothing in EIP-3085 says so. The UI may let the user mark it.
    testnet: known?.testnet ?? false,
    // Decided per transaction from the latest block's baseFeePerGas (see transaction.ts).
    eip1559: known?.eip1559 ?? true,
    custom: true,
    ...(iconUrls !== undefined && iconUrls.length > 0 ? { iconUrls } : {}),
  };
  return { network, alreadyKnown: known, warnings };
}

export type ChainIdCheck = { ok: true; chainId: number } | { ok: false; error: ProviderRpcError; reportedChainId?: number };

/**
 * Asks the RPC for eth_chainId and refuses a mismatch with the declared id (EIP-3085: a network
 * whose RPC serves another chain would sign for the wrong chain, or replay elsewhere).
 */
export async function checkRpcChainId(rpcUrl: string, declaredChainId: number, fetchFn?: FetchFn, timeoutMs = 10_000): Promise<ChainIdCheck> {
  const client = createRpcClient({ url: rpcUrl, timeoutMs, ...(fetchFn ? { fetchFn } : {}) });
  let raw: unknown;
  try {
    raw = await client.request<unknown>('eth_chainId');
  } catch (err) {
    const why = err instanceof RpcError ? err.kind.replace('_', ' ') : 'request failed';
    return { ok: false, error: invalidParams(`Could not fetch the chain ID from ${rpcUrl} (${why}). Is the RPC URL correct?`) };
  }
  if (typeof raw !== 'string' || !/^0x[0-9a-fA-F]{1,16}$/.test(raw)) {
    return { ok: false, error: invalidParams(`The RPC at ${rpcUrl} returned an invalid chain ID`) };
  }
  const reported = Number(BigInt(raw));
  if (reported !== declaredChainId) {
    return {
      ok: false,
      reportedChainId: reported,
      error: invalidParams(
        `Chain ID mismatch: the RPC at ${rpcUrl} serves chain ${reported} (${toChainIdHex(reported)}), but chain ${declaredChainId} (${toChainIdHex(declaredChainId)}) was declared. The network was not added.`,
        { declaredChainId: toChainIdHex(declaredChainId), reportedChainId: toChainIdHex(reported) },
      ),
    };
  }
  return { ok: true, chainId: reported };
}
