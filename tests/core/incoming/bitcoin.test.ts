/**
 * Incoming Bitcoin payments from Esplora's /address/:a/txs JSON. The transactions are real ones
 * built and signed with bitcoinjs-lib (independent of the wallet's btc-signer), written in the
 * shape Esplora serves (vin[].prevout, vout[].scriptpubkey_address, status).
 */
import { describe, expect, it } from 'vitest';
import { incomingFromEsplora } from '../../../src/families/bitcoin/core/incoming';
import { bitcoin, ECPair, REGTEST, regtestWallet } from '../bitcoin/helpers';

const me = regtestWallet('regtest').accounts.p2wpkh;
const myReceive = me.address(0, 0).address;
const myChange = me.address(1, 0).address;
const stranger = ECPair.makeRandom({ network: REGTEST });
const strangerAddr = bitcoin.payments.p2wpkh({ pubkey: Buffer.from(stranger.publicKey), network: REGTEST }).address!;

/** Esplora's JSON for a transaction spending `inputs` (with their prevouts) to `outputs`. */
function esploraTx(inputs: Array<{ address: string; value: number }>, outputs: Array<{ address: string; value: number }>, status: Record<string, unknown>): Record<string, unknown> {
  const tx = new bitcoin.Transaction();
  inputs.forEach((_, i) => tx.addInput(Buffer.alloc(32, i + 1), 0));
  for (const o of outputs) tx.addOutput(bitcoin.address.toOutputScript(o.address, REGTEST), BigInt(o.value));
  return {
    txid: tx.getId(),
    vin: inputs.map((i, k) => ({ txid: Buffer.alloc(32, k + 1).toString('hex'), vout: 0, prevout: { scriptpubkey: Buffer.from(bitcoin.address.toOutputScript(i.address, REGTEST)).toString('hex'), scriptpubkey_address: i.address, value: i.value }, is_coinbase: false })),
    vout: outputs.map((o) => ({ scriptpubkey: Buffer.from(bitcoin.address.toOutputScript(o.address, REGTEST)).toString('hex'), scriptpubkey_address: o.address, value: o.value })),
    status,
  };
}

describe('incomingFromEsplora', () => {
  const mine = new Set([myReceive, myChange]);

  it('a confirmed payment: amount, sender, time, status', () => {
    const tx = esploraTx([{ address: strangerAddr, value: 90_000 }], [{ address: myReceive, value: 50_000 }, { address: strangerAddr, value: 39_000 }], { confirmed: true, block_height: 101, block_time: 1_700_000_101 });
    expect(incomingFromEsplora([tx], mine)).toEqual([{ hash: tx.txid, from: strangerAddr, to: myReceive, value: 50_000n, token: null, status: 'confirmed', time: 1_700_000_101_000 }]);
  });

  it('a mempool payment is pending with no time; two outputs to the wallet add up', () => {
    const tx = esploraTx([{ address: strangerAddr, value: 90_000 }], [{ address: myReceive, value: 10_000 }, { address: myChange, value: 20_000 }], { confirmed: false });
    const [t] = incomingFromEsplora([tx], mine);
    expect(t).toMatchObject({ value: 30_000n, status: 'pending', time: null });
  });

  it('the wallet’s own send (its change comes back) is not a payment', () => {
    const tx = esploraTx([{ address: myReceive, value: 50_000 }], [{ address: strangerAddr, value: 20_000 }, { address: myChange, value: 29_000 }], { confirmed: true, block_time: 1 });
    expect(incomingFromEsplora([tx], mine)).toEqual([]);
  });

  it('a transaction reported for two addresses is listed once; others’ transactions and malformed entries are skipped', () => {
    const tx = esploraTx([{ address: strangerAddr, value: 90_000 }], [{ address: myReceive, value: 50_000 }], { confirmed: true, block_time: 5 });
    const other = esploraTx([{ address: strangerAddr, value: 90_000 }], [{ address: strangerAddr, value: 50_000 }], { confirmed: true });
    const bad = [null, 1, { txid: 'zz', vin: [], vout: [], status: {} }, { ...tx, txid: 'a'.repeat(64), vout: [{ scriptpubkey_address: myReceive, value: -5 }] }, { ...tx, txid: 'b'.repeat(64), status: undefined }];
    const out = incomingFromEsplora([tx, tx, other, ...bad], mine);
    expect(out.map((t) => t.hash)).toEqual([tx.txid]);
  });
});
