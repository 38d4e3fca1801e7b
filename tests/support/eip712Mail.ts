/**
 * The EIP-712 specification's "Mail" example (the digest and the signature by keccak256("cow") are
 * the specification's own), and the EIP-2612 Permit types, shared by the typed-data tests.
 */
import { keccak256, stringToHex } from 'viem';

/**
 * A struct's fields written as in EIP-712's encodeType ("Person from,Person to,string contents"):
 * the `[{ name, type }]` list typed data carries, one line per struct instead of one per field.
 */
export function eip712Fields(members: string): { name: string; type: string }[] {
  return members.split(',').map((member) => {
    const [type, name, extra] = member.trim().split(/\s+/);
    if (!type || !name || extra !== undefined) throw new Error(`not "type name": ${member}`);
    return { name, type };
  });
}

/** The EIP712Domain both use. */
const DOMAIN_FIELDS = eip712Fields('string name,string version,uint256 chainId,address verifyingContract');

export const COW_KEY = keccak256(stringToHex('cow'));
export const MAIL = {
  types: {
    EIP712Domain: DOMAIN_FIELDS,
    Person: eip712Fields('string name,address wallet'),
    Mail: eip712Fields('Person from,Person to,string contents'),
  },
  primaryType: 'Mail',
  domain: { name: 'Ether Mail', version: '1', chainId: 1, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
  message: {
    from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
    to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
    contents: 'Hello, Bob!',
  },
};
export const MAIL_DIGEST = '0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2';
export const MAIL_SIGNATURE = '0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c';

/** EIP-712 domain and EIP-2612 Permit types (the token permits dApps ask to sign). */
export const PERMIT_TYPES = {
  EIP712Domain: DOMAIN_FIELDS,
  Permit: eip712Fields('address owner,address spender,uint256 value,uint256 nonce,uint256 deadline'),
};
