/**
 * AIP-62 signMessage full messages (the format Petra and Trezor's firmware sign), SIWA (AIP-116)
 * text bound to the requesting origin, networks and node URLs, and the risk facts.
 */
import { describe, expect, it } from 'vitest';
import { Ed25519PrivateKey, Ed25519Signature } from '@aptos-labs/ts-sdk';
import { hexToBytes } from '../../../src/core/derive/bytes';
import { aptTransfer } from '../../../src/families/aptos/core/build';
import { AptosError } from '../../../src/families/aptos/core/errors';
import { buildFullMessage, MAX_MESSAGE_CHARS, prepareSignIn, signInSigningMessage } from '../../../src/families/aptos/core/message';
import { APTOS_NETWORKS, aptosNetwork, checkChainId, explorerTxUrl, normalizeNodeUrl, standardNetworkName } from '../../../src/families/aptos/core/networks';
import { aptosRiskWarnings } from '../../../src/families/aptos/core/risk';
import { signEd25519, type Payload } from '../../../src/families/aptos/core/transaction';
import { longAddress, parseTypeTag } from '../../../src/families/aptos/core/typeTag';
import { sha3_256 } from '@noble/hashes/sha3.js';

const address = '0x' + 'ab'.repeat(32);
const ctx = { address, application: 'https://dapp.example', chainId: 1 };

describe('aptos:signMessage full message', () => {
  it('is APTOS, the asked-for fields in order, message and nonce', () => {
    const m = buildFullMessage({ message: 'hello', nonce: '42', address: true, application: true, chainId: true }, ctx);
    expect(m.fullMessage).toBe(`APTOS\naddress: ${address}\napplication: https://dapp.example\nchainId: 1\nmessage: hello\nnonce: 42`);
    expect(m).toMatchObject({ prefix: 'APTOS', address, application: 'https://dapp.example', chainId: 1, message: 'hello', nonce: '42' });
    const bare = buildFullMessage({ message: 'two\nlines', nonce: 'n' }, ctx);
    expect(bare.fullMessage).toBe('APTOS\nmessage: two\nlines\nnonce: n');
    expect(bare.address).toBeUndefined();
  });

  it('signs the UTF-8 full message; ts-sdk verifies it', () => {
    const secret = hexToBytes('11'.repeat(32));
    const key = new Ed25519PrivateKey(secret);
    const m = buildFullMessage({ message: 'héllo 世界', nonce: '1', chainId: true }, ctx);
    const { signature } = signEd25519(new TextEncoder().encode(m.fullMessage), secret);
    expect(key.publicKey().verifySignature({ message: new TextEncoder().encode(m.fullMessage), signature: new Ed25519Signature(signature) })).toBe(true);
    expect(key.sign(new TextEncoder().encode(m.fullMessage)).toUint8Array()).toEqual(signature);
  });

  it('refuses over-long messages, multi-line nonces and malformed input with clear errors', () => {
    const err = (input: unknown): AptosError => {
      try {
        buildFullMessage(input, ctx);
      } catch (e) {
        return e as AptosError;
      }
      throw new Error('accepted');
    };
    expect(err({ message: 'x'.repeat(MAX_MESSAGE_CHARS + 1), nonce: '1' }).code).toBe('MESSAGE_TOO_LONG');
    expect(err({ message: 'x', nonce: '1\naddress: 0x1' }).message).toBe('nonce must be a single line');
    expect(err({ message: 'x' }).message).toBe('nonce must be a non-empty string');
    expect(err({ message: 1, nonce: '1' }).message).toBe('message must be a string');
    expect(err({ message: 'x', nonce: '1', address: 'yes' }).message).toBe('address must be true or false');
    expect(err(null).code).toBe('MALFORMED');
  });
});

describe('aptos:signIn (AIP-116)', () => {
  const site = { origin: 'https://dapp.example', address, network: 'mainnet' };
  it('builds the AIP-116 text with the bound fields', () => {
    const { input, text } = prepareSignIn({ domain: 'dapp.example', nonce: 'abc123', statement: 'Sign in to Example', issuedAt: '2026-01-01T00:00:00Z', resources: ['https://dapp.example/terms'] }, site);
    expect(text).toBe(`dapp.example wants you to sign in with your Aptos account:\n${address}\n\nSign in to Example\n\nURI: https://dapp.example\nVersion: 1\nChain ID: mainnet\nNonce: abc123\nIssued At: 2026-01-01T00:00:00Z\nResources:\n- https://dapp.example/terms`);
    expect(input).toMatchObject({ domain: 'dapp.example', address, uri: 'https://dapp.example', version: '1', chainId: 'mainnet' });
    expect(signInSigningMessage(text).slice(0, 32)).toEqual(sha3_256(new TextEncoder().encode('SIGN_IN_WITH_APTOS::')));
  });

  it('refuses another domain, another chain, a foreign uri and a multi-line field', () => {
    expect(() => prepareSignIn({ domain: 'evil.example', nonce: '1' }, site)).toThrow(/requesting site is dapp.example/);
    expect(() => prepareSignIn({ nonce: '1', chainId: 'testnet' }, site)).toThrow(/wallet is on mainnet/);
    expect(() => prepareSignIn({ nonce: '1', uri: 'https://evil.example/' }, site)).toThrow(/not on the requesting site/);
    expect(() => prepareSignIn({ nonce: '1', requestId: 'a\nURI: x' }, site)).toThrow(/single-line/);
    expect(() => prepareSignIn({ nonce: '' }, site)).toThrow(/nonce/);
  });
});

describe('networks and node URLs', () => {
  it('knows mainnet 1, testnet 2, devnet and custom', () => {
    expect(APTOS_NETWORKS.map((n) => [n.id, n.chainId])).toEqual([['mainnet', 1], ['testnet', 2], ['devnet', null], ['custom', null]]);
    expect(explorerTxUrl(aptosNetwork('testnet')!, '0xab')).toBe('https://explorer.aptoslabs.com/txn/0xab?network=testnet');
    expect(explorerTxUrl(aptosNetwork('custom')!, '0xab')).toBeUndefined();
  });

  it('accepts https anywhere and http only on loopback, adding /v1', () => {
    expect(normalizeNodeUrl('https://fullnode.example.com')).toBe('https://fullnode.example.com/v1');
    expect(normalizeNodeUrl('https://fullnode.example.com/v1/')).toBe('https://fullnode.example.com/v1');
    expect(normalizeNodeUrl('http://127.0.0.1:8080/v1')).toBe('http://127.0.0.1:8080/v1');
    expect(normalizeNodeUrl('http://localhost:8080')).toBe('http://localhost:8080/v1');
    expect(() => normalizeNodeUrl('http://fullnode.example.com')).toThrow(/must use https/);
    expect(() => normalizeNodeUrl('https://user:pw@node.example.com')).toThrow(/user name or password/);
    expect(() => normalizeNodeUrl('ftp://node.example.com')).toThrow(/must use https/);
    expect(() => normalizeNodeUrl('not a url')).toThrow(/not a valid URL/);
  });

  it('checks the chain id the node reports', () => {
    expect(checkChainId(aptosNetwork('mainnet')!, 1)).toBe(1);
    expect(() => checkChainId(aptosNetwork('mainnet')!, 2)).toThrow('The node reports chain id 2, but Aptos Mainnet is chain id 1');
    expect(checkChainId(aptosNetwork('devnet')!, 174)).toBe(174);
    expect(() => checkChainId(aptosNetwork('custom')!, '4')).toThrow(/valid chain id/);
    expect(standardNetworkName(aptosNetwork('custom')!, 'http://127.0.0.1:1/v1')).toBe('local');
    expect(standardNetworkName(aptosNetwork('custom')!, 'https://node.example/v1')).toBe('custom');
  });
});

describe('risk facts', () => {
  const entry = (module: string, fn: string, address = '0x1'): Payload => ({ kind: 'entry', address: longAddress(address), module, function: fn, typeArgs: [], args: [] });
  const codes = (p: Payload, sim: Parameters<typeof aptosRiskWarnings>[1] = { success: true, vmStatus: 'Executed successfully', eventTypes: [] }): string[] => aptosRiskWarnings(p, sim).map((w) => `${w.code}:${w.severity}`);
  const cafe = '0x' + 'ca'.repeat(32);

  it('flags key rotation, capability offers and scripts as danger', () => {
    expect(codes(entry('account', 'rotate_authentication_key_call'))).toEqual(['APTOS_KEY_ROTATION:danger']);
    expect(codes(entry('account', 'rotate_authentication_key'))).toEqual(['APTOS_KEY_ROTATION:danger']);
    expect(codes(entry('account', 'offer_signer_capability'))).toEqual(['APTOS_CAPABILITY_OFFER:danger']);
    expect(codes(entry('account', 'offer_rotation_capability'))).toEqual(['APTOS_CAPABILITY_OFFER:danger']);
    expect(codes({ kind: 'script', code: new Uint8Array(4), typeArgs: [], argCount: 0 })).toEqual(['APTOS_SCRIPT_PAYLOAD:danger']);
  });

  it('warns when an unknown module withdraws the user\'s assets, not for framework transfers', () => {
    expect(codes(aptTransfer(cafe, 1n), { success: true, vmStatus: 'ok', eventTypes: ['0x1::fungible_asset::Withdraw'] })).toEqual([]);
    expect(codes(entry('drainer', 'take', cafe), { success: true, vmStatus: 'ok', eventTypes: ['0x1::fungible_asset::Withdraw', '0x1::fungible_asset::Deposit'] })).toEqual(['APTOS_UNKNOWN_MODULE_MOVES_ASSETS:warning']);
    expect(codes(entry('counter', 'increment', cafe), { success: true, vmStatus: 'ok', eventTypes: ['0xcafe::counter::Incremented'] })).toEqual([]);
    expect(codes(entry('counter', 'increment', cafe), null)).toEqual(['APTOS_UNKNOWN_MODULE_MOVES_ASSETS:warning']);
    expect(codes(aptTransfer(cafe, 1n), { success: false, vmStatus: 'Move abort: EINSUFFICIENT_BALANCE', eventTypes: [] })).toEqual(['APTOS_SIMULATION_FAILED:danger']);
    expect(parseTypeTag('0x1::fungible_asset::Metadata').kind).toBe('struct');
  });
});
