import { Transaction, p2wpkh, p2tr, Script, RawWitness, OutScript, Address, NETWORK, SigHash } from '@scure/btc-signer';
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
  toSpend.addInput({ txid: new Uint8Array(32), index: 0xffffffff, sequence: 0, finalScriptSig: Script.encode(['OP_0', mh]) });
  toSpend.addOutput({ script: pay.script, amount: 0n });
  console.log('to_spend', toSpend.id);
  const toSign = new Transaction({ version: 0, allowUnknownOutputs: true, allowUnknownVersion: true });
  toSign.addInput({ txid: toSpend.id, index: 0, sequence: 0, witnessUtxo: { script: pay.script, amount: 0n } });
  toSign.addOutput({ script: Script.encode(['RETURN']), amount: 0n });
  console.log('to_sign', toSign.id);
}
