/**
 * Addresses and output scripts: recipient validation with specific error codes (garbage vs a typo
 * in the checksum vs another network), address ⇄ scriptPubKey, the type of an output script and
 * the network an address belongs to. Encoding is @scure/btc-signer; the checks reuse
 * validateBitcoinAddress from address.ts.
 */
import { Address, OutScript } from '@scure/btc-signer';
import { bytesToHex } from '../../../core/derive/bytes.ts';
import { validateBitcoinAddress } from './address.ts';
import { BitcoinError, type BitcoinErrorCode } from './errors.ts';
import { BITCOIN_NETWORKS, btcNetwork } from './networks.ts';

export type BitcoinNetworkName = (typeof BITCOIN_NETWORKS)[number];

/** Output script kinds the wallet understands. p2sh is any script hash (we only spend p2sh-p2wpkh). */
export type OutputType = 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr' | 'op_return' | 'unknown';

export type RecipientCheck =
  | { ok: true; type: OutputType; script: Uint8Array }
  | { ok: false; code: Extract<BitcoinErrorCode, 'INVALID_ADDRESS' | 'INVALID_CHECKSUM' | 'WRONG_NETWORK'>; message: string };

export function isBitcoinNetwork(network: string): network is BitcoinNetworkName {
  return (BITCOIN_NETWORKS as readonly string[]).includes(network);
}

/** Classifies a scriptPubKey. */
export function outputTypeOfScript(script: Uint8Array): OutputType {
  if (script.length > 0 && script[0] === 0x6a) return 'op_return';
  let kind: string;
  try {
    kind = OutScript.decode(script).type;
  } catch {
    return 'unknown';
  }
  switch (kind) {
    case 'pkh':
      return 'p2pkh';
    case 'sh':
      return 'p2sh';
    case 'wpkh':
      return 'p2wpkh';
    case 'wsh':
      return 'p2wsh';
    case 'tr':
      return 'p2tr';
    default:
      return 'unknown';
  }
}

/**
 * Validates a recipient for `network` and returns its output script. Codes: INVALID_ADDRESS (not a
 * Bitcoin address at all / unsupported program), INVALID_CHECKSUM (looks right but a character is
 * wrong), WRONG_NETWORK (valid address of another network, e.g. tb1… on mainnet).
 */
export function checkRecipientAddress(address: string, network: string): RecipientCheck {
  const net = btcNetwork(network);
  const trimmed = typeof address === 'string' ? address.trim() : '';
  const v = validateBitcoinAddress(trimmed, network);
  if (!v.ok) {
    const code = v.reason === 'checksum' ? 'INVALID_CHECKSUM' : v.reason === 'network' ? 'WRONG_NETWORK' : 'INVALID_ADDRESS';
    return { ok: false, code, message: v.message };
  }
  try {
    const script = OutScript.encode(Address(net).decode(trimmed));
    const type = outputTypeOfScript(script);
    if (type === 'unknown' || type === 'op_return') return { ok: false, code: 'INVALID_ADDRESS', message: 'Unsupported Bitcoin address type' };
    return { ok: true, type, script };
  } catch {
    return { ok: false, code: 'INVALID_ADDRESS', message: 'Not a valid Bitcoin address' };
  }
}

/** Output script of a recipient address; throws a BitcoinError with the check's code. */
export function addressToScript(address: string, network: string): Uint8Array {
  const c = checkRecipientAddress(address, network);
  if (!c.ok) throw new BitcoinError(c.code, c.message, { address });
  return c.script;
}

/** Address of a standard output script on `network`, or undefined (OP_RETURN, bare multisig, unknown). */
export function scriptToAddress(script: Uint8Array, network: string): string | undefined {
  const type = outputTypeOfScript(script);
  if (type === 'unknown' || type === 'op_return') return undefined;
  try {
    return Address(btcNetwork(network)).encode(OutScript.decode(script));
  } catch {
    return undefined;
  }
}

/** Lower-case hex of a script, the key used to match outputs against wallet addresses. */
export function scriptKey(script: Uint8Array): string {
  return bytesToHex(script);
}

/**
 * The network whose encoding an address uses: 'mainnet', 'testnet' (also signet, and regtest's
 * base58 forms, which share versions) or 'regtest' (bcrt1…). Undefined when it is not an address.
 */
export function networkOfAddress(address: string): BitcoinNetworkName | undefined {
  const a = address.trim();
  const lower = a.toLowerCase();
  const candidates: BitcoinNetworkName[] = lower.startsWith('bcrt1')
    ? ['regtest']
    : lower.startsWith('bc1')
      ? ['mainnet']
      : lower.startsWith('tb1')
        ? ['testnet']
        : ['mainnet', 'testnet'];
  return candidates.find((n) => validateBitcoinAddress(a, n).ok);
}
