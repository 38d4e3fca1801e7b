/**
 * SPL token names, symbols and metadata URIs read from the chain, so the wallet can show "USDC"
 * where it would otherwise show a shortened mint:
 * - Token-2022's TokenMetadata extension (TLV type 19) inside the mint, trusted when the mint's
 *   MetadataPointer (type 18) is absent or points at the mint itself;
 * - otherwise Metaplex Token Metadata: the account at PDA ["metadata", program, mint] of the
 *   metadata program, owned by it, key MetadataV1 (4), naming this mint.
 * One getMultipleAccounts for all mints and their PDAs. Names and symbols come from whoever
 * created the token, so they are cleaned (control and bidi characters removed, lengths bounded)
 * and are never a proof of identity: the mint stays shown beside them.
 */
import { PublicKey } from '@solana/web3.js';
import { TOKEN_2022_PROGRAM_ID } from './programs.ts';
import type { SolanaAccountInfo, SolanaRpc } from './rpc.ts';
import { MINT_SIZE, TOKEN_ACCOUNT_SIZE } from './tokenLayout.ts';

export const TOKEN_METADATA_PROGRAM_ID = 'metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s';
const METAPLEX_KEY_METADATA_V1 = 4;
const EXT_METADATA_POINTER = 18;
const EXT_TOKEN_METADATA = 19;
/** getMultipleAccounts takes at most 100 addresses. */
const BATCH = 50;

export interface OnChainTokenMetadata {
  name: string;
  symbol: string;
  /** Off-chain JSON (may hold an image); '' when none. */
  uri: string;
  source: 'metaplex' | 'token-2022';
}

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
const keyAt = (b: Uint8Array, off: number): string => new PublicKey(b.subarray(off, off + 32)).toBase58();

/** Removes NUL padding, control and bidi-override characters; trims and bounds the length. */
export function cleanLabel(s: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim();
  return [...t].slice(0, max).join('');
}

/** A Borsh string (u32 LE length + UTF-8) at `off`; undefined when it runs past the data. */
function borshString(b: Uint8Array, off: number): { value: string; next: number } | undefined {
  if (off + 4 > b.length) return undefined;
  const len = view(b).getUint32(off, true);
  if (len > 10_000 || off + 4 + len > b.length) return undefined;
  return { value: new TextDecoder().decode(b.subarray(off + 4, off + 4 + len)), next: off + 4 + len };
}

function labelled(name: string, symbol: string, uri: string, source: OnChainTokenMetadata['source']): OnChainTokenMetadata | undefined {
  const out = { name: cleanLabel(name, 32), symbol: cleanLabel(symbol, 12), uri: cleanLabel(uri, 200), source };
  return out.name || out.symbol ? out : undefined;
}

/** The Metaplex metadata account address of a mint. */
export function metadataPda(mint: string): string {
  const program = new PublicKey(TOKEN_METADATA_PROGRAM_ID);
  const [pda] = PublicKey.findProgramAddressSync([new TextEncoder().encode('metadata'), program.toBytes(), new PublicKey(mint).toBytes()], program);
  return pda.toBase58();
}

/** Metaplex Metadata (key, update authority, mint, name, symbol, uri, …). */
export function decodeMetaplexMetadata(account: SolanaAccountInfo | null, mint: string): OnChainTokenMetadata | undefined {
  if (!account || account.owner !== TOKEN_METADATA_PROGRAM_ID || account.data.encoding !== 'base64') return undefined;
  const b = account.data.bytes;
  if (b.length < 65 + 12 || b[0] !== METAPLEX_KEY_METADATA_V1 || keyAt(b, 33) !== mint) return undefined;
  const name = borshString(b, 65);
  const symbol = name && borshString(b, name.next);
  const uri = symbol && borshString(b, symbol.next);
  if (!name || !symbol || !uri) return undefined;
  return labelled(name.value, symbol.value, uri.value, 'metaplex');
}

/** Token-2022 TLV entries of a mint: type → value bytes. */
function mintExtensions(b: Uint8Array): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  if (b.length <= TOKEN_ACCOUNT_SIZE || b[TOKEN_ACCOUNT_SIZE] !== 1) return out;
  let off = TOKEN_ACCOUNT_SIZE + 1;
  while (off + 4 <= b.length) {
    const type = view(b).getUint16(off, true);
    const len = view(b).getUint16(off + 2, true);
    if (type === 0 || off + 4 + len > b.length) break;
    out.set(type, b.subarray(off + 4, off + 4 + len));
    off += 4 + len;
  }
  return out;
}

/** The TokenMetadata extension of a Token-2022 mint (update authority, mint, name, symbol, uri, …). */
export function decodeToken2022Metadata(account: SolanaAccountInfo | null, mint: string): OnChainTokenMetadata | undefined {
  if (!account || account.owner !== TOKEN_2022_PROGRAM_ID || account.data.encoding !== 'base64' || account.data.bytes.length <= MINT_SIZE) return undefined;
  const ext = mintExtensions(account.data.bytes);
  const pointer = ext.get(EXT_METADATA_POINTER);
  // The pointer (authority 32, metadata address 32; zeros = none) must name the mint itself.
  if (pointer && pointer.length >= 64 && keyAt(pointer, 32) !== mint) return undefined;
  const md = ext.get(EXT_TOKEN_METADATA);
  if (!md || md.length < 64 || keyAt(md, 32) !== mint) return undefined;
  const name = borshString(md, 64);
  const symbol = name && borshString(md, name.next);
  const uri = symbol && borshString(md, symbol.next);
  if (!name || !symbol || !uri) return undefined;
  return labelled(name.value, symbol.value, uri.value, 'token-2022');
}

/** Metadata of each mint that has any (Token-2022 extension first, then Metaplex). */
export async function readTokenMetadata(rpc: SolanaRpc, mints: readonly string[]): Promise<Map<string, OnChainTokenMetadata>> {
  const out = new Map<string, OnChainTokenMetadata>();
  const unique = [...new Set(mints)].filter((m) => {
    try {
      return new PublicKey(m).toBase58() === m;
    } catch {
      return false;
    }
  });
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    const pdas = batch.map(metadataPda);
    const accounts = await rpc.getMultipleAccounts([...batch, ...pdas], 'base64');
    batch.forEach((mint, j) => {
      const md = decodeToken2022Metadata(accounts[j] ?? null, mint) ?? decodeMetaplexMetadata(accounts[batch.length + j] ?? null, mint);
      if (md) out.set(mint, md);
    });
  }
  return out;
}
