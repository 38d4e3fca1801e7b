/**
 * Incoming transfers from a block's System.Events: the events are encoded by @polkadot/types (the
 * independent side) with the Kusama Local runtime's metadata, decoded by the wallet's own codecs
 * (@polkadot-api from the same metadata), and only transfers to the account from another one count.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { Bytes, Option } from '@polkadot-api/substrate-bindings';
import { u8aConcat } from '@polkadot/util';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { blockRange, transfersTo } from '../../../src/families/polkadot/core/incoming';
import { loadFixtureMetadata, METADATA_FIXTURE } from './metadata';

describe('Polkadot incoming transfers from block events', () => {
  const md = loadFixtureMetadata();
  const registry = new TypeRegistry();
  let alice: string;
  let bob: string;
  let charlie: string;
  let balancesIndex: number;
  let events: (records: { phase: 'init' | number; pallet: number; event: number; data: Uint8Array }[]) => unknown;

  beforeAll(async () => {
    await cryptoWaitReady();
    const metadata = new Metadata(registry, Option(Bytes()).dec(new Uint8Array(METADATA_FIXTURE))!);
    registry.setMetadata(metadata);
    const k = new Keyring({ type: 'sr25519', ss58Format: 2 });
    [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((u) => k.addFromUri(u).address) as [string, string, string];
    balancesIndex = metadata.asLatest.pallets.find((p) => p.name.toString() === 'Balances')!.index.toNumber();
    events = (records) => {
      const vec = registry.createType(
        'Vec<EventRecord>',
        records.map((r) => ({ phase: r.phase === 'init' ? { Initialization: null } : { ApplyExtrinsic: r.phase }, event: registry.createType('Event', u8aConcat(new Uint8Array([r.pallet, r.event]), r.data)), topics: [] })),
      );
      return md.storage('System', 'Events').decode(vec.toHex());
    };
  });

  const transfer = (from: string, to: string, amount: bigint): Uint8Array =>
    u8aConcat(registry.createType('AccountId32', from).toU8a(), registry.createType('AccountId32', to).toU8a(), registry.createType('u128', amount).toU8a());

  it('finds a Balances.Transfer to the account with its extrinsic index, sender and exact amount', () => {
    const TRANSFER = 2;
    const decoded = events([
      { phase: 2, pallet: balancesIndex, event: TRANSFER, data: transfer(alice, bob, 1_234_567_890_123n) },
      { phase: 3, pallet: balancesIndex, event: TRANSFER, data: transfer(alice, charlie, 5n) },
      { phase: 4, pallet: balancesIndex, event: TRANSFER, data: transfer(bob, alice, 7n) },
      { phase: 5, pallet: balancesIndex, event: TRANSFER, data: transfer(bob, bob, 9n) },
      { phase: 6, pallet: balancesIndex, event: TRANSFER, data: transfer(charlie, bob, 2n ** 100n) },
    ]);
    const found = transfersTo(decoded, bob);
    expect(found).toEqual([
      { extrinsic: 2, from: alice, amount: 1_234_567_890_123n },
      { extrinsic: 6, from: charlie, amount: 2n ** 100n },
    ]);
    // The same account written with another network's prefix is the same account.
    const k0 = new Keyring({ type: 'sr25519', ss58Format: 0 });
    expect(transfersTo(decoded, k0.encodeAddress(k0.decodeAddress(bob))).map((t) => t.extrinsic)).toEqual([2, 6]);
  });

  it('ignores other events of the Balances pallet (Endowed, BalanceSet) and refuses a bad address or list', () => {
    const ENDOWED = 0;
    const decoded = events([{ phase: 1, pallet: balancesIndex, event: ENDOWED, data: u8aConcat(registry.createType('AccountId32', bob).toU8a(), registry.createType('u128', 100n).toU8a()) }]);
    expect(transfersTo(decoded, bob)).toEqual([]);
    expect(() => transfersTo(decoded, 'not an address')).toThrow(/SS58/);
    expect(() => transfersTo({}, bob)).toThrow(/not a list/);
  });

  it('reads a bounded window of blocks after the cursor', () => {
    expect(blockRange(100, null, 50)).toEqual({ from: 51, to: 100 });
    expect(blockRange(100, 90, 50)).toEqual({ from: 91, to: 100 });
    expect(blockRange(100, 10, 50)).toEqual({ from: 51, to: 100 });
    expect(blockRange(100, 100, 50)).toBeNull();
    expect(blockRange(3, null, 50)).toEqual({ from: 0, to: 3 });
  });
});
