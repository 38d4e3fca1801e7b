/**
 * Polkadot end to end with the libraries real dApps use, unchanged: real Chromium with the built
 * extension, a chopsticks Kusama Local Testnet (tests/support/chopsticks.ts), and a page using
 * @polkadot/extension-dapp + @polkadot/api. The site connects in the approval window, lists the
 * account, has a transferKeepAlive signed (the approval shows the decoded call and amount) and
 * submits it: the runtime executes it and the recipient's free balance grows by exactly the amount.
 * signRaw signatures verify with @polkadot/util-crypto over the <Bytes>-wrapped message; a rejected
 * request rejects with "Cancelled" as with the polkadot.js extension; bytes that decode as a
 * transaction and payloads for another chain are refused with no window.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cryptoWaitReady, decodeAddress, encodeAddress, signatureVerify } from '@polkadot/util-crypto';
import * as sr25519 from '@scure/sr25519';
import { hexToU8a, stringToHex, u8aToHex, u8aWrapBytes, stringToU8a } from '@polkadot/util';
import { launchWallet, type Wallet, importWallet } from './support/chromium';
import { decide as decideIn } from './support/approvals';
import { startDappServer, type DappServer } from './support/dappServer';
import { startChopsticks, type ChopsticksNode } from '../support/chopsticks';
import { openDapp, setStorage } from './support/flows';
import { dappCaller, publicAccount, queuedApprovals, stopAfterAll } from './support/suite';

const PASSWORD = 'e2e polkadot password 123';
const MNEMONIC = 'test test test test test test test test test test test junk';
const KSM = 10n ** 12n;

type CallResult<T = unknown> = { result?: T; error?: { message: string } };

describe('Polkadot injectedWeb3 provider end to end (@polkadot/extension-dapp + @polkadot/api)', () => {
  let wallet: Wallet;
  let server: DappServer;
  let node: ChopsticksNode;
  let page: Page;
  const own = publicAccount(MNEMONIC, 'polkadot', 0, { network: 'kusama' });
  const keep = stopAfterAll();

  const dapp = dappCaller<CallResult>(() => page);
  const decide = (approve: boolean, check?: (w: Page) => Promise<void>): Promise<void> => decideIn(wallet, `127.0.0.1:${server.port}`, approve, check);
  const queued = (): Promise<number> => queuedApprovals(wallet);

  beforeAll(async () => {
    await cryptoWaitReady();
    [node, server, wallet] = await Promise.all([startChopsticks().then(keep), startDappServer(['dot-dapp']).then(keep), launchWallet().then(keep)]);
    await node.setFree(own.address, 100n * KSM);
    await setStorage(wallet, { familyNetwork: { polkadot: 'polkadot:local' }, familyEndpoints: { polkadot: { local: node.wsUrl } } });
    await importWallet(wallet, MNEMONIC, PASSWORD);
    page = await openDapp(wallet, server.url('dot-dapp'));
  }, 240_000);

  it('web3Enable connects after the user approves; web3Accounts lists the account', async () => {
    expect(await dapp('keys')).toContain('multichain-wallet');
    const enabling = dapp<CallResult<Array<{ name: string }>>>('enable');
    await decide(true);
    expect((await enabling).result).toEqual([{ name: 'multichain-wallet', version: '0.1.0' }]);
    const accounts = await dapp<CallResult<Array<{ address: string; source: string; type: string }>>>('accounts');
    // extension-dapp re-encodes addresses in the generic SS58 format (42) unless told otherwise.
    expect(accounts.result).toEqual([{ address: encodeAddress(decodeAddress(own.address), 42), source: 'multichain-wallet', type: 'sr25519' }]);
  });

  it('signs a transferKeepAlive built by @polkadot/api; the runtime executes it (recipient +amount exactly)', async () => {
    expect((await dapp<CallResult<string>>('connect', node.wsUrl)).result).toMatch(/^0x4545/);
    const bob = node.dev.Bob;
    const before = BigInt((await dapp<CallResult<string>>('free', bob)).result!);
    const amount = 2_500_000_000_000n;
    const sending = dapp<CallResult<{ hash: string }>>('transfer', own.address, bob, amount.toString());
    await decide(true, async (w) => {
      const text = await w.getByTestId('approval').innerText();
      expect(text).toContain('Balances.transfer_keep_alive');
      expect(text).toContain('2.5 KSM');
      expect(text).toContain(bob);
    });
    const sent = await sending;
    expect(sent.error).toBeUndefined();
    const after = BigInt((await dapp<CallResult<string>>('free', bob)).result!);
    expect(after - before).toBe(amount);
  });

  it('signRaw: the signature verifies over <Bytes>message</Bytes> with @polkadot/util-crypto', async () => {
    const message = 'Sign in to the Polkadot test dApp, nonce 7';
    const signing = dapp<CallResult<{ signature: string }>>('signRaw', own.address, stringToHex(message));
    await decide(true, async (w) => expect(await w.getByTestId('approval').innerText()).toContain(message));
    const r = await signing;
    expect(signatureVerify(u8aWrapBytes(stringToU8a(message)), r.result!.signature, own.address).isValid).toBe(true);
    // signatureVerify also accepts the bare message (it tries the wrapped form): check with sr25519 directly.
    const pub = decodeAddress(own.address);
    expect(sr25519.verify(u8aWrapBytes(stringToU8a(message)), hexToU8a(r.result!.signature), pub)).toBe(true);
    expect(sr25519.verify(stringToU8a(message), hexToU8a(r.result!.signature), pub)).toBe(false);
  });

  it('a rejected request rejects with "Cancelled", as with the polkadot.js extension', async () => {
    const signing = dapp<CallResult>('signRaw', own.address, stringToHex('please reject me'));
    await decide(false);
    expect((await signing).error?.message).toBe('Cancelled');
  });

  it('refuses, with no window, signRaw of bytes that decode as a transfer, and a payload for another chain', async () => {
    // balances.transferKeepAlive(Bob, 1 KSM) as call bytes: pallet 4, call 3, MultiAddress::Id.
    const bobId = decodeAddress(node.dev.Bob);
    const transferBytes = u8aToHex(new Uint8Array([4, 3, 0, ...bobId, 0x07, 0x00, 0x10, 0xa5, 0xd4, 0xe8]));
    const r = await dapp<CallResult>('signRaw', own.address, transferBytes);
    expect(r.error?.message).toMatch(/decode as a transaction of this chain/);
    const foreign = await dapp<CallResult>('signPayloadRaw', {
      address: own.address, blockHash: `0x${'11'.repeat(32)}`, blockNumber: '0x00000001', era: '0x00', genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
      method: transferBytes, nonce: '0x00000000', specVersion: '0x000f4240', tip: '0x00000000000000000000000000000000', transactionVersion: '0x00000018', signedExtensions: [], version: 4,
    });
    expect(foreign.error?.message).toMatch(/another chain \(genesis 0x91b1/);
    expect(await queued()).toBe(0);
  });
});
