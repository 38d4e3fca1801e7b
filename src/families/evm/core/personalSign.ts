/**
 * personal_sign (EIP-191 0x45): parameters [message, address], tolerating the legacy swapped order
 * exactly as MetaMask does (first looks like an address and the second does not); the message as
 * hex bytes or UTF-8 text; a display form (text when it decodes cleanly, hex otherwise); danger
 * flags for a 32-byte hash or a serialized transaction (R12) and SIWE checks (R11); signing with
 * viem. eth_sign is refused (4200).
 */
import { parseTransaction, stringToHex, type Address, type Hex } from 'viem';
import { signMessage as viemSignMessage } from 'viem/accounts';
import type { RiskWarning } from '../../../core/risk/types.ts';
import { invalidParams, PROVIDER_ERROR_CODES, ProviderRpcError } from './errors.ts';
import { analyzeSiwe, type SiweMessage, type SiweWarning } from './siwe.ts';
import { privateKeyHex, readAddress, resemblesAddress, type PrivateKeyInput } from './validate.ts';

/** Largest personal_sign message accepted (bytes). */
export const MAX_PERSONAL_MESSAGE_BYTES = 64 * 1024;

export type MessageDisplay = { kind: 'text'; text: string } | { kind: 'hex'; hex: Hex; byteLength: number };

export type PersonalSignCode = 'RAW_HASH_SIGNING' | 'SERIALIZED_TRANSACTION' | 'PARAMS_SWAPPED';

export type PersonalSignWarning = RiskWarning<PersonalSignCode> | SiweWarning;

export interface PersonalSignRequest {
  address: Address;
  /** The exact bytes signed (EIP-191 prefix added by the signer). */
  message: Hex;
  /** The dApp used the legacy [address, message] order. */
  swapped: boolean;
  display: MessageDisplay;
  siwe?: SiweMessage;
  warnings: PersonalSignWarning[];
}

export interface PersonalSignContext {
  /** Requesting origin (from the browser). */
  origin: string;
  chainId: number;
  now?: number;
}

const HEX_BYTES_RE = /^0x(?:[0-9a-fA-F]{2})*$/;

/** MetaMask's rule: a 0x string of whole bytes is raw data, anything else is UTF-8 text. */
export function messageToHex(message: string): Hex {
  return HEX_BYTES_RE.test(message) ? (message.toLowerCase() as Hex) : stringToHex(message);
}

/** UTF-8 text if the bytes decode cleanly and contain no control characters besides \t \n \r. */
export function displayMessage(message: Hex): MessageDisplay {
  const bytes = new Uint8Array((message.length - 2) / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(message.slice(2 + i * 2, 4 + i * 2), 16);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    if (text.length > 0 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text)) return { kind: 'text', text };
  } catch {
    // not UTF-8
  }
  return { kind: 'hex', hex: message, byteLength: bytes.length };
}

function looksLikeSerializedTx(message: Hex): boolean {
  if (message.length < 10) return false;
  const first = parseInt(message.slice(2, 4), 16);
  if (!(first <= 0x04 || first >= 0xc0)) return false;
  try {
    parseTransaction(message);
    return true;
  } catch {
    return false;
  }
}

/**
 * personal_sign params → the request to approve. The address must be permitted for the origin
 * (checked by the caller); here it only has to be well-formed.
 */
export function parsePersonalSign(params: unknown, ctx: PersonalSignContext): PersonalSignRequest {
  if (!Array.isArray(params) || params.length < 2 || params.length > 3) throw invalidParams('personal_sign expects [message, address]');
  let [first, second] = params as [unknown, unknown];
  if (typeof first !== 'string' || typeof second !== 'string') throw invalidParams('personal_sign expects [message: string, address: string]');
  let swapped = false;
  if (resemblesAddress(first) && !resemblesAddress(second)) {
    [first, second] = [second, first];
    swapped = true;
  }
  const address = readAddress(second, 'address');
  const messageText = first as string;
  const message = messageToHex(messageText);
  if ((message.length - 2) / 2 > MAX_PERSONAL_MESSAGE_BYTES) throw invalidParams(`message is larger than ${MAX_PERSONAL_MESSAGE_BYTES} bytes`);

  const display = displayMessage(message);
  const warnings: PersonalSignWarning[] = [];
  if (swapped) warnings.push({ code: 'PARAMS_SWAPPED', severity: 'info', params: {} });
  const byteLength = (message.length - 2) / 2;
  if (byteLength === 32 && HEX_BYTES_RE.test(messageText)) {
    warnings.push({ code: 'RAW_HASH_SIGNING', severity: 'danger', params: { hash: message } });
  }
  if (looksLikeSerializedTx(message)) {
    warnings.push({ code: 'SERIALIZED_TRANSACTION', severity: 'danger', params: {} });
  }
  let siwe: SiweMessage | undefined;
  if (display.kind === 'text') {
    const a = analyzeSiwe(display.text, { origin: ctx.origin, chainId: ctx.chainId, address, ...(ctx.now !== undefined ? { now: ctx.now } : {}) });
    if (a.message) siwe = a.message;
    warnings.push(...a.warnings);
  }
  return { address, message, swapped, display, ...(siwe ? { siwe } : {}), warnings };
}

/** EIP-191 personal signature over the raw message bytes. */
export async function signPersonalMessage(message: Hex, privateKey: PrivateKeyInput): Promise<Hex> {
  return viemSignMessage({ message: { raw: message }, privateKey: privateKeyHex(privateKey) });
}

/** eth_sign signs arbitrary 32-byte hashes (a transaction, a permit…) blindly: never supported. */
export function refuseEthSign(): ProviderRpcError {
  return new ProviderRpcError(
    PROVIDER_ERROR_CODES.unsupportedMethod,
    'eth_sign is not supported because it signs raw hashes blindly. Use personal_sign or eth_signTypedData_v4.',
  );
}
