/**
 * Bitcoin end to end: real Chromium with the built extension, a loopback Esplora-shaped server
 * (regtest) holding coins the test creates, and a test dApp that drives `window.unisat` and
 * `@sats-connect/core`. Every signature the wallet returns is checked in Node by the core's
 * verifier and independently with bitcoinjs-lib / @bitcoinerlab/secp256k1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { launchWallet, type Wallet, importWallet } from './support/chromium';
import { corsProxy } from './support/corsProxy';
import { approvalPages as pagesOfApproval, decide as decideIn } from './support/approvals';
import { startDappServer, type DappServer } from './support/dappServer';
import { FakeEsplora } from '../core/bitcoin/esploraServer';
import { bitcoin, ecc, foreignAddress, fromHex, fundingTx, MNEMONIC, REGTEST, regtestWallet, verifyTx } from '../core/bitcoin/helpers';
import { verifyBitcoinMessage } from '../../src/families/bitcoin/core/message';
import bitcore from 'bitcore-lib';
import bitcoinMessage from 'bitcoinjs-message';
import { openDapp, setStorage } from './support/flows';

const PASSWORD = 'e2e bitcoin password 123';
const PROVIDER_ID = 'MultichainWallet.BitcoinProvider';

type CallResult = { result?: unknown; error?: { code: number; message: string } };
type ScResult = { status: 'success' | 'error' | 'thrown'; result?: unknown; error?: { code: number; message: string }; message?: string };

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');


/** Independent legacy message check: recover the key from the compact signature with @bitcoinerlab/secp256k1. */
function independentEcdsaCheck(message: string, signatureB64: string, expectedPubHex: string): boolean {
  const sig = Buffer.from(signatureB64, 'base64');
  if (sig.length !== 65) return false;
  const recid = (sig[0]! - 27) & 3;
  const magic = Buffer.from('\x18Bitcoin Signed Message:\n', 'latin1');
  const m = Buffer.from(message, 'utf8');
  const hash = bitcoin.crypto.hash256(Buffer.concat([magic, Buffer.from([m.length]), m]));
  const pub = ecc.recover(hash, sig.subarray(1), recid as 0 | 1 | 2 | 3, true);
  return !!pub && hex(pub) === expectedPubHex;
}

/** Independent BIP-322 simple check for p2wpkh, rebuilding to_spend/to_sign with bitcoinjs-lib. */
function independentBip322Check(message: string, signatureB64: string, script: Uint8Array): boolean {
  const tag = bitcoin.crypto.sha256(Buffer.from('BIP0322-signed-message'));
  const msgHash = bitcoin.crypto.sha256(Buffer.concat([tag, tag, Buffer.from(message, 'utf8')]));
  const toSpend = new bitcoin.Transaction();
  toSpend.version = 0;
  toSpend.addInput(new Uint8Array(32), 0xffffffff, 0, bitcoin.script.compile([bitcoin.opcodes.OP_0, msgHash]));
  toSpend.addOutput(script, 0n);
  const toSign = new bitcoin.Transaction();
  toSign.version = 0;
  toSign.addInput(toSpend.getHash(), 0, 0);
  toSign.addOutput(bitcoin.script.compile([bitcoin.opcodes.OP_RETURN]), 0n);
  // The simple signature is the consensus-encoded witness stack.
  const raw = Buffer.from(signatureB64, 'base64');
  let off = 0;
  const n = raw[off++]!;
  const stack: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const len = raw[off++]!;
    stack.push(raw.subarray(off, off + len));
    off += len;
  }
  if (stack.length !== 2) return false;
  const [sigWithType, pub] = stack as [Buffer, Buffer];
  if (hex(bitcoin.crypto.hash160(pub)) !== hex(script.subarray(2))) return false;
  const code = bitcoin.script.compile([bitcoin.opcodes.OP_DUP, bitcoin.opcodes.OP_HASH160, script.subarray(2), bitcoin.opcodes.OP_EQUALVERIFY, bitcoin.opcodes.OP_CHECKSIG]);
  const h = toSign.hashForWitnessV0(0, code, 0n, sigWithType[sigWithType.length - 1]!);
  const { signature } = bitcoin.script.signature.decode(sigWithType);
  return ecc.verify(h, pub, signature, true);
}

describe('Bitcoin provider end to end', () => {
  let wallet: Wallet;
  let server: DappServer;
  let esplora: FakeEsplora;
  let proxy: { url: string; server: Server };
  let page: Page;
  const account = regtestWallet('regtest').accounts.p2wpkh.address(0, 0);
  const coins: Array<{ txid: string; vout: number; value: number }> = [];
  let signedPsbtHex = '';

  const dapp = <T = CallResult>(fn: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(({ fn, args }) => (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).dapp![fn]!(...args), { fn, args }) as Promise<T>;
  const unisat = (method: string, ...args: unknown[]): Promise<CallResult> => dapp('unisat', method, ...args);
  const sc = (method: string, params: unknown): Promise<ScResult> => dapp<ScResult>('sc', method, params);
  const approvalPages = (): Page[] => pagesOfApproval(wallet);

  const decide = (approve: boolean, check?: (w: Page) => Promise<void>): Promise<void> => decideIn(wallet, `127.0.0.1:${server.port}`, approve, check);

  /** A PSBT (bitcoinjs-lib) spending the given coins (witnessUtxo) to one foreign output. */
  function buildPsbt(inputs: Array<{ txid: string; vout: number; value: number; script: Uint8Array }>, pay: number): bitcoin.Psbt {
    const psbt = new bitcoin.Psbt({ network: REGTEST });
    for (const i of inputs) psbt.addInput({ hash: i.txid, index: i.vout, witnessUtxo: { script: i.script, value: BigInt(i.value) } });
    psbt.addOutput({ address: foreignAddress('p2wpkh'), value: BigInt(pay) });
    return psbt;
  }

  beforeAll(async () => {
    esplora = new FakeEsplora();
    await esplora.start();
    proxy = await corsProxy(esplora.baseUrl);
    const funding = fundingTx([
      { script: account.script, value: 100_000 },
      { script: account.script, value: 50_000 },
    ]);
    esplora.addTx(funding.hex, true);
    coins.push({ txid: funding.txid, vout: 0, value: 100_000 }, { txid: funding.txid, vout: 1, value: 50_000 });

    [server, wallet] = await Promise.all([startDappServer(['btc-dapp']), launchWallet()]);
    await setStorage(wallet, { bitcoin: { network: 'regtest', esploraUrl: { regtest: proxy.url } } });
    await importWallet(wallet, MNEMONIC, PASSWORD);
    page = await openDapp(wallet, server.url('btc-dapp'));
  });

  afterAll(async () => {
    await wallet?.close();
    await server?.stop();
    await new Promise((r) => proxy?.server.close(() => r(undefined)));
    await esplora?.stop();
  });

  it('injects window.unisat and registers a WBIP004 provider in btc_providers', async () => {
    expect(await dapp('hasUnisat')).toBe(true);
    const providers = await dapp<Array<{ id: string; name: string; iconIsDataUri: boolean }>>('providers');
    expect(providers).toContainEqual({ id: PROVIDER_ID, name: 'Multichain Wallet', iconIsDataUri: true });
  });

  it('gives no accounts and refuses signing before connect (4100)', async () => {
    expect(await unisat('getAccounts')).toEqual({ result: [] });
    expect((await unisat('signMessage', 'hi', 'ecdsa')).error?.code).toBe(4100);
    expect((await unisat('getBalance')).error?.code).toBe(4100);
    expect((await unisat('getInscriptions', 0, 10)).error?.code).toBe(4100);
    const r = await sc('wallet_getAccount', null);
    expect(r.status).toBe('error');
    expect(r.error?.code).toBe(-32002);
  });

  it('a rejected requestAccounts yields 4001', async () => {
    const pending = unisat('requestAccounts');
    await decide(false);
    expect((await pending).error?.code).toBe(4001);
  });

  it('requestAccounts connects after approval; network, public key and balance follow', async () => {
    await dapp('listen');
    const pending = unisat('requestAccounts');
    await decide(true, async (w) => {
      expect(await w.getByTestId('approval-details').textContent()).toContain(account.address);
    });
    expect((await pending).result).toEqual([account.address]);
    expect(await unisat('getAccounts')).toEqual({ result: [account.address] });
    expect(await unisat('getNetwork')).toEqual({ result: 'regtest' });
    expect(await unisat('getPublicKey')).toEqual({ result: account.publicKey });
    expect(await unisat('getBalance')).toEqual({ result: { confirmed: 150_000, unconfirmed: 0, total: 150_000 } });
    // The documented page shape; this wallet tracks no inscriptions.
    expect(await unisat('getInscriptions', 0, 10)).toEqual({ result: { total: 0, list: [] } });
    expect(await unisat('getInscriptions')).toEqual({ result: { total: 0, list: [] } });
    const events = await dapp<Array<{ event: string; data: unknown }>>('events');
    expect(events).toContainEqual({ event: 'accountsChanged', data: [account.address] });
  });

  it('signMessage (ecdsa and bip322-simple) returns signatures that verify', async () => {
    const msg = 'Sign in to the btc e2e dApp: nonce 42';
    const p1 = unisat('signMessage', msg, 'ecdsa');
    await decide(true, async (w) => {
      expect(await w.getByTestId('approval-details').textContent()).toContain(msg);
    });
    const ecdsa = (await p1).result as string;
    expect(verifyBitcoinMessage(msg, account.address, ecdsa)).toBe(true);
    expect(independentEcdsaCheck(msg, ecdsa, account.publicKey)).toBe(true);
    expect(verifyBitcoinMessage('another message', account.address, ecdsa)).toBe(false);
    // UniSat's header: compressed-key P2PKH (31-34), not the BIP-137 segwit 39-42.
    const header = Buffer.from(ecdsa, 'base64')[0]!;
    expect(header).toBeGreaterThanOrEqual(31);
    expect(header).toBeLessThanOrEqual(34);
    // bitcore-lib (what UniSat's SDK verifies with): recovers this key and verifies against its P2PKH address.
    const p2pkh = new bitcore.PublicKey(account.publicKey).toAddress(bitcore.Networks.testnet).toString();
    expect(new bitcore.Message(msg).verify(p2pkh, ecdsa)).toBe(true);
    expect(new bitcore.Message(msg).recoverPublicKey(p2pkh, ecdsa)).toBe(account.publicKey);
    expect(new bitcore.Message('another message').verify(p2pkh, ecdsa)).toBe(false);
    // bitcoinjs-message: the P2PKH address, and the segwit address itself (Electrum-style check).
    expect(bitcoinMessage.verify(msg, p2pkh, ecdsa)).toBe(true);
    expect(bitcoinMessage.verify(msg, account.address, ecdsa, undefined, true)).toBe(true);
    expect(bitcoinMessage.verify('another message', account.address, ecdsa, undefined, true)).toBe(false);

    const p2 = unisat('signMessage', msg, 'bip322-simple');
    await decide(true);
    const bip322 = (await p2).result as string;
    expect(verifyBitcoinMessage(msg, account.address, bip322)).toBe(true);
    expect(independentBip322Check(msg, bip322, fromHex(account.script))).toBe(true);
  });

  it('signPsbt signs the wallet input after approval; bitcoinjs-lib verifies the transaction', async () => {
    const psbt = buildPsbt([{ ...coins[0]!, script: fromHex(account.script) }], 99_000);
    const pending = unisat('signPsbt', psbt.toHex(), { autoFinalized: true, toSignInputs: [{ index: 0, address: account.address }] });
    await decide(true, async (w) => {
      const details = (await w.getByTestId('approval-details').textContent()) ?? '';
      expect(details).toContain('100000 sats');
      expect(details).toContain('1000 sats');
      expect(details).toContain(`${coins[0]!.txid}:0`);
    });
    const r = await pending;
    expect(r.error).toBeUndefined();
    signedPsbtHex = r.result as string;
    const signed = bitcoin.Psbt.fromHex(signedPsbtHex, { network: REGTEST });
    const tx = signed.extractTransaction();
    const verified = verifyTx(tx.toHex(), esplora.prevouts());
    expect(verified.fee).toBe(1000n);
    expect(verified.inputTypes).toEqual(['p2wpkh']);
  });

  it('pushPsbt broadcasts the signed PSBT', async () => {
    const r = await unisat('pushPsbt', signedPsbtHex);
    expect(r.error).toBeUndefined();
    const txid = bitcoin.Psbt.fromHex(signedPsbtHex, { network: REGTEST }).extractTransaction().getId();
    expect(r.result).toBe(txid);
    expect(esplora.txs.has(txid)).toBe(true);
  });

  it('a PSBT asking to sign an input the wallet does not own is refused, with no approval window', async () => {
    const foreignScript = bitcoin.address.toOutputScript(foreignAddress('p2wpkh'), REGTEST);
    const f = fundingTx([{ script: foreignScript, value: 70_000 }]);
    esplora.addTx(f.hex, true);
    const psbt = buildPsbt(
      [
        { ...coins[1]!, script: fromHex(account.script) },
        { txid: f.txid, vout: 0, value: 70_000, script: foreignScript },
      ],
      100_000,
    );
    const before = approvalPages().length;
    const r = await unisat('signPsbt', psbt.toHex(), { toSignInputs: [{ index: 1, address: account.address }] });
    expect(r.error?.code).toBe(-32602);
    expect(r.error?.message).toMatch(/not this wallet's|refusing/i);
    const r2 = await unisat('signPsbt', psbt.toHex(), { toSignInputs: [{ index: 0 }, { index: 1 }] });
    expect(r2.error?.code).toBe(-32602);
    expect(r2.error?.message).toMatch(/input 1/i);
    await page.waitForTimeout(300);
    expect(approvalPages().filter((p) => !p.isClosed()).length).toBeLessThanOrEqual(before);
    // Nothing was queued for the user either.
    const queued = await wallet.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return ((await c.storage.session.get('approvals')).approvals as unknown[] | undefined) ?? [];
    });
    expect(queued).toEqual([]);
  });

  it('signPsbts asks once per PSBT and returns every signed PSBT', async () => {
    const a = buildPsbt([{ ...coins[1]!, script: fromHex(account.script) }], 49_500);
    const b = buildPsbt([{ ...coins[1]!, script: fromHex(account.script) }], 49_400);
    const pending = unisat('signPsbts', [a.toHex(), b.toHex()], [{ autoFinalized: true }, { autoFinalized: true }]);
    await decide(true);
    await page.waitForTimeout(200);
    await decide(true);
    const r = await pending;
    expect(r.error).toBeUndefined();
    const [sa, sb] = r.result as string[];
    expect(verifyTx(bitcoin.Psbt.fromHex(sa!, { network: REGTEST }).extractTransaction().toHex(), esplora.prevouts()).fee).toBe(500n);
    expect(verifyTx(bitcoin.Psbt.fromHex(sb!, { network: REGTEST }).extractTransaction().toHex(), esplora.prevouts()).fee).toBe(600n);
  });

  it('a rejected signPsbt yields 4001', async () => {
    const psbt = buildPsbt([{ ...coins[1]!, script: fromHex(account.script) }], 49_000);
    const pending = unisat('signPsbt', psbt.toHex());
    await decide(false);
    expect((await pending).error?.code).toBe(4001);
  });

  it('@sats-connect/core finds the provider by id, gets accounts and signs messages', async () => {
    const accounts = await sc('getAccounts', { purposes: ['payment'] });
    expect(accounts.status).toBe('success');
    expect(accounts.result).toEqual([{ address: account.address, publicKey: account.publicKey, purpose: 'payment', addressType: 'p2wpkh', walletType: 'software' }]);
    const conn = await sc('wallet_getAccount', null);
    expect(conn.status).toBe('success');

    const msg = 'sats-connect hello';
    const p1 = sc('signMessage', { address: account.address, message: msg, protocol: 'ECDSA' });
    await decide(true);
    const r1 = await p1;
    expect(r1.status).toBe('success');
    const s1 = r1.result as { signature: string; protocol: string; address: string };
    expect(s1.protocol).toBe('ECDSA');
    expect(verifyBitcoinMessage(msg, account.address, s1.signature)).toBe(true);
    expect(independentEcdsaCheck(msg, s1.signature, account.publicKey)).toBe(true);

    const p2 = sc('signMessage', { address: account.address, message: msg, protocol: 'BIP322' });
    await decide(true);
    const s2 = (await p2).result as { signature: string; protocol: string };
    expect(s2.protocol).toBe('BIP322');
    expect(independentBip322Check(msg, s2.signature, fromHex(account.script))).toBe(true);

    const p3 = sc('signMessage', { address: account.address, message: msg });
    await decide(false);
    const r3 = await p3;
    expect(r3.status).toBe('error');
    expect(r3.error?.code).toBe(-32000);
  });

  it('sats-connect signPsbt signs the wallet input (base64) and refuses foreign addresses', async () => {
    const psbt = buildPsbt([{ ...coins[1]!, script: fromHex(account.script) }], 48_000);
    const foreign = await sc('signPsbt', { psbt: psbt.toBase64(), signInputs: { [foreignAddress('p2wpkh')]: [0] } });
    expect(foreign.status).toBe('error');
    expect(foreign.error?.code).toBe(-32602);
    const pending = sc('signPsbt', { psbt: psbt.toBase64(), signInputs: { [account.address]: [0] } });
    await decide(true);
    const r = await pending;
    expect(r.status).toBe('success');
    const signed = bitcoin.Psbt.fromBase64((r.result as { psbt: string }).psbt, { network: REGTEST });
    // Not finalized (no broadcast asked): the partial signature verifies under bitcoinjs-lib.
    expect(signed.validateSignaturesOfInput(0, (pub, msghash, sig) => ecc.verify(msghash, pub, sig))).toBe(true);
    signed.finalizeAllInputs();
    expect(verifyTx(signed.extractTransaction().toHex(), esplora.prevouts()).fee).toBe(2000n);
  });

  it('sendBitcoin plans, shows amount/fee/vsize, signs and broadcasts after approval', async () => {
    const to = foreignAddress('p2tr');
    const pending = unisat('sendBitcoin', to, 20_000, { feeRate: 3 });
    let shown = '';
    await decide(true, async (w) => {
      shown = (await w.getByTestId('approval-details').textContent()) ?? '';
      expect(shown).toContain(to);
      expect(shown).toContain('20000 sats');
    });
    const r = await pending;
    expect(r.error).toBeUndefined();
    const txid = r.result as string;
    const rec = esplora.txs.get(txid);
    expect(rec).toBeDefined();
    const verified = verifyTx(rec!.hex, esplora.prevouts());
    expect(verified.outputs.find((o) => o.address === to)?.value).toBe(20_000n);
    expect(shown).toContain(`${verified.fee} sats`);
    expect(verified.fee).toBeGreaterThanOrEqual(BigInt(verified.vsize * 3));
  });

  it('switchNetwork asks, then networkChanged/accountsChanged carry the new network and address', async () => {
    const testnetAccount = regtestWallet('testnet').accounts.p2wpkh.address(0, 0);
    const pending = unisat('switchNetwork', 'testnet');
    await decide(true);
    expect(await pending).toEqual({ result: 'testnet' });
    expect(await unisat('getAccounts')).toEqual({ result: [testnetAccount.address] });
    expect(await unisat('getChain')).toEqual({ result: { enum: 'BITCOIN_TESTNET', name: 'Bitcoin Testnet', network: 'testnet' } });
    const events = await dapp<Array<{ event: string; data: unknown }>>('events');
    expect(events).toContainEqual({ event: 'networkChanged', data: 'testnet' });
    expect(events).toContainEqual({ event: 'accountsChanged', data: [testnetAccount.address] });
    const back = unisat('switchNetwork', 'regtest');
    await decide(true);
    expect(await back).toEqual({ result: 'regtest' });
    expect(await unisat('getAccounts')).toEqual({ result: [account.address] });
  });

  it('bad params are -32602 and unknown methods 4200, without a window', async () => {
    expect((await unisat('signMessage', 'x', 'schnorr')).error?.code).toBe(-32602);
    expect((await unisat('signPsbt', 'not a psbt')).error?.code).toBe(-32602);
    expect((await unisat('sendBitcoin', 'not-an-address', 1000)).error?.code).toBe(-32602);
    expect((await unisat('sendBitcoin', account.address, -5)).error?.code).toBe(-32602);
    expect((await unisat('getInscriptions', -1, 10)).error?.message).toMatch(/cursor must be an integer/);
    expect((await unisat('getInscriptions', 0, 0)).error?.message).toMatch(/size must be an integer from 1 to 100/);
    const unknown = await page.evaluate(() => (window as unknown as { unisat: { inscribeTransfer?: unknown } }).unisat.inscribeTransfer);
    expect(unknown).toBeUndefined();
  });
});
