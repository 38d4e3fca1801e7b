/**
 * Token names, symbols and URIs read from LiteSVM accounts: a Token-2022 mint whose metadata the
 * real Token-2022 program wrote, and a classic mint with a Metaplex MetadataV1 account at its PDA.
 * Look-alike data is ignored: a Metaplex-shaped account not owned by the metadata program, one
 * naming another mint, and a Token-2022 mint whose pointer names another account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair } from '@solana/web3.js';
import { createSolanaRpc } from '../../../src/families/solana/core/rpc.ts';
import { cleanLabel, metadataPda, readTokenMetadata } from '../../../src/families/solana/core/tokenMetadata.ts';
import { startLiteSvmRpc, type LiteSvmRpc } from '../../support/litesvmRpc.ts';
import { createMint } from './helpers.ts';
import { createToken2022WithMetadata, metaplexPda, setMetaplexMetadata } from './metadataHelpers.ts';

describe('SPL token metadata from the chain', () => {
  let node: LiteSvmRpc;
  const payer = Keypair.generate();

  beforeAll(async () => {
    node = await startLiteSvmRpc();
    node.airdrop(payer.publicKey.toBase58(), 10_000_000_000n);
  });
  afterAll(async () => node?.stop());

  it('derives the Metaplex PDA as web3.js does', () => {
    const mint = Keypair.generate().publicKey.toBase58();
    expect(metadataPda(mint)).toBe(metaplexPda(mint));
  });

  it('reads Token-2022 metadata written by the program and Metaplex metadata at the PDA, in one request', async () => {
    const t22 = createToken2022WithMetadata(node, payer, 6, { name: 'Pay Dollar', symbol: 'PAYD', uri: 'https://example.org/payd.json' });
    const classic = createMint(node, payer, 9);
    setMetaplexMetadata(node, classic, { name: 'Wrapped Thing', symbol: 'WTHG', uri: 'https://example.org/wthg.json' });
    const bare = createMint(node, payer, 2);
    const rpc = createSolanaRpc({ url: node.url });
    const before = node.calls.length;
    const got = await readTokenMetadata(rpc, [t22, classic, bare, 'not-a-mint']);
    expect(node.calls.slice(before)).toEqual(['getMultipleAccounts']);
    expect(got.get(t22)).toEqual({ name: 'Pay Dollar', symbol: 'PAYD', uri: 'https://example.org/payd.json', source: 'token-2022' });
    expect(got.get(classic)).toEqual({ name: 'Wrapped Thing', symbol: 'WTHG', uri: 'https://example.org/wthg.json', source: 'metaplex' });
    expect(got.has(bare)).toBe(false);
    expect(got.size).toBe(2);
  });

  it('ignores look-alikes: wrong owner, another mint’s account, a pointer to elsewhere', async () => {
    const a = createMint(node, payer, 6);
    setMetaplexMetadata(node, a, { name: 'Fake', symbol: 'FAKE', uri: '' }, Keypair.generate().publicKey.toBase58());
    const b = createMint(node, payer, 6);
    const other = createMint(node, payer, 6);
    // A valid metadata account for `other`, placed at b's PDA.
    setMetaplexMetadata(node, other, { name: 'Other', symbol: 'OTH', uri: '' }, undefined, metaplexPda(b));
    const pointed = createToken2022WithMetadata(node, payer, 6, { name: 'x', symbol: 'x', uri: '' }, Keypair.generate().publicKey.toBase58());
    const got = await readTokenMetadata(createSolanaRpc({ url: node.url }), [a, b, pointed]);
    expect(got.size).toBe(0);
  });

  it('cleans names: NUL padding, control and bidi characters removed, length bounded', () => {
    expect(cleanLabel('USD\u202eC\0\0\0', 12)).toBe('USDC');
    expect(cleanLabel('a'.repeat(50), 32)).toHaveLength(32);
  });
});
