/**
 * Shared setup for the TRON core tests: wallet accounts from the project's deriver (secret key
 * bytes for the wallet, hex for tronweb's independent checks) and a tronweb signature check.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { TronWeb, utils } from 'tronweb';
import { TEST_MNEMONIC, testKeypair } from '../../support/testAccounts.ts';

/** The phrase these accounts come from (the TRON and EOS e2e tests restore it in the wallet). */
export const MNEMONIC = TEST_MNEMONIC;

/** Sun in one TRX. */
export const TRX = 1_000_000n;

export interface TronTestAccount {
  address: string;
  hexAddress: string;
  secretKey: Uint8Array;
  privateKeyHex: string;
}

export function tronAccount(index: number): TronTestAccount {
  const a = testKeypair('tron', index);
  return { address: a.address, hexAddress: TronWeb.address.toHex(a.address).toLowerCase(), secretKey: a.secretKey, privateKeyHex: bytesToHex(a.secretKey) };
}

/** tronweb's own recovery of a transaction signature (41-hex address, lower case). */
export function tronwebSigner(txID: string, signature: string): string {
  return utils.crypto.ecRecover(txID, signature).toLowerCase();
}

/** What tronweb itself would put in `signature` for this transaction and key (lower-cased: tronweb writes v in upper case). */
export function tronwebSignature(tx: { txID: string; raw_data: unknown; raw_data_hex: string }, privateKeyHex: string): string {
  const copy = JSON.parse(JSON.stringify(tx)) as { txID: string; signature?: string[] };
  delete copy.signature;
  return ((utils.crypto.signTransaction(privateKeyHex, copy) as unknown as { signature: string[] }).signature[0] as string).toLowerCase();
}
