/**
 * Token metadata fixtures for LiteSVM: a Token-2022 mint whose MetadataPointer and TokenMetadata
 * extensions are written by the real Token-2022 program (instructions encoded here by hand from
 * the spl-token-2022 / spl-token-metadata-interface layouts), and a Metaplex Token Metadata
 * account (MetadataV1, names padded with NULs as Metaplex stores them) set directly at the mint's
 * PDA, since LiteSVM does not ship the Metaplex program.
 */
import { createHash } from 'node:crypto';
import { Keypair, PublicKey, SystemProgram, TransactionInstruction } from '@solana/web3.js';
import { address, lamports } from '@solana/kit';
import { TOKEN_2022_PROGRAM, type LiteSvmRpc } from '../../support/litesvmRpc.ts';
import { execute } from './helpers.ts';

export const METADATA_PROGRAM = 'metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s';

export interface TokenLabel {
  name: string;
  symbol: string;
  uri: string;
}

const borsh = (s: string): Buffer => {
  const b = Buffer.from(s, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(b.length);
  return Buffer.concat([len, b]);
};

/** Metaplex stores name/symbol/uri padded with NULs to 32/10/200 bytes. */
const puffed = (s: string, size: number): Buffer => borsh(s + '\0'.repeat(Math.max(0, size - Buffer.byteLength(s))));

export function metaplexPda(mint: string): string {
  const program = new PublicKey(METADATA_PROGRAM);
  return PublicKey.findProgramAddressSync([Buffer.from('metadata'), program.toBuffer(), new PublicKey(mint).toBuffer()], program)[0].toBase58();
}

/** Writes a MetadataV1 account for `mint` at its PDA (owner: the metadata program unless told otherwise). */
export function setMetaplexMetadata(node: LiteSvmRpc, mint: string, label: TokenLabel, owner = METADATA_PROGRAM, at = metaplexPda(mint)): string {
  const data = Buffer.concat([
    Buffer.from([4]), // Key::MetadataV1
    Keypair.generate().publicKey.toBuffer(), // update authority
    new PublicKey(mint).toBuffer(),
    puffed(label.name, 32),
    puffed(label.symbol, 10),
    puffed(label.uri, 200),
    Buffer.from([0xf4, 0x01]), // seller_fee_basis_points 500
    Buffer.from([0]), // creators: None
    Buffer.from([0, 1]), // primary_sale_happened, is_mutable
    Buffer.from([1, 255]), // edition_nonce Some(255)
    Buffer.from([0, 0, 0]), // token_standard, collection, uses: None
  ]);
  node.svm.setAccount({ address: address(at), data: new Uint8Array(data), executable: false, lamports: lamports(10_000_000n), programAddress: address(owner), space: BigInt(data.length) });
  return at;
}

const discriminator = (name: string): Buffer => createHash('sha256').update(name).digest().subarray(0, 8);

/**
 * A Token-2022 mint with MetadataPointer → itself (or `pointTo`) and TokenMetadata { name, symbol,
 * uri }, initialized by the Token-2022 program. Returns the mint address.
 */
export function createToken2022WithMetadata(node: LiteSvmRpc, payer: Keypair, decimals: number, label: TokenLabel, pointTo?: string): string {
  const mint = Keypair.generate();
  const program = new PublicKey(TOKEN_2022_PROGRAM);
  // Base mint padded to 165, account type byte, MetadataPointer TLV (4 + 64).
  const space = 165 + 1 + 4 + 64;
  const metadataLen = 4 + 64 + borsh(label.name).length + borsh(label.symbol).length + borsh(label.uri).length + 4;
  const rent = node.svm.minimumBalanceForRentExemption(BigInt(space + metadataLen));
  const pointer = new TransactionInstruction({
    programId: program,
    keys: [{ pubkey: mint.publicKey, isSigner: false, isWritable: true }],
    data: Buffer.concat([Buffer.from([39, 0]), payer.publicKey.toBuffer(), new PublicKey(pointTo ?? mint.publicKey).toBuffer()]),
  });
  const init = new TransactionInstruction({
    programId: program,
    keys: [{ pubkey: mint.publicKey, isSigner: false, isWritable: true }],
    data: Buffer.concat([Buffer.from([20, decimals]), payer.publicKey.toBuffer(), Buffer.from([0])]),
  });
  const metadata = new TransactionInstruction({
    programId: program,
    keys: [
      { pubkey: mint.publicKey, isSigner: false, isWritable: true },
      { pubkey: payer.publicKey, isSigner: false, isWritable: false },
      { pubkey: mint.publicKey, isSigner: false, isWritable: false },
      { pubkey: payer.publicKey, isSigner: true, isWritable: false },
    ],
    data: Buffer.concat([discriminator('spl_token_metadata_interface:initialize_account'), borsh(label.name), borsh(label.symbol), borsh(label.uri)]),
  });
  execute(node, payer, [SystemProgram.createAccount({ fromPubkey: payer.publicKey, newAccountPubkey: mint.publicKey, lamports: Number(rent), space, programId: program }), pointer, init, ...(pointTo ? [] : [metadata])], [mint]);
  return mint.publicKey.toBase58();
}
