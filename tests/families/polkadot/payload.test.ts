/**
 * Signing payloads: the bytes the wallet signs for a SignerPayloadJSON, its signature and the signed
 * extrinsic it builds, checked against polkadot.js (@polkadot/types ExtrinsicPayload / Extrinsic,
 * @polkadot/util-crypto signatureVerify, @polkadot/keyring) on the real Kusama Local Testnet
 * metadata; malformed payloads, a wrong genesis, a stale runtime, over-long data → clear errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '@polkadot/keyring';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { Option, Bytes } from '@polkadot-api/substrate-bindings';
import { blake2AsU8a, cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { createDeriver } from '../../../src/core';
import { checkSignerPayload, MAX_METHOD_BYTES, signingMessage, type RuntimeContext } from '../../../src/families/polkadot/core/payload';
import { encodeSignedExtrinsic, signPayload, withSr25519Type } from '../../../src/families/polkadot/core/extrinsic';
import { decodeEra, eraBirth, mortalEra } from '../../../src/families/polkadot/core/era';
import { PolkadotError } from '../../../src/families/polkadot/core/errors';
import { describeCall } from '../../../src/families/polkadot/core/describe';
import { LOCAL_GENESIS, LOCAL_SPEC, loadFixtureMetadata, METADATA_FIXTURE } from './metadata';

const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const BLOCK = '0x' + '12'.repeat(32);

describe('Polkadot signing payloads against @polkadot/types', () => {
  const md = loadFixtureMetadata();
  const ctx: RuntimeContext = { genesisHash: LOCAL_GENESIS, ...LOCAL_SPEC, metadata: md };
  const registry = new TypeRegistry();
  let pair: ReturnType<Keyring['addFromUri']>;
  let bob: string;
  let secret: Uint8Array;

  beforeAll(async () => {
    await cryptoWaitReady();
    registry.setMetadata(new Metadata(registry, Option(Bytes()).dec(new Uint8Array(METADATA_FIXTURE))!));
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 2 });
    // Our account 1 of the dev phrase is its //0 (src/families/polkadot/core/keys.ts).
    pair = keyring.addFromUri(`${DEV_PHRASE}//0`);
    bob = keyring.addFromUri(`${DEV_PHRASE}//Bob`).address;
    const d = createDeriver(DEV_PHRASE);
    const own = d.account('polkadot', 1, { network: 'kusama' });
    expect(own.address).toBe(pair.address);
    secret = own.secretKey;
    d.wipe();
  });

  /** A SignerPayloadJSON exactly as polkadot.js builds it (SignerPayload.toPayload()). */
  function pjsPayload(call: ReturnType<typeof registry.createType>, over: Record<string, unknown> = {}): Record<string, unknown> {
    const era = registry.createType('ExtrinsicEra', { current: 1000, period: 64 });
    const sp = registry.createType('SignerPayload', {
      address: pair.address,
      blockHash: BLOCK,
      blockNumber: 1000,
      era,
      genesisHash: LOCAL_GENESIS,
      method: call,
      nonce: 7,
      runtimeVersion: LOCAL_SPEC,
      tip: 0,
      signedExtensions: registry.signedExtensions,
      version: 4,
    });
    return { ...sp.toPayload(), ...over } as Record<string, unknown>;
  }
  const transferCall = (value: bigint) => registry.createType('Call', registry.findMetaCall(new Uint8Array([4, 3]))({ Id: bob }, value));

  it('builds the same signing bytes as ExtrinsicPayload.toU8a({ method: true })', () => {
    const json = pjsPayload(transferCall(1_234_567_890_123n));
    const ours = checkSignerPayload(json, ctx);
    const theirs = registry.createType('ExtrinsicPayload', json, { version: 4 }).toU8a({ method: true });
    expect(u8aToHex(ours.payload)).toBe(u8aToHex(theirs));
    expect(ours.nonce).toBe(7n);
    expect(ours.era).toEqual({ immortal: false, period: 64, phase: 1000 % 64 });
    expect(describeCall(ours.call, 12)).toMatchObject({ pallet: 'Balances', method: 'transfer_keep_alive', transfer: { to: bob, amount: '1.234567890123' } });
  });

  it('signs with our sr25519 key; polkadot.js verifies the signature, and the extrinsic matches Extrinsic.addSignature', () => {
    const call = transferCall(5_000_000_000n);
    const json = pjsPayload(call);
    const checked = checkSignerPayload(json, ctx);
    const sig = signPayload(secret, checked.payload);
    expect(signatureVerify(checked.payload, withSr25519Type(sig), pair.address).isValid).toBe(true);
    const ext = registry.createType('Extrinsic', call);
    ext.addSignature(pair.address, withSr25519Type(sig), json as never);
    expect(u8aToHex(encodeSignedExtrinsic(md, checked.accountId, sig, checked.extra, checked.callBytes))).toBe(ext.toHex());
  });

  it('hashes payloads over 256 bytes with blake2b-256 before signing, as polkadot.js does', () => {
    const remark = registry.createType('Call', registry.findMetaCall(new Uint8Array([0, 0]))(u8aToHex(new Uint8Array(400).fill(7))));
    const checked = checkSignerPayload(pjsPayload(remark), ctx);
    expect(checked.payload.length).toBeGreaterThan(256);
    expect(u8aToHex(signingMessage(checked.payload))).toBe(u8aToHex(blake2AsU8a(checked.payload, 256)));
    const sig = signPayload(secret, checked.payload);
    expect(signatureVerify(blake2AsU8a(checked.payload, 256), sig, pair.address).isValid).toBe(true);
    expect(signatureVerify(checked.payload, sig, pair.address).isValid).toBe(false);
  });

  it('encodes mortal eras exactly like ExtrinsicEra and finds the birth block', () => {
    for (const [current, period] of [[1000, 64], [0, 64], [123456, 256], [5, 4], [99999, 4096], [7, 65536]] as const) {
      const theirs = registry.createType('ExtrinsicEra', { current, period }).toU8a();
      expect(u8aToHex(mortalEra(current, period))).toBe(u8aToHex(theirs));
      const era = decodeEra(mortalEra(current, period));
      if (era.immortal) throw new Error('mortal expected');
      expect(eraBirth(era, current)).toBe(registry.createType('ExtrinsicEra', theirs).asMortalEra.birth(current));
    }
    expect(decodeEra(Uint8Array.of(0))).toEqual({ immortal: true });
  });

  describe('refusals (each a PolkadotError with a message naming the problem)', () => {
    const base = (): Record<string, unknown> => pjsPayload(transferCall(10n));
    const refuse = (json: unknown, code: PolkadotError['code'], text: RegExp): void => {
      let err: unknown;
      try {
        checkSignerPayload(json, ctx);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PolkadotError);
      expect((err as PolkadotError).code).toBe(code);
      expect((err as PolkadotError).message).toMatch(text);
    };

    it('another chain: the genesis hash names it', () => refuse({ ...base(), genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3' }, 'network', /another chain \(genesis 0x91b1/));
    it('a stale runtime version', () => refuse({ ...base(), specVersion: '0x000f4241' }, 'network', /runtime 1000001\/24; the node runs 1000000\/24/));
    it('a method that is not one call', () => refuse({ ...base(), method: '0xff00' }, 'invalid', /method does not decode/));
    it('a call with trailing bytes', () => refuse({ ...base(), method: `${(base().method as string)}00` }, 'invalid', /method does not decode/));
    it('an over-long method', () => refuse({ ...base(), method: `0x${'00'.repeat(MAX_METHOD_BYTES + 1)}` }, 'invalid', /method is too long/));
    it('non-hex fields', () => refuse({ ...base(), blockHash: 'hello' }, 'invalid', /blockHash must be 0x-prefixed hex/));
    it('a short genesis hash', () => refuse({ ...base(), genesisHash: '0x1234' }, 'invalid', /genesisHash must be 32 bytes/));
    it('a bad address', () => refuse({ ...base(), address: 'not-an-address' }, 'invalid', /address: Not a valid SS58 address/));
    it('a bad era', () => refuse({ ...base(), era: '0x0102' }, 'invalid', /era is not a valid mortal era/));
    it('missing signed extensions', () => refuse({ ...base(), signedExtensions: ['CheckNonce'] }, 'network', /signedExtensions do not match/));
    it('an unknown field', () => refuse({ ...base(), evil: 1 }, 'invalid', /Unknown payload field "evil"/));
    it('version 5', () => refuse({ ...base(), version: 5 }, 'invalid', /version 4/));
    it('not an object', () => refuse('0x1234', 'invalid', /must be a SignerPayloadJSON object/));
    it('an immortal era with a non-genesis block hash', () => refuse({ ...base(), era: '0x00' }, 'invalid', /immortal payload must name the genesis/));
  });
});
