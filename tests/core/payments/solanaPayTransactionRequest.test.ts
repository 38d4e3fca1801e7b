/**
 * Solana Pay transaction requests against a real loopback HTTP server (Node's http, real fetch):
 * GET {label, icon}, POST {account} → {transaction, message}, and the checks on what comes back.
 * Transactions are built and signed by @solana/web3.js (independent of the wallet code), which also
 * reads back the re-blockhashed result. Each failure has its own code: bad JSON, wrong shapes,
 * a transaction the wallet need not sign, a missing or forged merchant signature, a redirect, an
 * oversized answer, an HTTP error, a server that never answers, a link that is not https.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Keypair, PublicKey, SystemProgram, Transaction, TransactionMessage, VersionedTransaction } from '@solana/web3.js';
import {
  checkRequestTransaction,
  fetchTransactionRequestInfo,
  fetchTransactionRequestTransaction,
  readInfoAnswer,
  readTransactionAnswer,
  SolanaPayRequestError,
  withRecentBlockhash,
  type SolanaPayRequestErrorCode,
} from '../../../src/families/solana/core/payTransactionRequest.ts';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
const received: { method: string; path: string; body: string; type: string | undefined }[] = [];
let server: Server;
let base: string;

const wallet = Keypair.generate();
const merchant = Keypair.generate();
const shop = Keypair.generate().publicKey;
const OLD_HASH = new PublicKey(new Uint8Array(32).fill(7)).toBase58();
const NEW_HASH = new PublicKey(new Uint8Array(32).fill(9)).toBase58();

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function legacyPayment(feePayer: PublicKey): Transaction {
  return new Transaction({ feePayer, recentBlockhash: OLD_HASH }).add(SystemProgram.transfer({ fromPubkey: wallet.publicKey, toPubkey: shop, lamports: 12_345 }));
}
const wire = (tx: Transaction): string => tx.serialize({ requireAllSignatures: false, verifySignatures: false }).toString('base64');

async function refused(p: Promise<unknown> | (() => unknown), code: SolanaPayRequestErrorCode, text?: RegExp): Promise<void> {
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(SolanaPayRequestError);
  expect((err as SolanaPayRequestError).code).toBe(code);
  if (text) expect((err as Error).message).toMatch(text);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      received.push({ method: req.method ?? '', path, body, type: req.headers['content-type'] });
      const h = routes.get(`${req.method} ${path}`);
      if (h) h(req, body, res);
      else json(res, 404, { error: 'no route' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('GET: label and icon', () => {
  it('reads the label and an https icon; the wallet sends a plain GET', async () => {
    routes.set('GET /pay', (_q, _b, res) => json(res, 200, { label: 'Tea House', icon: 'https://tea.example/icon.svg' }));
    expect(await fetchTransactionRequestInfo(`${base}/pay`)).toEqual({ label: 'Tea House', icon: 'https://tea.example/icon.svg' });
    expect(received.at(-1)).toMatchObject({ method: 'GET', path: '/pay', body: '' });
  });

  it('refuses a missing label, a non-image or http icon, control characters', () => {
    expect(() => readInfoAnswer({ icon: 'https://a.example/i.png' })).toThrow(/label is not text/);
    expect(() => readInfoAnswer({ label: '  ' })).toThrow(/label is empty/);
    expect(() => readInfoAnswer({ label: 'Shop', icon: 'http://evil.example/i.png' })).toThrow(/icon must be an https URL/);
    expect(() => readInfoAnswer({ label: 'Shop', icon: 'https://a.example/i.exe' })).toThrow(/SVG, PNG or WebP/);
    expect(() => readInfoAnswer({ label: 'Shop\u202Egnp.exe' })).toThrow(/control or text-direction/);
    expect(() => readInfoAnswer(['Shop'])).toThrow(/not a JSON object/);
    expect(readInfoAnswer({ label: 'Shop' })).toEqual({ label: 'Shop' });
  });
});

describe('POST: the transaction for this account', () => {
  it('POSTs exactly {account} as JSON and returns the transaction and message', async () => {
    routes.set('POST /pay', (_q, body, res) => {
      const { account } = JSON.parse(body) as { account: string };
      json(res, 200, { transaction: wire(legacyPayment(new PublicKey(account))), message: 'Thanks for your order #7' });
    });
    const answer = await fetchTransactionRequestTransaction(`${base}/pay`, wallet.publicKey.toBase58());
    const sent = received.at(-1)!;
    expect(sent.method).toBe('POST');
    expect(sent.type).toBe('application/json');
    expect(JSON.parse(sent.body)).toEqual({ account: wallet.publicKey.toBase58() });
    expect(answer.message).toBe('Thanks for your order #7');
    const checked = checkRequestTransaction(answer.transaction, wallet.publicKey.toBase58());
    expect(checked).toMatchObject({ soleSigner: true, feePayer: wallet.publicKey.toBase58() });
  });

  it('a sole-signer transaction takes a fresh blockhash; web3.js reads the same instructions under it (legacy and v0)', () => {
    const legacy = new Uint8Array(legacyPayment(wallet.publicKey).serialize({ requireAllSignatures: false, verifySignatures: false }));
    const fresh = Transaction.from(withRecentBlockhash(legacy, NEW_HASH));
    const before = Transaction.from(legacy);
    expect(fresh.recentBlockhash).toBe(NEW_HASH);
    expect(fresh.instructions).toEqual(before.instructions);
    expect(fresh.feePayer?.toBase58()).toBe(wallet.publicKey.toBase58());

    const msg = new TransactionMessage({ payerKey: wallet.publicKey, recentBlockhash: OLD_HASH, instructions: [SystemProgram.transfer({ fromPubkey: wallet.publicKey, toPubkey: shop, lamports: 5 })] }).compileToV0Message();
    const v0 = new VersionedTransaction(msg).serialize();
    const again = VersionedTransaction.deserialize(withRecentBlockhash(v0, NEW_HASH));
    expect(again.message.recentBlockhash).toBe(NEW_HASH);
    const ixs = (m: typeof msg): unknown => m.compiledInstructions.map((ix) => ({ p: ix.programIdIndex, a: [...ix.accountKeyIndexes], d: [...ix.data] }));
    expect(ixs(again.message as typeof msg)).toEqual(ixs(msg));
    expect(again.message.staticAccountKeys.map(String)).toEqual(msg.staticAccountKeys.map(String));
  });

  it('a merchant that pays the fee and has signed: accepted, its signature checked, blockhash kept', () => {
    const tx = legacyPayment(merchant.publicKey);
    tx.setSigners(merchant.publicKey, wallet.publicKey);
    tx.partialSign(merchant);
    const bytes = new Uint8Array(tx.serialize({ requireAllSignatures: false, verifySignatures: false }));
    const checked = checkRequestTransaction(bytes, wallet.publicKey.toBase58());
    expect(checked).toMatchObject({ soleSigner: false, feePayer: merchant.publicKey.toBase58() });
    expect(() => withRecentBlockhash(bytes, NEW_HASH)).toThrow(/single signer/);
  });

  it('refuses a transaction this wallet need not sign, a merchant signature missing or forged, a slot already filled', async () => {
    const other = Keypair.generate();
    const foreign = new Uint8Array(new Transaction({ feePayer: other.publicKey, recentBlockhash: OLD_HASH }).add(SystemProgram.transfer({ fromPubkey: other.publicKey, toPubkey: shop, lamports: 1 })).serialize({ requireAllSignatures: false, verifySignatures: false }));
    await refused(() => checkRequestTransaction(foreign, wallet.publicKey.toBase58()), 'PAY_REQUEST_NOT_FOR_WALLET', /not among its signers/);

    const unsigned = legacyPayment(merchant.publicKey);
    unsigned.setSigners(merchant.publicKey, wallet.publicKey);
    const noMerchantSig = new Uint8Array(unsigned.serialize({ requireAllSignatures: false, verifySignatures: false }));
    await refused(() => checkRequestTransaction(noMerchantSig, wallet.publicKey.toBase58()), 'PAY_REQUEST_MISSING_SIGNATURE', /fee payer/);

    const signed = legacyPayment(merchant.publicKey);
    signed.setSigners(merchant.publicKey, wallet.publicKey);
    signed.partialSign(merchant);
    const forged = new Uint8Array(signed.serialize({ requireAllSignatures: false, verifySignatures: false }));
    forged[6] = forged[6]! ^ 0xff; // inside the merchant's signature slot (after the 1-byte count)
    await refused(() => checkRequestTransaction(forged, wallet.publicKey.toBase58()), 'PAY_REQUEST_BAD_SIGNATURE', /does not match/);

    const mine = legacyPayment(wallet.publicKey);
    mine.sign(wallet);
    await refused(() => checkRequestTransaction(new Uint8Array(mine.serialize()), wallet.publicKey.toBase58()), 'PAY_REQUEST_BAD_SIGNATURE', /already carries/);

    await refused(() => checkRequestTransaction(new Uint8Array([1, 2, 3]), wallet.publicKey.toBase58()), 'PAY_REQUEST_BAD_TRANSACTION');
  });

  it('refuses malformed answers with a specific error each', async () => {
    const account = wallet.publicKey.toBase58();
    const cases: [Handler, SolanaPayRequestErrorCode, RegExp][] = [
      [(_q, _b, res) => json(res, 200, '{"transaction": '), 'PAY_REQUEST_BAD_JSON', /did not answer with JSON/],
      [(_q, _b, res) => json(res, 200, [1, 2]), 'PAY_REQUEST_BAD_RESPONSE', /not a JSON object/],
      [(_q, _b, res) => json(res, 200, { message: 'hi' }), 'PAY_REQUEST_BAD_RESPONSE', /no transaction/],
      [(_q, _b, res) => json(res, 200, { transaction: '!!not base64!!' }), 'PAY_REQUEST_BAD_TRANSACTION', /base64/],
      [(_q, _b, res) => json(res, 200, { transaction: 'A'.repeat(4000) }), 'PAY_REQUEST_BAD_TRANSACTION', /larger than the network accepts/],
      [(_q, _b, res) => json(res, 200, { transaction: 'AAAA', message: 42 }), 'PAY_REQUEST_BAD_RESPONSE', /message is not text/],
      [(_q, _b, res) => json(res, 500, { error: 'boom' }), 'PAY_REQUEST_HTTP', /HTTP 500/],
      [(_q, _b, res) => json(res, 200, { transaction: 'A'.repeat(100_000) }), 'PAY_REQUEST_TOO_LARGE', /more than 65536 bytes/],
      [
        (_q, _b, res) => {
          res.writeHead(302, { location: 'http://evil.example/pay' });
          res.end();
        },
        'PAY_REQUEST_REDIRECT',
        /redirect/,
      ],
    ];
    for (const [handler, code, text] of cases) {
      routes.set('POST /bad', handler);
      await refused(fetchTransactionRequestTransaction(`${base}/bad`, account), code, text);
    }
  });

  it('a server that never answers times out; an unreachable one is named', async () => {
    routes.set('GET /slow', () => undefined); // never answers
    await refused(fetchTransactionRequestInfo(`${base}/slow`, { timeoutMs: 300 }), 'PAY_REQUEST_TIMEOUT', /did not answer within 0.3 s/);
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));
    await refused(fetchTransactionRequestInfo(`http://127.0.0.1:${port}/pay`), 'PAY_REQUEST_UNREACHABLE', /could not be reached/);
  });

  it('only https links, plain http on this computer only, no credentials; checked before any request', async () => {
    const count = received.length;
    await refused(fetchTransactionRequestInfo('http://shop.example/pay'), 'PAY_LINK_INVALID', /must use https/);
    await refused(fetchTransactionRequestInfo('http://192.168.1.10/pay'), 'PAY_LINK_INVALID', /must use https/);
    await refused(fetchTransactionRequestTransaction('https://user:pw@shop.example/pay', wallet.publicKey.toBase58()), 'PAY_LINK_INVALID', /credentials/);
    await refused(fetchTransactionRequestInfo('ftp://shop.example/pay'), 'PAY_LINK_INVALID');
    await refused(fetchTransactionRequestTransaction(`${base}/pay`, 'not-an-address'), 'PAY_REQUEST_NOT_FOR_WALLET');
    expect(received.length).toBe(count);
  });

  it('readTransactionAnswer keeps a valid message and the exact bytes', () => {
    const tx = wire(legacyPayment(wallet.publicKey));
    const a = readTransactionAnswer({ transaction: tx, message: 'Order 1' });
    expect(Buffer.from(a.transaction).toString('base64')).toBe(tx);
    expect(a.message).toBe('Order 1');
  });
});
