/**
 * Fuzz: 10,000 random provider messages per family (EVM, Bitcoin, Solana, TRON) posted by a page on
 * the bridge channel, through the real content-script relay to the real service worker. Seeded
 * (FUZZ_SEED, default 20261206) and reproducible: the same seed posts the same messages. Bounded:
 * every batch must be answered within a deadline. Checks: no uncaught error or unhandled rejection
 * in the worker, every well-formed message answered, at most one approval window at a time, and the
 * wallet still answers (this page and another site) afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWallet, importWallet, type Wallet } from './support/chromium';
import { startDappServer, type DappServer } from './support/dappServer';
import { approvalPages } from './support/approvals';
import { attack, clickUntil, countWindows, openAttacker, visibleApprovals, waitFor, type Answer } from './support/attacker';
import { DEV_MNEMONIC } from '../support/anvil';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const PER_FAMILY = 10_000;
const BATCH = 500;
const PASSWORD = 'e2e fuzz password 12345';

/** mulberry32: a small seeded PRNG (reproducible runs). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS: Record<string, string[]> = {
  evm: ['eth_chainId', 'eth_accounts', 'eth_requestAccounts', 'personal_sign', 'eth_signTypedData_v4', 'eth_sendTransaction', 'wallet_sendCalls', 'wallet_addEthereumChain', 'wallet_switchEthereumChain', 'wallet_watchAsset', 'wallet_getPermissions', 'wallet_requestPermissions', 'eth_getBalance', 'eth_call', 'eth_sign', 'wallet_getCallsStatus', 'wallet_getProviderState'],
  bitcoin: ['requestAccounts', 'getAccounts', 'getNetwork', 'switchNetwork', 'getPublicKey', 'getBalance', 'signMessage', 'signPsbt', 'signPsbts', 'pushPsbt', 'pushTx', 'sendBitcoin', 'wbip:getAddresses', 'wbip:signPsbt', 'wbip:sendTransfer', 'wbip:wallet_connect'],
  solana: ['connect', 'disconnect', 'state', 'signTransaction', 'signAndSendTransaction', 'signMessage', 'signIn'],
  tron: ['tron_requestAccounts', 'eth_requestAccounts', 'eth_accounts', 'tron_signTransaction', 'tron_multiSign', 'tron_signMessageV2', 'tron_signMessage', 'tron_node', 'mcw_tronState', 'mcw_tronLibraryUrl', 'wallet_switchEthereumChain'],
};

function generator(seed: number): { envelope: (family: string, i: number) => Record<string, unknown>; rnd: () => number } {
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const str = (max: number): string => Array.from({ length: Math.floor(rnd() * max) }, () => String.fromCharCode(32 + Math.floor(rnd() * 95))).join('');
  const hex = (bytes: number): string => `0x${Array.from({ length: bytes }, () => Math.floor(rnd() * 256).toString(16).padStart(2, '0')).join('')}`;
  const value = (depth: number): unknown => {
    const r = rnd();
    if (depth > 3 || r < 0.15) return pick([null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, '', '0x', 'x']);
    if (r < 0.3) return Math.floor(rnd() * 2 ** 32) * (rnd() < 0.5 ? -1 : 1);
    if (r < 0.45) return str(40);
    if (r < 0.6) return hex(Math.floor(rnd() * 80));
    if (r < 0.7) return btoa(str(60));
    if (r < 0.85) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
    const keys = ['from', 'to', 'value', 'data', 'chainId', 'transaction', 'transactions', 'message', 'account', 'input', 'domain', 'address', 'options', 'psbtHex', 'txID', 'raw_data', 'raw_data_hex', 'silent', 'calls', 'id', str(8)];
    return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 5) }, () => [pick(keys), value(depth + 1)]));
  };
  const envelope = (family: string, i: number): Record<string, unknown> => {
    const r = rnd();
    // Mostly well-formed envelopes with hostile params; some broken envelopes and reused ids.
    const id = r < 0.03 ? 42 : r < 0.06 ? `reused-${Math.floor(rnd() * 5)}` : `${family}-${i}`;
    const method = rnd() < 0.85 ? pick(METHODS[family]!) : str(30);
    const params = rnd() < 0.5 ? [value(0), value(0)] : value(0);
    const fam = rnd() < 0.02 ? str(6) : family;
    return { channel: 'mcw:inpage', id, family: fam, method, params };
  };
  return { envelope, rnd };
}

/** True when the relay forwards (and so the wallet must answer) this envelope. */
function wellFormed(e: Record<string, unknown>): boolean {
  return typeof e.id === 'string' && e.id.length > 0 && typeof e.method === 'string' && e.method.length > 0 && e.method.length <= 100 && ['evm', 'bitcoin', 'solana', 'tron', 'aptos', 'polkadot', 'eos'].includes(e.family as string);
}

describe('fuzz: random provider messages through the real relay', () => {
  let wallet: Wallet;
  let server: DappServer;
  let page: Page;

  beforeAll(async () => {
    [server, wallet] = await Promise.all([startDappServer(['attacker']), launchWallet()]);
    await importWallet(wallet, DEV_MNEMONIC, PASSWORD);
    page = await openAttacker(wallet, server.url('attacker'));
    await wallet.worker.evaluate(() => {
      const g = globalThis as unknown as { __fuzzErrors: string[]; addEventListener: (t: string, f: (e: { reason?: unknown; message?: unknown }) => void) => void };
      g.__fuzzErrors = [];
      g.addEventListener('error', (e) => g.__fuzzErrors.push(`error: ${String(e.message)}`));
      g.addEventListener('unhandledrejection', (e) => g.__fuzzErrors.push(`unhandledrejection: ${String(e.reason)}`));
    });
  });

  afterAll(async () => {
    await wallet?.close();
    await server?.stop();
  });

  for (const family of Object.keys(METHODS)) {
    it(`${PER_FAMILY.toLocaleString('en')} ${family} messages (seed ${SEED}): every one answered, one window at most, no uncaught error, still answering`, async () => {
      const gen = generator(SEED + family.length * 7919 + family.charCodeAt(0));
      const windows = countWindows(wallet);
      let maxOpen = 0;
      let expected = 0;
      const start = await attack<number>(page, 'answerCount');
      for (let sent = 0; sent < PER_FAMILY; sent += BATCH) {
        const batch = Array.from({ length: BATCH }, (_, k) => gen.envelope(family, sent + k));
        // Valid envelopes are answered by the wallet; an invalid one with a string id by the relay (-32600).
        expected += batch.filter((e) => wellFormed(e) || (typeof e.id === 'string' && e.id.length <= 100)).length;
        await attack(page, 'postRaw', batch);
        // The user says no to whatever reaches the window (connect prompts the fuzz triggers).
        for (const w of await visibleApprovals(wallet)) await w.getByTestId('reject').click({ timeout: 2_000 }).catch(() => undefined);
        maxOpen = Math.max(maxOpen, approvalPages(wallet).length);
      }
      const answered = async (): Promise<boolean> => (await attack<number>(page, 'answerCount')) - start >= expected;
      const done = await clickUntil(wallet, 'reject', answered, 150_000);
      const got = (await attack<number>(page, 'answerCount')) - start;
      const errors = await wallet.worker.evaluate(() => (globalThis as unknown as { __fuzzErrors: string[] }).__fuzzErrors.slice());
      console.log(`FIGURE fuzz-${family} ${JSON.stringify({ seed: SEED, posted: PER_FAMILY, expectedAnswers: expected, answered: got, windows: windows.opened(), maxOpenAtOnce: maxOpen, workerErrors: errors.length })}`);
      windows.stop();
      expect(errors).toEqual([]);
      expect(done).toBe(true);
      expect(got).toBe(expected); // each posted message answered exactly once (no copy lost, none answered twice)
      expect(maxOpen).toBeLessThanOrEqual(1);
      // Still answering: this page and another site.
      await waitFor(async () => (await visibleApprovals(wallet)).length === 0, 10_000);
      const chain = await attack<Answer | null>(page, 'call', `after-${family}`, 'evm', 'eth_chainId', [], 20_000);
      expect(chain?.result).toMatch(/^0x[0-9a-f]+$/);
      const other = await openAttacker(wallet, server.url('attacker', 'localhost'));
      expect((await attack<Answer | null>(other, 'call', 'other', 'evm', 'eth_accounts', [], 20_000))?.result).toEqual([]);
      await other.close();
    });
  }
});
