/**
 * personal_ecRecover: params [message, signature] → the address that personal_signed the message,
 * lower-case as MetaMask returns it (eth-sig-util's recoverPersonalSignature). Pure maths on
 * public data: no key, no permission, no prompt. The message is read as personal_sign reads it
 * (0x whole bytes are raw data, anything else UTF-8).
 */
import { recoverMessageAddress, type Address, type Hex } from 'viem';
import { invalidParams } from './errors.ts';
import { MAX_PERSONAL_MESSAGE_BYTES, messageToHex } from './personalSign.ts';

const SIG_RE = /^0x[0-9a-fA-F]{130}$/;

export function parseEcRecover(params: unknown): { message: Hex; signature: Hex } {
  if (!Array.isArray(params) || params.length !== 2) throw invalidParams('personal_ecRecover expects [message, signature]');
  const [message, signature] = params as [unknown, unknown];
  if (typeof message !== 'string') throw invalidParams('personal_ecRecover: message must be a string (0x hex or text)');
  if (typeof signature !== 'string' || !SIG_RE.test(signature)) throw invalidParams('personal_ecRecover: signature must be 65 bytes of 0x hex');
  const hex = messageToHex(message);
  if ((hex.length - 2) / 2 > MAX_PERSONAL_MESSAGE_BYTES) throw invalidParams(`message is larger than ${MAX_PERSONAL_MESSAGE_BYTES} bytes`);
  return { message: hex, signature: signature.toLowerCase() as Hex };
}

export async function personalEcRecover(params: unknown): Promise<Address> {
  const { message, signature } = parseEcRecover(params);
  try {
    return (await recoverMessageAddress({ message: { raw: message }, signature })).toLowerCase() as Address;
  } catch {
    throw invalidParams('personal_ecRecover: the signature does not recover to any address');
  }
}
