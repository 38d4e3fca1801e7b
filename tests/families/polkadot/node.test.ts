/**
 * The background's chain code against a real runtime: chopsticks on the Kusama Local Testnet
 * genesis (tests/support/chopsticks.ts), reached over WebSocket with the wallet's own JSON-RPC
 * client. Properties and genesis are checked, balances read from System.Account, and a
 * transferKeepAlive prepared, signed with the wallet's derived sr25519 key and submitted: the
 * runtime executes it, the recipient's free balance grows by exactly the amount, and the sender
 * pays exactly the fee that was shown. Sends below the existential deposit are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from '@polkadot/x-ws';
import { createDeriver } from '../../../src/core';
import { polkadotChain } from '../../../src/families/polkadot/core/chains';
import { PolkadotError } from '../../../src/families/polkadot/core/errors';
import { toHex } from '../../../src/families/polkadot/core/hex';
import { ChainSession } from '../../../src/families/polkadot/background/chain';
import { prepareTransfer } from '../../../src/families/polkadot/background/transfer';
import { DEV_PHRASE, startChopsticks, type ChopsticksNode } from '../../support/chopsticks';
import { LOCAL_GENESIS, METADATA_FIXTURE } from './metadata';

const KSM = 10n ** 12n;
const rpcOpts = { WebSocket: WebSocket as never };

describe('Polkadot chain session on a chopsticks Kusama Local Testnet', () => {
  let node: ChopsticksNode;
  let session: ChainSession;
  const d = createDeriver(DEV_PHRASE);
  const own = d.account('polkadot', 1, { network: 'kusama' });
  d.wipe();

  beforeAll(async () => {
    node = await startChopsticks();
    session = new ChainSession(polkadotChain('polkadot:local'), node.wsUrl, rpcOpts);
    await node.setFree(own.address, 100n * KSM);
  }, 180_000);

  afterAll(async () => {
    own.secretKey.fill(0);
    session?.close();
    await node?.stop();
  });

  it('checks the node: properties, genesis, runtime, and the metadata fixture is the node’s', async () => {
    const rt = await session.runtime();
    expect(rt).toMatchObject({ genesisHash: LOCAL_GENESIS, specVersion: 1_000_000, transactionVersion: 24, existentialDeposit: 333_333_333n });
    const fromNode = await node.rpc<string>('state_call', ['Metadata_metadata_at_version', '0x0f000000']);
    expect(fromNode).toBe(toHex(new Uint8Array(METADATA_FIXTURE)));
    const wrong = new ChainSession(polkadotChain('polkadot:polkadot'), node.wsUrl, rpcOpts);
    await expect(wrong.runtime()).rejects.toThrowError(/This node is not Polkadot: it reports SS58 format 2 \(expected 0\), 12 decimals \(expected 10\), symbol KSM \(expected DOT\)/);
    wrong.close();
    const kusama = new ChainSession(polkadotChain('polkadot:kusama'), node.wsUrl, rpcOpts);
    await expect(kusama.runtime()).rejects.toThrowError(/This node is not Kusama: its genesis hash is 0x4545/);
    kusama.close();
  });

  it('reads balances of an endowed dev account and of our account', async () => {
    const alice = await session.balances(node.dev.Alice);
    expect(alice.free).toBeGreaterThan(0n);
    expect(await session.balances(own.address)).toMatchObject({ free: 100n * KSM, reserved: 0n, frozen: 0n, transferable: 100n * KSM, keepAliveMax: 100n * KSM - 333_333_333n });
  });

  it('sends transferKeepAlive: executed by the runtime, recipient +amount exactly, sender −(amount + shown fee)', async () => {
    const bob = node.dev.Bob;
    const [bobBefore, ownBefore] = await Promise.all([session.balances(bob), session.balances(own.address)]);
    const amount = 1_500_000_000_000n;
    const prepared = await prepareTransfer(session, own.address, bob, amount, { keepAlive: true });
    expect(prepared.plan.fee).toBeGreaterThan(0n);
    expect(prepared.plan.call).toMatchObject({ pallet: 'Balances', method: 'transfer_keep_alive', transfer: { to: bob, amount: '1.5' } });
    expect(prepared.plan.era.period).toBe(64);
    const statuses: string[] = [];
    const finalized = new Promise<void>((resolve, reject) => {
      prepared
        .confirm(own.secretKey, (s) => {
          statuses.push(s);
          if (s === 'finalized') resolve();
          if (['dropped', 'invalid', 'usurped'].includes(s)) reject(new Error(`extrinsic ${s}`));
        })
        .catch(reject);
    });
    await finalized;
    expect(statuses).toContain('inBlock');
    const [bobAfter, ownAfter] = await Promise.all([session.balances(bob), session.balances(own.address)]);
    expect(bobAfter.free - bobBefore.free).toBe(amount);
    expect(ownBefore.free - ownAfter.free).toBe(amount + prepared.plan.fee);
    expect(await session.nonce(own.address)).toBe(1);
  });

  it('refuses a keep-alive send that would leave less than the existential deposit, and one a new account cannot receive', async () => {
    const mine = await session.balances(own.address);
    // The fee of a same-size transfer (the amount is a compact: similar value, same length); amount + fee then stays 1000 planck under the free balance.
    const { fee } = (await prepareTransfer(session, own.address, node.dev.Bob, mine.free - 2n * KSM, { keepAlive: true })).plan;
    const err = await prepareTransfer(session, own.address, node.dev.Bob, mine.free - fee - 1000n, { keepAlive: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PolkadotError);
    expect((err as PolkadotError).message).toMatch(/would leave less than the existential deposit \(0\.000333333333 KSM\)/);
    const fresh = createDeriver(DEV_PHRASE).account('polkadot', 7, { network: 'kusama' });
    fresh.secretKey.fill(0);
    await expect(prepareTransfer(session, own.address, fresh.address, 1000n, { keepAlive: true })).rejects.toThrowError(/recipient holds less than the existential deposit; send at least 0\.000333333333 KSM/);
    await expect(prepareTransfer(session, own.address, '1FRMM8PEiWXYax7rpS6X4XZX1aAAxSWx1CrKTyrVYhV24fg', 1000n, { keepAlive: true })).rejects.toThrowError(/another network \(SS58 prefix 0, expected 2\)/);
  });
});
