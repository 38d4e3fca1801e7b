import { describe, expect, it } from 'vitest';
import { Transaction } from '@scure/btc-signer';
import { analyzePsbt, decodePsbt, extractPsbtTransaction, signPsbt, type PsbtWallet } from '../../../src/families/bitcoin/core/psbt.ts';
import { BitcoinError } from '../../../src/families/bitcoin/core/errors.ts';
import { ECPair, REGTEST, bitcoin, ecc, fromHex, fundingTx, prevoutMap, prng, regtestWallet, verifyTx, type Prevout } from './helpers.ts';
import { syncCodeOf } from '../../support/errors.ts';

const w = regtestWallet('regtest', 5);
const rand = prng(7);
const ours = w.accounts.p2wpkh.address(0, 0);
const ourChange = w.accounts.p2wpkh.address(1, 0);
const wallet: PsbtWallet = {
  network: 'regtest',
  addresses: [ours, ourChange, w.accounts.p2tr.address(0, 0), w.accounts['p2sh-p2wpkh'].address(0, 0), w.accounts.p2pkh.address(0, 0)],
};
const foreignKey = ECPair.fromPrivateKey(fromHex('42'.repeat(32)), { network: REGTEST });
const foreignPay = bitcoin.payments.p2wpkh({ pubkey: foreignKey.publicKey, network: REGTEST });
const dappAddress = bitcoin.payments.p2wpkh({ pubkey: ECPair.makeRandom({ network: REGTEST, rng: (n = 32) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256)) }).publicKey, network: REGTEST }).address!;

const codeOf = syncCodeOf(BitcoinError, 'no error');

const validator = (pubkey: Uint8Array, msghash: Uint8Array, signature: Uint8Array): boolean => ecc.verify(msghash, pubkey, signature);

interface DappPsbt {
  psbt: bitcoin.Psbt;
  prevouts: Map<string, Prevout>;
}

/** A marketplace-style PSBT: input 0 is the wallet's coin, input 1 the dApp's own coin. */
function dappPsbt(opts: { sighashType?: number } = {}): DappPsbt {
  const f = fundingTx([
    { script: ours.script, value: 60_000 },
    { script: foreignPay.output!, value: 40_000 },
  ]);
  const psbt = new bitcoin.Psbt({ network: REGTEST });
  psbt.addInput({ hash: f.txid, index: 0, witnessUtxo: { script: fromHex(ours.script), value: 60_000n }, ...(opts.sighashType !== undefined ? { sighashType: opts.sighashType } : {}) });
  psbt.addInput({ hash: f.txid, index: 1, witnessUtxo: { script: foreignPay.output!, value: 40_000n } });
  psbt.addOutput({ address: dappAddress, value: 70_000n });
  psbt.addOutput({ address: ourChange.address, value: 29_000n });
  const prevouts = new Map<string, Prevout>([
    [`${f.txid}:0`, { script: fromHex(ours.script), value: 60_000n }],
    [`${f.txid}:1`, { script: foreignPay.output!, value: 40_000n }],
  ]);
  return { psbt, prevouts };
}

describe('PSBT analysis', () => {
  it('lists inputs, outputs, ownership, fee and the net effect', () => {
    const { psbt } = dappPsbt();
    const a = analyzePsbt(psbt.toBase64(), wallet);
    expect(a.psbtVersion).toBe(0);
    expect(a.inputs.map((i) => [i.index, i.value, i.ours, i.address, i.sighashName, i.sighashFlagged])).toEqual([
      [0, 60_000, true, ours.address, 'ALL', false],
      [1, 40_000, false, foreignPay.address, 'ALL', false],
    ]);
    expect(a.inputs[0]!.owner).toMatchObject({ chain: 0, index: 0, scheme: 'p2wpkh' });
    expect(a.outputs.map((o) => [o.address, o.value, o.ours, o.isChange])).toEqual([
      [dappAddress, 70_000, false, false],
      [ourChange.address, 29_000, true, true],
    ]);
    expect(a).toMatchObject({ totalIn: 100_000, totalOut: 99_000, fee: 1_000, spend: 60_000, receive: 29_000, net: -31_000, complete: false });
    expect(a.estimatedVsize).toBe(208); // 2 p2wpkh in, 2 p2wpkh out
    expect(a.feeRate).toBe(4.81);
    expect(a.warnings).toEqual([]);
    // hex and base64 both accepted; garbage is refused
    expect(analyzePsbt(psbt.toHex(), wallet).fee).toBe(1_000);
    expect(codeOf(() => decodePsbt('not a psbt'))).toBe('INVALID_PSBT');
    expect(codeOf(() => decodePsbt('70736274ff00'))).toBe('INVALID_PSBT');
  });

  it('flags sighash types other than ALL/DEFAULT', () => {
    const none = analyzePsbt(dappPsbt({ sighashType: bitcoin.Transaction.SIGHASH_NONE }).psbt.toBase64(), wallet);
    expect(none.inputs[0]).toMatchObject({ sighashType: 2, sighashName: 'NONE', sighashFlagged: true });
    expect(none.warnings).toEqual([expect.objectContaining({ code: 'SIGHASH_NOT_ALL', input: 0 })]);
    const sacp = analyzePsbt(dappPsbt({ sighashType: 0x83 }).psbt.toBase64(), wallet);
    expect(sacp.inputs[0]!.sighashName).toBe('SINGLE|ANYONECANPAY');
    expect(sacp.inputs[0]!.sighashFlagged).toBe(true);
  });
});

describe('PSBT signing for dApps (UniSat toSignInputs semantics)', () => {
  it('signs our input when asked; the dApp signs its own; bitcoinjs-lib verifies the whole transaction', () => {
    const { psbt, prevouts } = dappPsbt();
    const res = signPsbt(psbt.toHex(), wallet, w.keys, { toSignInputs: [{ index: 0, address: ours.address }] });
    expect(res.signedInputs).toEqual([0]);
    expect(res.complete).toBe(false);
    const back = bitcoin.Psbt.fromHex(res.hex, { network: REGTEST });
    expect(back.data.inputs[0]!.finalScriptWitness).toBeDefined();
    expect(back.data.inputs[1]!.finalScriptWitness).toBeUndefined();
    expect(res.base64).toBe(back.toBase64());
    back.signInput(1, foreignKey);
    back.finalizeInput(1);
    const tx = back.extractTransaction();
    const v = verifyTx(tx.toHex(), prevouts);
    expect(v.fee).toBe(1_000n);
    expect(v.inputTypes).toEqual(['p2wpkh', 'p2wpkh']);
  });

  it('by default signs every input of the wallet and nothing else; publicKey also identifies the input', () => {
    const { psbt } = dappPsbt();
    const res = signPsbt(psbt.toBase64(), wallet, w.keys);
    expect(res.signedInputs).toEqual([0]);
    const byKey = signPsbt(psbt.toBase64(), wallet, w.keys, { toSignInputs: [{ index: 0, publicKey: ours.publicKey }], autoFinalized: false });
    const back = bitcoin.Psbt.fromBase64(byKey.base64, { network: REGTEST });
    expect(back.data.inputs[0]!.partialSig).toHaveLength(1);
    expect(back.data.inputs[0]!.finalScriptWitness).toBeUndefined();
    expect(back.validateSignaturesOfInput(0, validator)).toBe(true);
  });

  it('refuses to sign an input that is not the wallet\'s, however it is asked', () => {
    const { psbt } = dappPsbt();
    const hex = psbt.toHex();
    expect(codeOf(() => signPsbt(hex, wallet, w.keys, { toSignInputs: [{ index: 1, address: ours.address }] }))).toBe('PSBT_INPUT_NOT_OURS');
    expect(codeOf(() => signPsbt(hex, wallet, w.keys, { toSignInputs: [{ index: 1, publicKey: Buffer.from(foreignKey.publicKey).toString('hex') }] }))).toBe('PSBT_INPUT_NOT_OURS');
    expect(codeOf(() => signPsbt(hex, wallet, w.keys, { toSignInputs: [{ index: 0, address: ours.address }, { index: 1 }] }))).toBe('PSBT_INPUT_NOT_OURS');
    expect(codeOf(() => signPsbt(hex, wallet, w.keys, { toSignInputs: [{ index: 0, address: ourChange.address }] }))).toBe('PSBT_ADDRESS_MISMATCH');
    expect(codeOf(() => signPsbt(hex, wallet, w.keys, { toSignInputs: [{ index: 0, publicKey: ourChange.publicKey }] }))).toBe('PSBT_ADDRESS_MISMATCH');
    expect(codeOf(() => signPsbt(hex, wallet, w.keys, { toSignInputs: [{ index: 2 }] }))).toBe('PSBT_INDEX_OUT_OF_RANGE');
    expect(codeOf(() => signPsbt(hex, { network: 'regtest', addresses: [] }, w.keys))).toBe('PSBT_NOTHING_TO_SIGN');
    // An address list claiming the foreign script is ours still cannot produce a key for it.
    const lying: PsbtWallet = { network: 'regtest', addresses: [{ ...ours, script: Buffer.from(foreignPay.output!).toString('hex') }] };
    expect(codeOf(() => signPsbt(hex, lying, w.keys, { toSignInputs: [{ index: 1 }] }))).toBe('INVALID_PSBT');
  });

  it('sighash NONE is signed only when the dApp lists it in sighashTypes', () => {
    const { psbt, prevouts } = dappPsbt({ sighashType: bitcoin.Transaction.SIGHASH_NONE });
    expect(codeOf(() => signPsbt(psbt.toHex(), wallet, w.keys, { toSignInputs: [{ index: 0 }] }))).toBe('PSBT_SIGHASH_NOT_ALLOWED');
    expect(codeOf(() => signPsbt(psbt.toHex(), wallet, w.keys))).toBe('PSBT_SIGHASH_NOT_ALLOWED');
    const res = signPsbt(psbt.toHex(), wallet, w.keys, { toSignInputs: [{ index: 0, sighashTypes: [bitcoin.Transaction.SIGHASH_NONE] }] });
    const back = bitcoin.Psbt.fromHex(res.hex, { network: REGTEST });
    back.signInput(1, foreignKey);
    back.finalizeInput(1);
    const tx = back.extractTransaction();
    expect(tx.ins[0]!.witness[0]!.at(-1)).toBe(bitcoin.Transaction.SIGHASH_NONE);
    expect(verifyTx(tx.toHex(), prevouts).fee).toBe(1_000n);
  });

  it('fills in taproot internal key, p2sh redeem script; legacy inputs need their previous transaction', () => {
    const tr = w.accounts.p2tr.address(0, 0);
    const nested = w.accounts['p2sh-p2wpkh'].address(0, 0);
    const legacy = w.accounts.p2pkh.address(0, 0);
    const f = fundingTx([
      { script: tr.script, value: 10_000 },
      { script: nested.script, value: 20_000 },
      { script: legacy.script, value: 30_000 },
    ]);
    const psbt = new bitcoin.Psbt({ network: REGTEST });
    psbt.addInput({ hash: f.txid, index: 0, witnessUtxo: { script: fromHex(tr.script), value: 10_000n } });
    psbt.addInput({ hash: f.txid, index: 1, witnessUtxo: { script: fromHex(nested.script), value: 20_000n } });
    psbt.addInput({ hash: f.txid, index: 2, nonWitnessUtxo: fromHex(f.hex) });
    psbt.addOutput({ address: dappAddress, value: 59_000n });
    const res = signPsbt(psbt.toBase64(), wallet, w.keys);
    expect(res.signedInputs).toEqual([0, 1, 2]);
    expect(res.complete).toBe(true);
    const { hex, txid } = extractPsbtTransaction(res.base64);
    const v = verifyTx(hex, prevoutMap([
      { txid: f.txid, vout: 0, value: 10_000, address: tr },
      { txid: f.txid, vout: 1, value: 20_000, address: nested },
      { txid: f.txid, vout: 2, value: 30_000, address: legacy },
    ]));
    expect(v.txid).toBe(txid);
    expect(v.inputTypes).toEqual(['p2tr', 'p2sh-p2wpkh', 'p2pkh']);
    expect(v.fee).toBe(1_000n);

    // legacy input with only a witnessUtxo: its value cannot be trusted → refused
    const weak = new bitcoin.Psbt({ network: REGTEST });
    weak.addInput({ hash: f.txid, index: 2, witnessUtxo: { script: fromHex(legacy.script), value: 30_000n } });
    weak.addOutput({ address: dappAddress, value: 29_000n });
    expect(codeOf(() => signPsbt(weak.toBase64(), wallet, w.keys))).toBe('PSBT_MISSING_UTXO');
    // script-path signing of a taproot input is not supported
    expect(codeOf(() => signPsbt(psbt.toBase64(), wallet, w.keys, { toSignInputs: [{ index: 0, disableTweakSigner: true }] }))).toBe('PSBT_UNSUPPORTED');
    // a previous transaction that is not the one the outpoint names is refused
    const other = fundingTx([{ script: legacy.script, value: 30_000 }, { script: legacy.script, value: 1 }, { script: legacy.script, value: 30_000 }]);
    const forged = new bitcoin.Psbt({ network: REGTEST });
    forged.addInput({ hash: f.txid, index: 2, nonWitnessUtxo: fromHex(other.hex) });
    forged.addOutput({ address: dappAddress, value: 29_000n });
    expect(codeOf(() => signPsbt(forged.toBase64(), wallet, w.keys))).toBe('INVALID_PSBT');
    expect(codeOf(() => extractPsbtTransaction(psbt.toBase64()))).toBe('PSBT_NOT_FINALIZED');
  });

  it('parses and signs a BIP370 (v2) PSBT and returns v2', () => {
    const { psbt, prevouts } = dappPsbt();
    const v2 = Transaction.fromPSBT(psbt.toBuffer()).toPSBT(2);
    const a = analyzePsbt(v2, wallet);
    expect(a.psbtVersion).toBe(2);
    expect(a.fee).toBe(1_000);
    expect(a.inputs[0]!.ours).toBe(true);
    const res = signPsbt(v2, wallet, w.keys, { toSignInputs: [{ index: 0, address: ours.address }] });
    expect(analyzePsbt(res.hex, wallet).psbtVersion).toBe(2);
    // back to v0 for bitcoinjs-lib, let the dApp sign, verify
    const v0 = bitcoin.Psbt.fromBuffer(Transaction.fromPSBT(fromHex(res.hex)).toPSBT(0), { network: REGTEST });
    v0.signInput(1, foreignKey);
    v0.finalizeInput(1);
    expect(verifyTx(v0.extractTransaction().toHex(), prevouts).fee).toBe(1_000n);
  });
});
