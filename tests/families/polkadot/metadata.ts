/** The Kusama Local Testnet runtime's metadata (v15), as its node answers Metadata_metadata_at_version(15). */
import { readFileSync } from 'node:fs';
import { ChainMetadata } from '../../../src/families/polkadot/core/metadata';

export const METADATA_FIXTURE = readFileSync(new URL('../../fixtures/polkadot/kusama-local-metadata-v15.scale', import.meta.url));
export const loadFixtureMetadata = (): ChainMetadata => ChainMetadata.fromRpc(new Uint8Array(METADATA_FIXTURE), 'metadata_at_version');
/** What chopsticks reports for the local chain (chain_getBlockHash(0), state_getRuntimeVersion). */
export const LOCAL_GENESIS = '0x4545454545454545454545454545454545454545454545454545454545454545';
export const LOCAL_SPEC = { specVersion: 1_000_000, transactionVersion: 24 };
