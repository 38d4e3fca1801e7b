/**
 * Watched ERC-721 / ERC-1155 tokens (per network and owner) and their popup calls: list with fresh
 * balances, send with safeTransferFrom. A dApp adds one through wallet_watchAsset only after the
 * chain confirms the account holds it and the user approves; the popup adds one the same way.
 */
import { getAddress, type Address } from 'viem';
import { MAX_METADATA_BYTES, nftTransferData, readNft, type NftInfo, type NftStandard } from '../core/nft';
import { boundedBytes } from '../../../core/net/boundedBody';
import { prepareTransaction } from '../core/transaction';
import { checkSufficientFunds } from '../core/txSubmit';
import type { NftView } from '../../../protocol/ui';
import { WalletError } from '../../../background/errors';
import { keyring } from '../../../background/keyring';
import { signAndBroadcast } from './broadcast';
import { activeNetwork, rpcFor, selectedEvmAccount } from './state';
import { toWalletError } from './uiErrors';
import { checkRecipient } from './send';
import { localArea } from '../../../background/storageCache';

interface StoredNft {
  standard: NftStandard;
  contract: Address;
  tokenId: string;
  owner: Address;
  name?: string;
  collection?: string;
  image?: string;
}

const KEY = 'evmNfts';
const MAX_PER_CHAIN = 200;

async function stored(): Promise<Record<string, StoredNft[]>> {
  return ((await localArea.get(KEY))[KEY] as Record<string, StoredNft[]> | undefined) ?? {};
}

const same = (a: StoredNft, contract: string, tokenId: bigint, owner: string): boolean =>
  a.contract.toLowerCase() === contract.toLowerCase() && a.tokenId === tokenId.toString() && a.owner.toLowerCase() === owner.toLowerCase();

/**
 * Metadata over https (never loopback or private hosts: resolveRemoteUri decides), time-bounded and
 * size-capped while it streams (a huge tokenURI body is cut off, not buffered and then measured).
 */
export async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'omit', redirect: 'error', signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const bytes = await boundedBytes(res, MAX_METADATA_BYTES);
  if (!bytes) throw new Error(`Metadata larger than ${MAX_METADATA_BYTES} bytes`);
  return new TextDecoder().decode(bytes);
}

/** Reads the token from the chain for `owner`; throws a -32602-style message when it is not held. */
export async function inspectNft(chainId: number, standard: NftStandard, contract: Address, tokenId: bigint, owner: Address): Promise<NftInfo> {
  const network = await activeNetwork();
  if (network.chainId !== chainId) throw new WalletError('UNKNOWN_CHAIN', 'NFTs can be watched on the active network only');
  const info = await readNft(rpcFor(network), standard, contract, tokenId, owner, fetchText);
  if (info.balance === 0n) throw new WalletError('NOT_OWNER', `This ${standard} token is not held by ${owner}`);
  return info;
}

export async function saveNft(chainId: number, owner: Address, info: NftInfo): Promise<void> {
  const all = await stored();
  const key = String(chainId);
  const list = (all[key] ?? []).filter((n) => !same(n, info.contract, info.tokenId, owner));
  const entry: StoredNft = {
    standard: info.standard,
    contract: info.contract,
    tokenId: info.tokenId.toString(),
    owner: getAddress(owner),
    ...(info.name ? { name: info.name } : {}),
    ...(info.collection ? { collection: info.collection } : {}),
    ...(info.image ? { image: info.image } : {}),
  };
  await localArea.set({ [KEY]: { ...all, [key]: [...list, entry].slice(-MAX_PER_CHAIN) } });
}

/** The selected account's watched NFTs on the active network, balances read again from the chain. */
export async function listNfts(): Promise<NftView[]> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  const [network, account] = await Promise.all([activeNetwork(), selectedEvmAccount()]);
  const mine = ((await stored())[String(network.chainId)] ?? []).filter((n) => n.owner.toLowerCase() === account.address.toLowerCase());
  const rpc = rpcFor(network);
  return Promise.all(
    mine.map(async (n): Promise<NftView> => {
      const balance = await readNft(rpc, n.standard, n.contract, BigInt(n.tokenId), account.address).then(
        (i) => i.balance.toString(),
        () => null,
      );
      return { ...n, chainId: network.chainId, balance };
    }),
  );
}

/** Sends a watched NFT from the selected account with safeTransferFrom; funds checked before signing. */
export async function sendNft(p: { contract: string; tokenId: string; to: string; amount?: string }): Promise<{ hash: string; explorer: string | null }> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  const to = checkRecipient(p?.to);
  const [network, account] = await Promise.all([activeNetwork(), selectedEvmAccount()]);
  if (typeof p.tokenId !== 'string' || !/^\d{1,78}$/.test(p.tokenId)) throw new WalletError('INVALID_INPUT', 'Unknown token');
  const nft = ((await stored())[String(network.chainId)] ?? []).find((n) => same(n, String(p.contract), BigInt(p.tokenId), account.address));
  if (!nft) throw new WalletError('UNKNOWN_TOKEN', 'That NFT is not watched on this network');
  const amount = nft.standard === 'ERC1155' ? BigInt(/^\d{1,30}$/.test(p.amount ?? '') ? p.amount! : '0') : 1n;
  if (amount <= 0n) throw new WalletError('INVALID_AMOUNT', 'The amount must be greater than zero');
  const rpc = rpcFor(network);
  try {
    const prepared = await prepareTransaction(rpc, { from: account.address, to: nft.contract, value: 0n, data: nftTransferData(nft.standard, account.address, to, BigInt(nft.tokenId), amount), fees: {} }, { chainId: network.chainId, eip1559: network.eip1559 });
    await checkSufficientFunds(rpc, prepared, { native: network.nativeCurrency });
    return await signAndBroadcast(network, prepared, null, { to, value: amount, symbol: `${nft.collection ?? nft.standard} #${nft.tokenId}`, decimals: 0 });
  } catch (err) {
    throw toWalletError(err);
  }
}
