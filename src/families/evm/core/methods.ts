/**
 * The EIP-1193 methods the EVM provider answers, each with its class (what the background must do
 * before answering: nothing, a permission check, an approval, an RPC passthrough, or a refusal),
 * the provider error constructor, and per-method parameter validation with payload size limits
 * (malformed → -32602). Signing methods are only shape-checked here; their full parse needs the
 * origin's context (transaction.ts, typedData.ts, personalSign.ts).
 */
import type { Address } from 'viem';
import { invalidParams, providerError, PROVIDER_ERROR_CODES, ProviderRpcError } from './errors.ts';
import { isPlainObject, jsonSize, readAddress, readChainIdHex, readData, readQuantity } from './validate.ts';
import { readWatchAsset, type WatchAssetParams } from './watchAssetParams.ts';

export type { WatchAssetParams };

export { providerError, ProviderRpcError, PROVIDER_ERROR_CODES, invalidParams };

export type EvmMethodClass =
  /** Answered from wallet state without any permission. */
  | 'public'
  /** Account exposure: eth_accounts (no prompt), eth_requestAccounts (prompt). */
  | 'account'
  /** EIP-2255 permissions. */
  | 'permission'
  /** Switch / add chain: prompt. */
  | 'chain'
  /** Needs a permitted account and a user approval. */
  | 'sign'
  /** EIP-5792 status/capabilities: needs a connected account, no prompt. */
  | 'wallet'
  /** Forwarded to the origin's active-chain RPC (allowlist). */
  | 'read'
  /** eth_subscribe / eth_unsubscribe: results arrive as `message` events. */
  | 'subscription'
  /** Known but deliberately unsupported: 4200. */
  | 'refused';

export const EVM_METHODS: Readonly<Record<string, EvmMethodClass>> = Object.freeze({
  eth_chainId: 'public',
  net_version: 'public',
  net_listening: 'public',
  // Recovers a signer from public data: no key, no account exposure.
  personal_ecRecover: 'public',

  eth_accounts: 'account',
  eth_requestAccounts: 'account',
  eth_coinbase: 'account',

  wallet_requestPermissions: 'permission',
  wallet_getPermissions: 'permission',
  wallet_revokePermissions: 'permission',

  wallet_switchEthereumChain: 'chain',
  wallet_addEthereumChain: 'chain',

  personal_sign: 'sign',
  eth_signTypedData_v4: 'sign',
  eth_signTypedData_v3: 'sign',
  // The legacy array form (MetaMask's v1); eth_signTypedData_v1 is the same method under its explicit name.
  eth_signTypedData: 'sign',
  eth_signTypedData_v1: 'sign',
  eth_sendTransaction: 'sign',
  wallet_sendCalls: 'sign',
  wallet_watchAsset: 'sign',

  wallet_getCallsStatus: 'wallet',
  wallet_showCallsStatus: 'wallet',
  wallet_getCapabilities: 'wallet',

  eth_blockNumber: 'read',
  eth_call: 'read',
  eth_estimateGas: 'read',
  eth_gasPrice: 'read',
  eth_getBalance: 'read',
  eth_getBlockByNumber: 'read',
  eth_getBlockByHash: 'read',
  eth_getBlockReceipts: 'read',
  eth_getBlockTransactionCountByHash: 'read',
  eth_getBlockTransactionCountByNumber: 'read',
  eth_getCode: 'read',
  eth_getLogs: 'read',
  eth_getProof: 'read',
  eth_getStorageAt: 'read',
  eth_getTransactionByHash: 'read',
  eth_getTransactionByBlockHashAndIndex: 'read',
  eth_getTransactionByBlockNumberAndIndex: 'read',
  eth_getTransactionReceipt: 'read',
  eth_getTransactionCount: 'read',
  eth_getUncleCountByBlockHash: 'read',
  eth_getUncleCountByBlockNumber: 'read',
  eth_feeHistory: 'read',
  eth_maxPriorityFeePerGas: 'read',
  eth_blobBaseFee: 'read',
  eth_createAccessList: 'read',
  eth_syncing: 'read',
  eth_protocolVersion: 'read',
  web3_clientVersion: 'read',
  eth_newFilter: 'read',
  eth_newBlockFilter: 'read',
  eth_getFilterChanges: 'read',
  eth_getFilterLogs: 'read',
  eth_uninstallFilter: 'read',
  // Already signed elsewhere: broadcasting it exposes nothing of ours (MetaMask forwards it too).
  eth_sendRawTransaction: 'read',

  eth_subscribe: 'subscription',
  eth_unsubscribe: 'subscription',

  eth_sign: 'refused',
  eth_signTransaction: 'refused',
  eth_decrypt: 'refused',
  eth_getEncryptionPublicKey: 'refused',
  wallet_registerOnboarding: 'refused',
  wallet_scanQRCode: 'refused',
});

/** The class of a method, or undefined for a method the wallet has never heard of. */
export function classifyEvmMethod(method: string): EvmMethodClass | undefined {
  return Object.prototype.hasOwnProperty.call(EVM_METHODS, method) ? EVM_METHODS[method] : undefined;
}

/** Methods forwarded to the RPC. */
export function isReadMethod(method: string): boolean {
  return classifyEvmMethod(method) === 'read';
}

/**
 * The error for a method the wallet will not run. Known-but-refused methods get 4200 (EIP-1193).
 * Never-heard-of methods get 4200 as issue 3 asks; pass -32601 to follow MetaMask's JSON-RPC
 * engine instead (provider-standards §1.3 — only matters for viem's sendCalls fallback, and
 * wallet_sendCalls is implemented).
 */
export function unsupportedMethodError(method: string, unknownCode: 4200 | -32601 = 4200): ProviderRpcError {
  const shown = JSON.stringify(method.slice(0, 100));
  if (method === 'eth_sign') {
    return providerError(4200, 'eth_sign is not supported because it signs raw hashes blindly. Use personal_sign or eth_signTypedData_v4.');
  }
  if (classifyEvmMethod(method) === 'refused') return providerError(4200, `The method ${shown} is not supported by this wallet.`);
  return unknownCode === 4200
    ? providerError(4200, `The method ${shown} is not supported by this wallet.`)
    : providerError(-32601, `The method ${shown} does not exist / is not available.`);
}

// ---------------------------------------------------------------------------------------------
// Parameter validation

/** Serialized-size limits per method (bytes of JSON); anything else gets SMALL. */
export const PARAM_LIMITS = {
  small: 8 * 1024,
  chain: 16 * 1024,
  watchAsset: 64 * 1024,
  read: 320 * 1024,
  personalSign: 160 * 1024,
  typedData: 320 * 1024,
  sendTransaction: 320 * 1024,
  sendCalls: 512 * 1024,
} as const;

export const MAX_CALLS_PER_BUNDLE = 50;

export interface SendCallsCall {
  to?: Address;
  data?: `0x${string}`;
  value?: bigint;
}

export interface SendCallsParams {
  version: string;
  id?: string;
  from?: Address;
  chainId: number;
  atomicRequired: boolean;
  calls: SendCallsCall[];
}

export type EvmRequest =
  | { method: 'eth_chainId' | 'net_version' | 'net_listening' | 'eth_accounts' | 'eth_requestAccounts' | 'eth_coinbase' | 'wallet_getPermissions'; params: [] }
  | { method: 'wallet_requestPermissions' | 'wallet_revokePermissions'; params: { permissions: string[] } }
  | { method: 'wallet_switchEthereumChain'; params: { chainId: number } }
  /** Validate further with validateAddEthereumChain (needs the wallet's networks). */
  | { method: 'wallet_addEthereumChain'; params: Record<string, unknown> }
  | { method: 'wallet_watchAsset'; params: WatchAssetParams }
  /** Parse with parsePersonalSign / parseSignTypedDataParams / normalizeDappTransaction. */
  | { method: 'personal_sign' | 'personal_ecRecover' | 'eth_signTypedData_v4' | 'eth_signTypedData_v3' | 'eth_signTypedData' | 'eth_signTypedData_v1' | 'eth_sendTransaction'; params: unknown[] }
  | { method: 'wallet_sendCalls'; params: SendCallsParams }
  | { method: 'wallet_getCallsStatus' | 'wallet_showCallsStatus'; params: { id: string } }
  | { method: 'wallet_getCapabilities'; params: { address: Address; chainIds?: number[] } }
  | { method: 'eth_subscribe' | 'eth_unsubscribe'; params: unknown[] }
  | { method: string; class: 'read'; params: unknown[] };

function limitFor(method: string, cls: EvmMethodClass): number {
  switch (method) {
    case 'wallet_addEthereumChain':
    case 'wallet_switchEthereumChain':
      return PARAM_LIMITS.chain;
    case 'wallet_watchAsset':
      return PARAM_LIMITS.watchAsset;
    case 'personal_sign':
      return PARAM_LIMITS.personalSign;
    case 'eth_signTypedData_v4':
    case 'eth_signTypedData_v3':
    case 'eth_signTypedData':
    case 'eth_signTypedData_v1':
      return PARAM_LIMITS.typedData;
    case 'personal_ecRecover':
      return PARAM_LIMITS.personalSign;
    case 'eth_sendTransaction':
      return PARAM_LIMITS.sendTransaction;
    case 'wallet_sendCalls':
      return PARAM_LIMITS.sendCalls;
    default:
      return cls === 'read' ? PARAM_LIMITS.read : PARAM_LIMITS.small;
  }
}

function asArray(params: unknown, method: string): unknown[] {
  if (params === undefined || params === null) return [];
  if (!Array.isArray(params)) throw invalidParams(`${method} expects an array of parameters`);
  return params;
}

function single(params: unknown, method: string): unknown {
  const arr = asArray(params, method);
  if (arr.length !== 1) throw invalidParams(`${method} expects exactly one parameter`);
  return arr[0];
}

const KNOWN_PERMISSIONS = new Set(['eth_accounts', 'endowment:permitted-chains']);

function readPermissionRequest(params: unknown, method: string): { permissions: string[] } {
  const p = single(params, method);
  if (!isPlainObject(p)) throw invalidParams(`${method} expects [{ eth_accounts: {} }]`);
  const permissions = Object.keys(p);
  if (permissions.length === 0) throw invalidParams(`${method} requests no permission`);
  for (const name of permissions) {
    if (!KNOWN_PERMISSIONS.has(name)) throw invalidParams(`unknown permission ${JSON.stringify(name.slice(0, 60))}`);
    if (!isPlainObject(p[name])) throw invalidParams(`permission ${name} must be an object`);
  }
  return { permissions };
}

function readSwitchChain(params: unknown): { chainId: number } {
  const p = single(params, 'wallet_switchEthereumChain');
  if (!isPlainObject(p)) throw invalidParams('wallet_switchEthereumChain expects [{ chainId }]');
  const extra = Object.keys(p).filter((k) => k !== 'chainId');
  if (extra.length > 0) throw invalidParams(`Received unexpected keys on object parameter: ${extra.slice(0, 5).join(', ').slice(0, 100)}`);
  return { chainId: readChainIdHex(p.chainId) };
}

function unsupportedCapabilities(caps: unknown, where: string): void {
  if (caps === undefined) return;
  if (!isPlainObject(caps)) throw invalidParams(`${where} must be an object`);
  for (const [name, value] of Object.entries(caps)) {
    const optional = isPlainObject(value) && value.optional === true;
    if (!optional) throw providerError(PROVIDER_ERROR_CODES.unsupportedNonOptionalCapability, `Unsupported non-optional capability: ${name.slice(0, 60)}`);
  }
}

function readSendCalls(params: unknown): SendCallsParams {
  const p = single(params, 'wallet_sendCalls');
  if (!isPlainObject(p)) throw invalidParams('wallet_sendCalls expects [{ version, chainId, calls, … }]');
  if (typeof p.version !== 'string' || p.version.length === 0 || p.version.length > 20) throw invalidParams('wallet_sendCalls "version" must be a string such as "2.0.0"');
  const chainId = readChainIdHex(p.chainId, 'chainId');
  const from = p.from === undefined ? undefined : readAddress(p.from, 'from');
  let id: string | undefined;
  if (p.id !== undefined) {
    if (typeof p.id !== 'string' || p.id.length === 0 || p.id.length > 4096) throw invalidParams('wallet_sendCalls "id" must be a string of at most 4096 characters');
    id = p.id;
  }
  if (p.atomicRequired !== undefined && typeof p.atomicRequired !== 'boolean') throw invalidParams('"atomicRequired" must be a boolean');
  const atomicRequired = p.atomicRequired === true;
  if (!Array.isArray(p.calls) || p.calls.length === 0) throw invalidParams('wallet_sendCalls "calls" must be a non-empty array');
  if (p.calls.length > MAX_CALLS_PER_BUNDLE) throw providerError(PROVIDER_ERROR_CODES.bundleTooLarge, `A bundle may hold at most ${MAX_CALLS_PER_BUNDLE} calls`);
  unsupportedCapabilities(p.capabilities, 'capabilities');
  const calls = p.calls.map((c, i): SendCallsCall => {
    if (!isPlainObject(c)) throw invalidParams(`calls[${i}] must be an object`);
    unsupportedCapabilities(c.capabilities, `calls[${i}].capabilities`);
    const to = c.to === undefined || c.to === null ? undefined : readAddress(c.to, `calls[${i}].to`);
    const data = c.data === undefined || c.data === null ? undefined : readData(c.data, `calls[${i}].data`, 128 * 1024);
    const value = c.value === undefined || c.value === null ? undefined : readQuantity(c.value, `calls[${i}].value`);
    if (to === undefined && (data === undefined || data === '0x')) throw invalidParams(`calls[${i}] needs "to" or creation data`);
    return { ...(to !== undefined ? { to } : {}), ...(data !== undefined ? { data } : {}), ...(value !== undefined ? { value } : {}) };
  });
  return { version: p.version, ...(id !== undefined ? { id } : {}), ...(from !== undefined ? { from } : {}), chainId, atomicRequired, calls };
}

function readCallsId(params: unknown, method: string): { id: string } {
  const id = single(params, method);
  if (typeof id !== 'string' || id.length === 0 || id.length > 4096) throw invalidParams(`${method} expects [id: string]`);
  return { id };
}

function readGetCapabilities(params: unknown): { address: Address; chainIds?: number[] } {
  const arr = asArray(params, 'wallet_getCapabilities');
  if (arr.length < 1 || arr.length > 2) throw invalidParams('wallet_getCapabilities expects [address, chainIds?]');
  const address = readAddress(arr[0], 'address');
  if (arr[1] === undefined) return { address };
  if (!Array.isArray(arr[1]) || arr[1].length > 100) throw invalidParams('chainIds must be an array of hex chain ids');
  return { address, chainIds: arr[1].map((c, i) => readChainIdHex(c, `chainIds[${i}]`)) };
}

/**
 * Validates a request's params for its method. Unknown/refused methods throw the right
 * unsupported error, oversize payloads and malformed params throw -32602.
 */
export function validateEvmParams(method: string, params: unknown): EvmRequest {
  const cls = classifyEvmMethod(method);
  if (cls === undefined || cls === 'refused') throw unsupportedMethodError(method);
  const limit = limitFor(method, cls);
  if (jsonSize(params) > limit) throw invalidParams(`parameters of ${method} exceed ${limit} bytes`);
  if (params !== undefined && params !== null && typeof params !== 'object') throw invalidParams(`${method} params must be an array or an object`);

  switch (method) {
    case 'eth_chainId':
    case 'net_version':
    case 'net_listening':
    case 'eth_accounts':
    case 'eth_requestAccounts':
    case 'eth_coinbase':
    case 'wallet_getPermissions':
      return { method, params: [] };
    case 'wallet_requestPermissions':
    case 'wallet_revokePermissions':
      return { method, params: readPermissionRequest(params, method) };
    case 'wallet_switchEthereumChain':
      return { method, params: readSwitchChain(params) };
    case 'wallet_addEthereumChain': {
      const p = single(params, method);
      if (!isPlainObject(p)) throw invalidParams('wallet_addEthereumChain expects [{ chainId, chainName, nativeCurrency, rpcUrls, … }]');
      return { method, params: p };
    }
    case 'wallet_watchAsset':
      return { method, params: readWatchAsset(params) };
    case 'personal_sign':
    case 'personal_ecRecover':
    case 'eth_signTypedData_v4':
    case 'eth_signTypedData_v3':
    case 'eth_signTypedData':
    case 'eth_signTypedData_v1':
    case 'eth_sendTransaction':
      if (!Array.isArray(params) || params.length === 0) throw invalidParams(`${method} expects an array of parameters`);
      return { method, params };
    case 'wallet_sendCalls':
      return { method, params: readSendCalls(params) };
    case 'wallet_getCallsStatus':
    case 'wallet_showCallsStatus':
      return { method, params: readCallsId(params, method) };
    case 'wallet_getCapabilities':
      return { method, params: readGetCapabilities(params) };
    case 'eth_subscribe':
    case 'eth_unsubscribe':
      return { method, params: asArray(params, method) };
    default:
      return { method, class: 'read', params: asArray(params, method) };
  }
}
