/**
 * The EVM family's popup side as a FamilyBackground (src/families/types.ts): balances with the
 * watched ERC-20 tokens, the prepared send with its fee details and risk facts, and the node
 * check of a network's RPC (it must serve the network's chain id). Its networks (built-in and
 * added) come from networkState.ts; its dApp methods are a DappMethod table (dapp.ts) behind the
 * generic pipeline.
 */
import type { FamilyBackground } from '../../types';
import { WalletError } from '../../../background/errors';
import { checkRpcChainId } from '../core/networks';
import { evmBalances } from './balances';
import { prepareEvmSend } from './send';
import { evmDapp, unsupportedEvmMethod } from './dapp';
import { forDapp } from './dappAccounts';
import { asProviderError } from './dappSigning';

export const evmBackground: FamilyBackground = {
  balances: evmBalances,
  prepareSend: prepareEvmSend,
  dapp: evmDapp,
  mapError: asProviderError,
  unsupportedMethod: unsupportedEvmMethod,
  dappAccounts: forDapp,
  // A site's accounts are its grant (not the popup's selection), and state.ts tells sites of a new
  // chain itself (chainChanged): the pipeline's default events must not be sent.
  onChange: () => undefined,
  async checkEndpoint(network, url) {
    const chainId = Number(network.ref.slice(network.ref.indexOf(':') + 1));
    const check = await checkRpcChainId(url, chainId);
    if (check.ok) return;
    if (check.reportedChainId !== undefined) throw new WalletError('CHAIN_ID_MISMATCH', 'The RPC serves another chain', undefined, { declared: chainId, reported: check.reportedChainId });
    throw new WalletError('RPC_CHECK_FAILED', 'Could not read the chain id from that RPC');
  },
};
