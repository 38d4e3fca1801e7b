/**
 * signRaw data (u8aWrapBytes-compatible wrapping, refusal of bytes that decode as a transaction of
 * the runtime), risk warnings of nested calls, balances, networks and endpoints; checked against
 * @polkadot/util's u8aWrapBytes and @polkadot/types' call encoding as the independent side.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '@polkadot/keyring';
import { expandMetadata, Metadata, TypeRegistry } from '@polkadot/types';
import { Bytes, Option } from '@polkadot-api/substrate-bindings';
import { stringToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import * as sr25519 from '@scure/sr25519';
import { checkRawData, isWrapped, looksLikeExtrinsic, MAX_RAW_BYTES, wrapBytes } from '../../../src/families/polkadot/core/raw';
import { polkadotFacts, polkadotWarnings } from '../../../src/families/polkadot/core/risk';
import { accountBalances } from '../../../src/families/polkadot/core/balances';
import { checkChainProperties, checkEndpoint, checkGenesis, polkadotChain } from '../../../src/families/polkadot/core/chains';
import { formatUnits, parseUnits } from '../../../src/families/polkadot/core/amounts';
import { checkSignerPayload } from '../../../src/families/polkadot/core/payload';
import { PolkadotError } from '../../../src/families/polkadot/core/errors';
import { LOCAL_GENESIS, LOCAL_SPEC, loadFixtureMetadata, METADATA_FIXTURE } from './metadata';

const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

describe('Polkadot signRaw, risk, balances and networks', () => {
  const md = loadFixtureMetadata();
  const registry = new TypeRegistry();
  // Decorated calls by section/method (checked to exist when used).
  let tx: Record<string, Record<string, (...a: unknown[]) => never>>;
  let bob: string;
  let alice: ReturnType<Keyring['addFromUri']>;
  const call = (pallet: number, method: number, ...args: unknown[]): Uint8Array => registry.createType('Call', registry.findMetaCall(new Uint8Array([pallet, method]))(...args)).toU8a();
  const decode = (bytes: Uint8Array) => {
    const c = md.decodeCall(bytes);
    if (!c) throw new Error('does not decode');
    return c;
  };

  beforeAll(async () => {
    await cryptoWaitReady();
    const metadata = new Metadata(registry, Option(Bytes()).dec(new Uint8Array(METADATA_FIXTURE))!);
    registry.setMetadata(metadata);
    tx = expandMetadata(registry, metadata).tx as never;
    const k = new Keyring({ type: 'sr25519', ss58Format: 2 });
    alice = k.addFromUri(`${DEV_PHRASE}//Alice`);
    bob = k.addFromUri(`${DEV_PHRASE}//Bob`).address;
  });

  it('wraps like u8aWrapBytes (once), and a signature over it verifies with @polkadot/util-crypto', () => {
    const msg = stringToU8a('Sign in to example.com, nonce 42');
    expect(u8aToHex(wrapBytes(msg))).toBe(u8aToHex(u8aWrapBytes(msg)));
    expect(u8aToHex(wrapBytes(u8aWrapBytes(msg)))).toBe(u8aToHex(u8aWrapBytes(msg)));
    expect(isWrapped(wrapBytes(msg))).toBe(true);
    const secret = sr25519.secretFromSeed(new Uint8Array(32).fill(3));
    const sig = sr25519.sign(secret, checkRawData(md, msg));
    expect(signatureVerify(u8aWrapBytes(msg), sig, sr25519.getPublicKey(secret)).isValid).toBe(true);
  });

  it('refuses bytes that decode as a call, or as a whole signing payload, of the runtime', () => {
    const transfer = call(4, 3, { Id: bob }, 10n ** 12n);
    expect(looksLikeExtrinsic(md, transfer)).toBe(true);
    const sp = registry.createType('SignerPayload', {
      address: alice.address, blockHash: LOCAL_GENESIS, blockNumber: 0, era: registry.createType('ExtrinsicEra', { current: 100, period: 64 }), genesisHash: LOCAL_GENESIS,
      method: u8aToHex(transfer), nonce: 3, runtimeVersion: LOCAL_SPEC, tip: 0, signedExtensions: registry.signedExtensions, version: 4,
    }).toPayload();
    const payload = checkSignerPayload(sp, { genesisHash: LOCAL_GENESIS, ...LOCAL_SPEC, metadata: md }).payload;
    expect(looksLikeExtrinsic(md, payload)).toBe(true);
    expect(looksLikeExtrinsic(md, u8aWrapBytes(payload))).toBe(true);
    expect(() => checkRawData(md, payload)).toThrowError(/decode as a transaction of this chain/);
    expect(looksLikeExtrinsic(md, stringToU8a('hello world, this is a message'))).toBe(false);
    expect(() => checkRawData(md, new Uint8Array())).toThrowError(/data is empty/);
    expect(() => checkRawData(md, new Uint8Array(MAX_RAW_BYTES + 1).fill(0x41))).toThrowError(/too long \(65537 bytes; at most 65536\)/);
  });

  it('flags proxy, batches of transfers, transferAll, multisig and allow-death; a plain keep-alive transfer is only a transfer', () => {
    const t = call(4, 3, { Id: bob }, 5n);
    expect(polkadotWarnings(decode(t))).toEqual([]);
    expect(polkadotFacts(decode(t), 'KSM', 12)).toEqual({ kind: 'transfer', amount: { value: '0.000000000005', symbol: 'KSM' }, recipient: bob });
    const batch = registry.createType('Call', tx.utility!.batchAll!([tx.balances!.transferKeepAlive!({ Id: bob }, 1n), tx.balances!.transferAll!({ Id: bob }, false)])).toU8a();
    const codes = polkadotWarnings(decode(batch)).map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['POLKADOT_BATCH_TRANSFERS', 'POLKADOT_TRANSFER_ALL']));
    const proxy = registry.createType('Call', tx.proxy!.addProxy!({ Id: bob }, 'Any', 0)).toU8a();
    expect(polkadotWarnings(decode(proxy)).map((w) => w.code)).toEqual(['POLKADOT_PROXY']);
    const multi = registry.createType('Call', tx.multisig!.asMultiThreshold1!([bob], tx.balances!.transferAllowDeath!({ Id: bob }, 1n))).toU8a();
    expect(polkadotWarnings(decode(multi)).map((w) => w.code)).toEqual(['POLKADOT_MULTISIG', 'POLKADOT_ALLOW_DEATH']);
    const remark = registry.createType('Call', tx.system!.remark!('0x68656c6c6f')).toU8a();
    expect(polkadotWarnings(decode(remark))).toEqual([]);
    expect(polkadotFacts(decode(remark), 'KSM', 12)).toEqual({ kind: 'sign' });
  });

  it('balances: transferable and keep-alive maximum from free, reserved, frozen and the existential deposit', () => {
    const ed = BigInt(md.constant('Balances', 'ExistentialDeposit') as bigint);
    expect(ed).toBe(333_333_333n);
    expect(accountBalances({ free: 10n ** 12n, reserved: 0n, frozen: 0n }, ed)).toMatchObject({ transferable: 10n ** 12n, keepAliveMax: 10n ** 12n - ed });
    expect(accountBalances({ free: 1000n * ed, reserved: 100n * ed, frozen: 300n * ed }, ed)).toMatchObject({ transferable: 800n * ed, keepAliveMax: 800n * ed });
    expect(accountBalances(undefined, ed)).toMatchObject({ free: 0n, transferable: 0n, keepAliveMax: 0n });
  });

  it('networks: SS58 per network, properties checked, endpoints wss or loopback ws', () => {
    expect(polkadotChain('polkadot:polkadot')).toMatchObject({ ss58: 0, native: { symbol: 'DOT', decimals: 10 } });
    expect(polkadotChain('polkadot:kusama')).toMatchObject({ ss58: 2, native: { symbol: 'KSM', decimals: 12 } });
    expect(md.ss58Prefix).toBe(2);
    expect(() => checkChainProperties(polkadotChain('polkadot:local'), { ss58Format: 2, tokenDecimals: 12, tokenSymbol: 'KSM' })).not.toThrow();
    expect(() => checkChainProperties(polkadotChain('polkadot:polkadot'), { ss58Format: 2, tokenDecimals: [12], tokenSymbol: ['KSM'] })).toThrowError(/not Polkadot: it reports SS58 format 2 \(expected 0\), 12 decimals \(expected 10\), symbol KSM \(expected DOT\)/);
    expect(() => checkGenesis(polkadotChain('polkadot:kusama'), '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3')).toThrowError(PolkadotError);
    expect(checkEndpoint('wss://rpc.example.org')).toBe('wss://rpc.example.org/');
    expect(checkEndpoint('ws://127.0.0.1:9944')).toBe('ws://127.0.0.1:9944/');
    expect(() => checkEndpoint('ws://rpc.example.org')).toThrowError(/only for a node on this machine/);
    expect(() => checkEndpoint('https://rpc.example.org')).toThrowError(/must be a wss:\/\/ URL/);
    expect(() => checkEndpoint('wss://user:pw@rpc.example.org')).toThrowError(/user name or password/);
  });

  it('amounts: exact planck conversions', () => {
    expect(parseUnits('1.5', 10)).toBe(15_000_000_000n);
    expect(formatUnits(15_000_000_000n, 10)).toBe('1.5');
    expect(formatUnits(1n, 12)).toBe('0.000000000001');
    expect(() => parseUnits('0.0000000000001', 12)).toThrowError(/At most 12 decimal places/);
    expect(() => parseUnits('-1', 12)).toThrowError(/positive number/);
    expect(() => parseUnits('0', 12)).toThrowError(/more than zero/);
  });
});
