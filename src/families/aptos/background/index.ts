/**
 * The Aptos family's background module (loaded on first use through src/families/registry.ts):
 * balances, the popup's send, the node check for Settings and the AIP-62 wallet's methods.
 */
import type { FamilyBackground } from '../../types';
import { heldAssets } from './assets.ts';
import { APTOS_DAPP } from './dapp.ts';
import { checkNode, nodeFor } from './node.ts';
import { prepareAptosSend } from './send.ts';

export const aptosBackground: FamilyBackground = {
  async balances(ctx) {
    const node = await nodeFor(ctx);
    const [{ assets }, account] = await Promise.all([heldAssets(ctx, node.client, node.network.id), node.client.account(ctx.address)]);
    return {
      assets: assets.map(({ kind: _k, raw: _r, ...a }) => a),
      // An account that never received APT does not exist on chain yet (no sequence number).
      details: { aptos_chain_id: String(node.chainId), aptos_sequence: account ? account.sequence_number : '—' },
    };
  },
  prepareSend: prepareAptosSend,
  async checkEndpoint(network, url) {
    await checkNode(network, url);
  },
  dapp: APTOS_DAPP,
};
