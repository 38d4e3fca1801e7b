/**
 * The Polkadot-family networks the wallet knows, as NetworkInfo (src/families/types.ts), with what
 * it checks against a node: SS58 prefix, decimals and symbol (system_properties must agree before
 * the wallet uses an endpoint), and where users look transactions up (Subscan).
 */
import type { ChainRef, NetworkInfo } from '../../types.ts';
import { PolkadotError } from './errors.ts';

export interface PolkadotNetwork extends NetworkInfo {
  /** The key network name of ChainFamilyKeys (address encoding): 'polkadot', 'kusama'. */
  keyNetwork: 'polkadot' | 'kusama';
  ss58: number;
  /** Built-in public endpoint; '' when the user must set one (the local test network). */
  defaultEndpoint: string;
  /** Known genesis hash; null for a local chain (read from its node). */
  genesisHash: string | null;
}

const subscan = (host: string) => (hash: string) => `https://${host}.subscan.io/extrinsic/${hash}`;

export const POLKADOT_CHAINS: readonly PolkadotNetwork[] = [
  {
    ref: 'polkadot:polkadot',
    name: 'Polkadot',
    testnet: false,
    native: { symbol: 'DOT', decimals: 10 },
    keyNetwork: 'polkadot',
    ss58: 0,
    defaultEndpoint: 'wss://rpc.polkadot.io',
    genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
    explorerTx: subscan('polkadot'),
  },
  {
    ref: 'polkadot:kusama',
    name: 'Kusama',
    testnet: false,
    native: { symbol: 'KSM', decimals: 12 },
    keyNetwork: 'kusama',
    ss58: 2,
    defaultEndpoint: 'wss://kusama-rpc.polkadot.io',
    genesisHash: '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe',
    explorerTx: subscan('kusama'),
  },
  {
    // A Kusama-runtime chain on the user's machine (chopsticks, zombienet): no explorer.
    ref: 'polkadot:local',
    name: 'Kusama Local Testnet',
    testnet: true,
    native: { symbol: 'KSM', decimals: 12 },
    keyNetwork: 'kusama',
    ss58: 2,
    defaultEndpoint: '',
    genesisHash: null,
  },
];

export function polkadotChain(ref: string): PolkadotNetwork {
  const n = POLKADOT_CHAINS.find((c) => c.ref === ref);
  if (!n) throw new PolkadotError('invalid', `Unknown Polkadot-family network ${ref}`);
  return n;
}

export function isPolkadotRef(ref: string): ref is ChainRef {
  return POLKADOT_CHAINS.some((c) => c.ref === ref);
}

/** wss:// anywhere, ws:// only on this machine (a node's traffic is not readable on the way). */
export function checkEndpoint(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new PolkadotError('invalid', 'The endpoint is not a URL');
  }
  if (u.username || u.password) throw new PolkadotError('invalid', 'The endpoint must not contain a user name or password');
  if (u.protocol === 'wss:') return u.toString();
  const loopback = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  if (u.protocol === 'ws:' && loopback) return u.toString();
  if (u.protocol === 'ws:') throw new PolkadotError('invalid', 'ws:// (unencrypted) is allowed only for a node on this machine (127.0.0.1, localhost); use wss://');
  throw new PolkadotError('invalid', 'The endpoint must be a wss:// URL (or ws:// on this machine)');
}

/** system_properties values may be single values or lists (multi-token chains): the first one counts. */
function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** Throws when a node's system_properties disagree with the network it is set for. */
export function checkChainProperties(net: PolkadotNetwork, props: unknown): void {
  const p = (props && typeof props === 'object' ? props : {}) as Record<string, unknown>;
  const ss58 = first(p.ss58Format);
  const decimals = first(p.tokenDecimals);
  const symbol = first(p.tokenSymbol);
  const wrong: string[] = [];
  if (ss58 !== net.ss58) wrong.push(`SS58 format ${String(ss58)} (expected ${net.ss58})`);
  if (decimals !== net.native.decimals) wrong.push(`${String(decimals)} decimals (expected ${net.native.decimals})`);
  if (symbol !== net.native.symbol) wrong.push(`symbol ${String(symbol)} (expected ${net.native.symbol})`);
  if (wrong.length) throw new PolkadotError('node', `This node is not ${net.name}: it reports ${wrong.join(', ')}`);
}

/** Throws when a node's genesis is not the network's (a Kusama node set as the Polkadot endpoint). */
export function checkGenesis(net: PolkadotNetwork, genesisHash: string): void {
  if (net.genesisHash && genesisHash.toLowerCase() !== net.genesisHash) {
    throw new PolkadotError('node', `This node is not ${net.name}: its genesis hash is ${genesisHash}`);
  }
}
