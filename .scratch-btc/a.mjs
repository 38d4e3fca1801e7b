import { Transaction, p2wpkh, p2tr, Script, RawWitness, OutScript, Address, NETWORK, SigHash } from "@scure/btc-signer";
import { tagSchnorr, sha256x2 } from '@scure/btc-signer/utils.js';
import { hex, base64, createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
const wif = 'L3VFeEujGtevx9w18HD1fhRbCH67Az2dpCymeRE1SoPK6XQtaN2k';
const priv = createBase58check(sha256).decode(wif).slice(1, 33);
const pub = secp256k1.getPublicKey(priv, true);
const pay = p2wpkh(pub);
console.log(pay.address);
const enc = new TextEncoder();
for (const msg of ['', 'Hello World']) {
  const mh = tagSchnorr('BIP0322-signed-message', enc.encode(msg));
  console.log(hex.encode(mh));
  const toSpend = new Transaction({ version: 0, allowUnknownOutputs: true, allowUnknownVersion: true });
  toSpend.addOutput({ script: pay.script, amount: 0n });
  toSpend.addInput({ txid: new Uint8Array(32), index: 0xffffffff, sequence: 0, finalScriptSig: Script.encode(['OP_0', mh]) });
  console.log('to_spend', toSpend.id);
  const toSign = new Transaction({ version: 0, allowUnknownOutputs: true, allowUnknownVersion: true });
  toSign.addInput({ txid: toSpend.id, index: 0, sequence: 0, witnessUtxo: { script: pay.script, amount: 0n } });
  toSign.addOutput({ script: Script.encode(['RETURN']), amount: 0n });
  console.log('to_sign', toSign.id);
}
import { pubSchnorr, taprootTweakPrivKey, signSchnorr } from '@scure/btc-signer/utils.js';
function build(msg, script) {
  const mh = tagSchnorr('BIP0322-signed-message', enc.encode(msg));
  const toSpend = new Transaction({ version: 0, allowUnknownOutputs: true, allowUnknownVersion: true });
  toSpend.addOutput({ script, amount: 0n });
  toSpend.addInput({ txid: new Uint8Array(32), index: 0xffffffff, sequence: 0, finalScriptSig: Script.encode(['OP_0', mh]) });
  const toSign = new Transaction({ version: 0, allowUnknownOutputs: true, allowUnknownVersion: true });
  toSign.addInput({ txid: toSpend.id, index: 0, sequence: 0, witnessUtxo: { script, amount: 0n } });
  toSign.addOutput({ script: Script.encode(['RETURN']), amount: 0n });
  return toSign;
}
const lowR = (sig) => sig.r < (1n << 255n);
for (const msg of ['', 'Hello World']) {
  const t = build(msg, pay.script);
  const h = t.preimageWitnessV0(0, OutScript.encode({ type: 'pkh', hash: pay.hash }), 1, 0n);
  let s = secp256k1.sign(h, priv, { prehash: false, format: 'recovered' });
  let sig = secp256k1.Signature.fromBytes(secp256k1.sign(h, priv, { prehash: false }));
  const plain = sig;
  let c = 1;
  while (!lowR(sig)) { const e = new Uint8Array(32); new DataView(e.buffer).setUint32(0, c++, true); sig = secp256k1.Signature.fromBytes(secp256k1.sign(h, priv, { prehash: false, extraEntropy: e })); }
  for (const sg of [sig, plain]) console.log(msg, base64.encode(RawWitness.encode([new Uint8Array([...sg.toBytes('der'), 1]), pub])));
}
const tr = p2tr(pub.subarray(1));
console.log(tr.address);
const t = build('Hello World', tr.script);
t.updateInput(0, { tapInternalKey: pub.subarray(1) });
const h = t.preimageWitnessV1(0, [tr.script], 1, [0n]);
const sigv = base64.decode('AUHd69PrJQEv+oKTfZ8l+WROBHuy9HKrbFCJu7U1iK2iiEy1vMU5EfMtjc+VSHM7aU0SDbak5IUZRVno2P5mjSafAQ==');
console.log(sigv.length, secp256k1.schnorr ? 'n' : '', (await import('@noble/curves/secp256k1.js')).schnorr.verify(sigv.slice(2, 66), h, tr.tweakedPubkey));
