import { describe, expect, it } from 'vitest';
import { hashMessage, keccak256, serializeTransaction, stringToHex, verifyMessage, type Hex } from 'viem';
import { verifyMessage as ethersVerifyMessage, getBytes } from 'ethers';
import { ProviderRpcError } from '../../../src/families/evm/core/errors.ts';
import { displayMessage, messageToHex, parsePersonalSign, refuseEthSign, signPersonalMessage } from '../../../src/families/evm/core/personalSign.ts';
import { devAccounts } from '../../support/anvil.ts';

const acct = devAccounts()[0]!;
const ctx = { origin: 'https://dapp.example', chainId: 1 };

describe('personal_sign parameters', () => {
  it('takes [message, address] (viem order)', () => {
    const r = parsePersonalSign([stringToHex('hello'), acct.address], ctx);
    expect(r).toEqual({ address: acct.address, message: '0x68656c6c6f', swapped: false, display: { kind: 'text', text: 'hello' }, warnings: [] });
  });

  it('tolerates the legacy [address, message] order like MetaMask, and notes it', () => {
    const r = parsePersonalSign([acct.address.toLowerCase(), stringToHex('hello')], ctx);
    expect(r.address).toBe(acct.address);
    expect(r.message).toBe('0x68656c6c6f');
    expect(r.swapped).toBe(true);
    expect(r.warnings).toEqual([{ code: 'PARAMS_SWAPPED', severity: 'info', params: {} }]);
  });

  it('does not swap when both look like addresses (an address can be the message)', () => {
    const other = devAccounts()[1]!.address;
    const r = parsePersonalSign([other, acct.address], ctx);
    expect(r.swapped).toBe(false);
    expect(r.address).toBe(acct.address);
    expect(r.message).toBe(other.toLowerCase());
  });

  it('treats non-hex strings as UTF-8 text and shows hex for binary data', () => {
    expect(messageToHex('héllo')).toBe(stringToHex('héllo'));
    expect(messageToHex('0xzz')).toBe(stringToHex('0xzz'));
    expect(displayMessage(stringToHex('line1\nline2'))).toEqual({ kind: 'text', text: 'line1\nline2' });
    expect(displayMessage('0xff00fe')).toEqual({ kind: 'hex', hex: '0xff00fe', byteLength: 3 });
    expect(displayMessage('0x0001')).toEqual({ kind: 'hex', hex: '0x0001', byteLength: 2 });
    expect(displayMessage(stringToHex('evil\u202etxt'))).toMatchObject({ kind: 'hex' });
  });

  it('flags a 32-byte hash and a serialized transaction as danger (R12)', () => {
    const hash = keccak256('0x1234');
    expect(parsePersonalSign([hash, acct.address], ctx).warnings).toEqual([{ code: 'RAW_HASH_SIGNING', severity: 'danger', params: { hash } }]);
    const tx = serializeTransaction({ chainId: 1, type: 'eip1559', nonce: 0, to: acct.address, value: 1n, gas: 21000n, maxFeePerGas: 1n, maxPriorityFeePerGas: 1n });
    expect(parsePersonalSign([tx, acct.address], ctx).warnings).toEqual([{ code: 'SERIALIZED_TRANSACTION', severity: 'danger', params: {} }]);
    const legacy = serializeTransaction({ chainId: 1, type: 'legacy', nonce: 0, to: acct.address, value: 10n ** 18n, gas: 21000n, gasPrice: 10n ** 9n });
    expect(parsePersonalSign([legacy, acct.address], ctx).warnings.map((w) => w.code)).toEqual(['SERIALIZED_TRANSACTION']);
    // a 32-byte payload that is also a transaction gets both flags
    const tiny = serializeTransaction({ chainId: 1, type: 'legacy', nonce: 0, to: acct.address, value: 1n, gas: 21000n, gasPrice: 1n });
    expect((tiny.length - 2) / 2).toBe(32);
    expect(parsePersonalSign([tiny, acct.address], ctx).warnings.map((w) => w.code)).toEqual(['RAW_HASH_SIGNING', 'SERIALIZED_TRANSACTION']);
  });

  it.each([
    [[stringToHex('x')], /expects \[message, address\]/],
    ['hello', /expects \[message, address\]/],
    [[1, acct.address], /message: string, address: string/],
    [[stringToHex('x'), '0x1234'], /address must be a 0x-prefixed 20-byte hex address/],
    [[`0x${'ab'.repeat(70_000)}`, acct.address], /larger than 65536 bytes/],
  ])('refuses %# with -32602', (params, message) => {
    try {
      parsePersonalSign(params, ctx);
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(ProviderRpcError);
      expect((err as ProviderRpcError).code).toBe(-32602);
      expect((err as ProviderRpcError).message).toMatch(message);
    }
  });
});

describe('personal_sign signatures', () => {
  it('signs UTF-8 text; viem and ethers both verify', async () => {
    const req = parsePersonalSign(['Hello from the wallet tests ✓', acct.address], ctx);
    const sig = await signPersonalMessage(req.message, acct.privateKey);
    expect(sig).toMatch(/^0x[0-9a-f]{130}$/);
    expect(await verifyMessage({ address: acct.address, message: 'Hello from the wallet tests ✓', signature: sig })).toBe(true);
    expect(ethersVerifyMessage('Hello from the wallet tests ✓', sig)).toBe(acct.address);
    expect(await verifyMessage({ address: devAccounts()[1]!.address, message: 'Hello from the wallet tests ✓', signature: sig })).toBe(false);
  });

  it('signs raw bytes (not their hex text); viem and ethers both verify', async () => {
    const bytes: Hex = '0xdeadbeef00';
    const sig = await signPersonalMessage(parsePersonalSign([bytes, acct.address], ctx).message, acct.privateKey);
    expect(await verifyMessage({ address: acct.address, message: { raw: bytes }, signature: sig })).toBe(true);
    expect(ethersVerifyMessage(getBytes(bytes), sig)).toBe(acct.address);
    // EIP-191: the digest is over "\x19Ethereum Signed Message:\n5" + 5 bytes
    expect(hashMessage({ raw: bytes })).toBe(keccak256(`0x${Buffer.from('\x19Ethereum Signed Message:\n5').toString('hex')}deadbeef00`));
  });

  it('accepts the key as bytes as the keyring holds it', async () => {
    const msg = stringToHex('bytes key');
    const a = await signPersonalMessage(msg, acct.privateKey);
    const b = await signPersonalMessage(msg, Uint8Array.from(Buffer.from(acct.privateKey.slice(2), 'hex')));
    expect(a).toBe(b);
  });
});

describe('eth_sign', () => {
  it('is refused with 4200', () => {
    const e = refuseEthSign();
    expect(e.code).toBe(4200);
    expect(e.message).toMatch(/eth_sign is not supported/);
    expect(e.toJSON()).toEqual({ code: 4200, message: e.message });
  });
});
