/**
 * The Solana RPC client's typed failures (unreachable, timeout, 429, node error), exact u64
 * parsing, jsonParsed/base64 account reads against the LiteSVM server, and the network table
 * (chain ids, custom RPC rules, genesis check, wallet-adapter's endpoint → chain mapping).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair, PublicKey } from '@solana/web3.js';
import { startLiteSvmRpc, type LiteSvmRpc } from '../../support/litesvmRpc.ts';
import { createSolanaRpc } from '../../../src/families/solana/core/rpc.ts';
import { SolanaRpcError, SolanaWalletError, formatUnits, parseUnits } from '../../../src/families/solana/core/errors.ts';
import { parseJsonBig, stringifyJsonBig } from '../../../src/core/net/jsonHttp.ts';
import {
  BUILTIN_SOLANA_NETWORKS,
  chainForRpcEndpoint,
  checkGenesisHash,
  customSolanaNetwork,
  getSolanaNetwork,
  solanaExplorerUrl,
} from '../../../src/families/solana/core/networks.ts';
import { mintFromAccount, tokenAccountFromAccount } from '../../../src/families/solana/core/tokenLayout.ts';
import { programName, TOKEN_2022_PROGRAM_ID } from '../../../src/families/solana/core/programs.ts';
import { createAta, createMint, mintTo, walletAccount } from './helpers.ts';
import { rejectionOf } from '../../support/errors.ts';
import { freePort as closedPort, listenLoopback } from '../../support/loopback.ts';

let node: LiteSvmRpc;
const alice = walletAccount(0);

beforeAll(async () => {
  node = await startLiteSvmRpc();
  node.airdrop(alice.address, 5_000_000_000n);
});
afterAll(async () => {
  await node.stop();
});

const kindOf = (p: Promise<unknown>): Promise<SolanaRpcError> => rejectionOf(SolanaRpcError, p);

describe('SolanaRpc against LiteSVM', () => {
  it('reads balances, blockhash, rent, genesis hash; u64 fields (rentEpoch = 2^64-1) do not lose precision', async () => {
    const rpc = createSolanaRpc({ url: node.url });
    expect(await rpc.getBalance(alice.address)).toBe(5_000_000_000n);
    const bh = await rpc.getLatestBlockhash();
    expect(bh.blockhash).toBe(node.svm.latestBlockhash());
    expect(await rpc.getMinimumBalanceForRentExemption(165)).toBe(2_039_280n);
    expect(await rpc.getGenesisHash()).toBe(node.genesisHash);
    const raw = await rpc.call<{ value: { rentEpoch: unknown } }>('getAccountInfo', [alice.address, { encoding: 'base64' }]);
    expect(raw.value.rentEpoch).toBe(18446744073709551615n);
    expect(await rpc.getAccountInfo(Keypair.generate().publicKey.toBase58())).toBeNull();
  });

  it('reads mints and token accounts in jsonParsed and base64 alike', async () => {
    const rpc = createSolanaRpc({ url: node.url });
    const authority = Keypair.generate();
    node.airdrop(authority.publicKey.toBase58(), 1_000_000_000n);
    const mint = createMint(node, authority, 9, TOKEN_2022_PROGRAM_ID);
    const ata = createAta(node, authority, alice.address, mint, TOKEN_2022_PROGRAM_ID);
    mintTo(node, authority, mint, ata, 18446744073709551000n, TOKEN_2022_PROGRAM_ID);
    for (const enc of ['jsonParsed', 'base64'] as const) {
      const m = mintFromAccount((await rpc.getAccountInfo(mint, enc))!);
      expect(m).toMatchObject({ program: 'token-2022', decimals: 9, supply: 18446744073709551000n, mintAuthority: authority.publicKey.toBase58(), freezeAuthority: null });
      const t = tokenAccountFromAccount((await rpc.getAccountInfo(ata, enc))!);
      expect(t).toMatchObject({ program: 'token-2022', mint, owner: alice.address, amount: 18446744073709551000n, state: 'initialized' });
    }
    const list = await rpc.getTokenAccountsByOwner(alice.address, { program: 'token-2022' });
    expect(list).toEqual([{ pubkey: ata, program: 'token-2022', mint, owner: alice.address, amount: 18446744073709551000n, decimals: 9, state: 'initialized', isNative: false }]);
  });

  it('surfaces node errors with code and data (kind "rpc")', async () => {
    const rpc = createSolanaRpc({ url: node.url });
    const e = await kindOf(rpc.getTokenAccountsByOwner(alice.address, { mint: Keypair.generate().publicKey.toBase58() }));
    expect(e.kind).toBe('rpc');
    expect(e.code).toBe(-32602);
    expect(e.method).toBe('getTokenAccountsByOwner');
    const m = await kindOf(rpc.call('noSuchMethod'));
    expect(m.code).toBe(-32601);
  });

  it('HTTP 429 → rate_limited with Retry-After', async () => {
    const rpc = createSolanaRpc({ url: node.url });
    node.rateLimit('getBalance', 1);
    const e = await kindOf(rpc.getBalance(alice.address));
    expect(e.kind).toBe('rate_limited');
    expect(e.status).toBe(429);
    expect(e.retryAfterMs).toBe(1000);
    expect(await rpc.getBalance(alice.address)).toBe(5_000_000_000n);
  });

  it('unreachable, timeout, non-JSON and HTTP errors are told apart', async () => {
    const port = await closedPort();
    expect((await kindOf(createSolanaRpc({ url: `http://127.0.0.1:${port}` }).getBalance(alice.address))).kind).toBe('unreachable');
    const { server, url: base } = await listenLoopback((req, res) => {
      if (req.url === '/hang') return; // never answers
      if (req.url === '/html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hi</html>');
      res.writeHead(503).end('busy');
    });
    try {
      expect((await kindOf(createSolanaRpc({ url: `${base}/hang`, timeoutMs: 150 }).getBalance(alice.address))).kind).toBe('timeout');
      expect((await kindOf(createSolanaRpc({ url: `${base}/html` }).getBalance(alice.address))).kind).toBe('invalid_response');
      const http = await kindOf(createSolanaRpc({ url: `${base}/err` }).getBalance(alice.address));
      expect([http.kind, http.status]).toEqual(['http', 503]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('big-integer JSON', () => {
  it('keeps integers above 2^53 exact and leaves strings alone', () => {
    const v = parseJsonBig('{"a":18446744073709551615,"b":"x:12345678901234567890,","c":[1,-9007199254740993,2.5e3],"d":9007199254740991}') as Record<string, unknown>;
    expect(v).toEqual({ a: 18446744073709551615n, b: 'x:12345678901234567890,', c: [1, -9007199254740993n, 2500], d: 9007199254740991 });
    expect(stringifyJsonBig({ x: 18446744073709551615n, y: [1n] })).toBe('{"x":18446744073709551615,"y":[1]}');
  });

  it('formats and parses token amounts exactly', () => {
    expect(formatUnits(1_500_000_000n, 9)).toBe('1.5');
    expect(formatUnits(18446744073709551615n, 9)).toBe('18446744073.709551615');
    expect(parseUnits('0.000000001', 9)).toBe(1n);
    expect(() => parseUnits('1.0000000001', 9)).toThrow(SolanaWalletError);
    expect(() => parseUnits('abc', 9)).toThrow(/Not a decimal amount/);
  });
});

describe('Solana networks', () => {
  it('has the four clusters with Wallet Standard chain ids', () => {
    expect(BUILTIN_SOLANA_NETWORKS.map((n) => [n.cluster, n.chain])).toEqual([
      ['mainnet-beta', 'solana:mainnet'],
      ['devnet', 'solana:devnet'],
      ['testnet', 'solana:testnet'],
      ['localnet', 'solana:localnet'],
    ]);
    expect(getSolanaNetwork('solana:localnet')?.rpcUrl).toBe('http://127.0.0.1:8899');
    expect(getSolanaNetwork('devnet')?.chain).toBe('solana:devnet');
  });

  it('maps a dApp endpoint to a chain like wallet-adapter does', () => {
    expect(chainForRpcEndpoint('https://api.devnet.solana.com')).toBe('solana:devnet');
    expect(chainForRpcEndpoint('https://api.testnet.solana.com')).toBe('solana:testnet');
    expect(chainForRpcEndpoint('http://127.0.0.1:8899')).toBe('solana:localnet');
    expect(chainForRpcEndpoint('https://my-rpc.example.com')).toBe('solana:mainnet');
  });

  it('validates custom RPCs and checks the genesis hash of the claimed cluster', () => {
    const n = customSolanaNetwork({ id: 'c1', rpcUrl: 'https://rpc.example.com/key', cluster: 'devnet' });
    expect(n).toMatchObject({ chain: 'solana:devnet', custom: true, testnet: true });
    expect(checkGenesisHash(n, 'EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG')).toEqual({ ok: true });
    expect(checkGenesisHash(n, node.genesisHash)).toMatchObject({ ok: false });
    expect(customSolanaNetwork({ id: 'l', rpcUrl: node.url, cluster: 'localnet' }).rpcUrl).toBe(`${node.url}/`);
    expect(() => customSolanaNetwork({ id: 'x', rpcUrl: 'http://rpc.example.com', cluster: 'mainnet-beta' })).toThrow(/https/);
    expect(() => customSolanaNetwork({ id: 'x', rpcUrl: 'https://u:p@rpc.example.com', cluster: 'mainnet-beta' })).toThrow(/credentials/);
    expect(() => customSolanaNetwork({ id: 'x', rpcUrl: 'not a url', cluster: 'mainnet-beta' })).toThrow(SolanaWalletError);
    expect(solanaExplorerUrl(getSolanaNetwork('devnet')!, 'tx', 'abc')).toBe('https://explorer.solana.com/tx/abc?cluster=devnet');
    expect(solanaExplorerUrl(getSolanaNetwork('mainnet-beta')!, 'address', 'abc')).toBe('https://explorer.solana.com/address/abc');
  });

  it('names well-known programs (every id is a valid 32-byte key)', () => {
    expect(programName('TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb')).toBe('Token-2022 Program');
    for (const id of ['JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4', 'metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s', 'whirLbMiicVdio4qvUfM5KAg6Ct8VwpYzGff3uctyCc']) {
      expect(new PublicKey(id).toBase58()).toBe(id);
      expect(programName(id)).toBeDefined();
    }
  });
});
