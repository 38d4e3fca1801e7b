/**
 * EIP-747 wallet_watchAsset: ERC-20 (symbol, decimals, image as the dApp states them), and ERC-721 /
 * ERC-1155 as MetaMask extends it ({ address, tokenId }): only for a connected site (4100 otherwise),
 * and the chain must say one of the site's permitted accounts (the selected one when permitted)
 * holds the token before the approval window opens (-32602 otherwise); name and image come from
 * the token's own metadata, never from the dApp.
 */
import { getAddress, type Address } from 'viem';
import type { WatchAssetParams } from '../core/methods';
import { invalidParams } from '../core/errors';
import type { EvmNetwork } from '../core/networks';
import type { DappCall, DappPrepared } from '../../types';
import { WalletError } from '../../../background/errors';
import { requirePermitted } from './dappAccounts';
import { inspectNft, saveNft } from './nfts';
import { selectedEvmAccount, watchToken } from './state';

/** The selected account when the site may see it, else the site's first permitted account. */
export function nftOwner(permitted: readonly Address[], selected: Address): Address {
  const mine = permitted.find((a) => a.toLowerCase() === selected.toLowerCase());
  return getAddress(mine ?? (permitted[0] as Address));
}

/** ERC-20s may be asked by any site (nothing of the account is read); NFTs only by a connected one. */
export const watchAssetWithoutGrant = (p: WatchAssetParams): boolean => p.type === 'ERC20';

/** Checks and reads the asset (-32602 when it is not held), for the approval the pipeline shows. */
export async function prepareWatchAsset(call: DappCall, network: EvmNetwork, p: WatchAssetParams): Promise<DappPrepared> {
  if (p.type === 'ERC20') {
    const o = p.options;
    const chainId = o.chainId ?? network.chainId;
    return {
      approval: { kind: 'watchAsset', display: { token: o.address, symbol: o.symbol, decimals: o.decimals, network: chainId } },
      run: async () => {
        await watchToken(chainId, { address: o.address, symbol: o.symbol, decimals: o.decimals, ...(o.image ? { image: o.image } : {}) });
        return true;
      },
    };
  }
  const o = p.options;
  if (o.chainId !== undefined && o.chainId !== network.chainId) throw invalidParams(`options.chainId ${o.chainId} is not the active chain ${network.chainId}`);
  // While locked the pipeline only validates: the ownership read below waits for the unlock.
  if (call.validating) return { approval: { kind: 'watchAsset', display: {} }, run: () => Promise.resolve(null) };
  // Only a connected site may ask about NFTs (the pipeline refused others with 4100 before any RPC
  // call), and only for an account it may already see: the ownership read below answers "not held"
  // at once, which would otherwise let any page probe what the user holds.
  const permitted = await requirePermitted(call.origin);
  const owner = nftOwner(permitted, (await selectedEvmAccount()).address);
  let info;
  try {
    info = await inspectNft(network.chainId, p.type, o.address, o.tokenId, owner);
  } catch (err) {
    // Not held, not an NFT contract, or no such token: the dApp is told why; nothing is stored.
    if (err instanceof WalletError) throw invalidParams(err.message);
    throw invalidParams(`Could not read ${p.type} token ${o.tokenId} of ${o.address} from the network`);
  }
  const display = {
    standard: p.type,
    contract: info.contract,
    tokenId: info.tokenId.toString(),
    ...(info.collection ? { collection: info.collection } : {}),
    ...(info.name ? { name: info.name } : {}),
    ...(p.type === 'ERC1155' ? { balance: info.balance.toString() } : {}),
    account: owner,
    network: network.name,
  };
  return {
    approval: { kind: 'watchAsset', display },
    run: async () => {
      await saveNft(network.chainId, owner, info);
      return true;
    },
  };
}
