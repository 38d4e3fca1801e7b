/**
 * The dApp methods behind window.injectedWeb3 (src/families/polkadot/inpage/provider.ts), each
 * with its gate in the shared pipeline (src/background/dapp/pipeline.ts):
 *   enable (connect) · accounts (account) · signPayload, signRaw (approval) · metadataGet,
 *   metadataProvide (safe).
 * signPayload checks the payload against the runtime of the selected network's node (genesis,
 * versions, extensions; the call decoded with that node's metadata) and that it names the
 * connected account, all before a window opens; the approval shows the decoded call, amounts in
 * DOT/KSM, era, tip, nonce and the network by genesis hash.
 */
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { equalBytes } from '../../../core/derive/bytes.ts';
import { invalidParams } from '../../../background/dapp/providerError';
import type { DappCall, DappMethod } from '../../types';
import { formatUnits } from '../core/amounts.ts';
import { describeCall } from '../core/describe.ts';
import { encodeSignedExtrinsic, signPayload, withSr25519Type } from '../core/extrinsic.ts';
import { toHex } from '../core/hex.ts';
import { checkSignerPayload } from '../core/payload.ts';
import { checkRawData } from '../core/raw.ts';
import { polkadotFacts, polkadotWarnings } from '../core/risk.ts';
import { ss58Decode } from '../core/ss58.ts';
import * as sr25519 from '@scure/sr25519';
import { forDapp, sessionOf } from './sessions.ts';

/** Longest call arguments or raw message the approval window shows; longer requests are refused, never cut. */
const MAX_SHOWN = 8000;

const obj = (p: unknown): Record<string, unknown> => {
  const v = Array.isArray(p) ? p[0] : p;
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalidParams('expected an object');
  return v as Record<string, unknown>;
};

/** The connected account's id must be the one the payload names (any SS58 prefix). */
function checkSigner(call: DappCall, address: unknown): void {
  const given = typeof address === 'string' ? ss58Decode(address) : null;
  const own = ss58Decode(call.address);
  if (!given?.ok) throw invalidParams('address is not an SS58 address');
  if (!own.ok || !equalBytes(given.accountId, own.accountId)) throw invalidParams('address is not the connected account');
}

const accountList = (call: DappCall): unknown[] => [{ address: call.address, name: 'Multichain Wallet', type: 'sr25519', genesisHash: null }];

export const POLKADOT_DAPP: Readonly<Record<string, DappMethod>> = {
  enable: { gate: 'connect', prepare: async () => ({ run: async () => true }) },
  accounts: { gate: 'account', prepare: async (call) => ({ run: async () => accountList(call) }) },

  signPayload: {
    gate: 'approval',
    prepare: (call, params) =>
      forDapp(async () => {
        const p = obj(params);
        checkSigner(call, p.address);
        const rt = await sessionOf(call).runtime();
        const checked = checkSignerPayload(p, rt);
        const { symbol, decimals } = call.network.native;
        const view = describeCall(checked.call, decimals);
        const args = JSON.stringify(view.args, null, 1);
        // The wallet signs only what the window can show in full.
        if (args.length > MAX_SHOWN) throw invalidParams(`the call's arguments are too long to show (${args.length} characters; at most ${MAX_SHOWN})`);
        return {
          approval: {
            kind: 'polkadot:signPayload',
            display: {
              account: call.address,
              network: `${call.network.name} (${rt.genesisHash.slice(0, 10)}…)`,
              polkadot_call: `${view.pallet}.${view.method}`,
              ...(view.transfer?.to ? { to: view.transfer.to } : {}),
              ...(view.transfer?.amount ? { amount: `${view.transfer.amount} ${symbol}` } : {}),
              polkadot_args: args,
              polkadot_era: checked.era.immortal ? 'immortal' : `${checked.era.period} blocks from #${checked.blockNumber}`,
              polkadot_tip: `${formatUnits(checked.tip, decimals)} ${symbol}`,
              polkadot_nonce: String(checked.nonce),
            },
            facts: polkadotFacts(checked.call, symbol, decimals),
            warnings: polkadotWarnings(checked.call),
          },
          run: () =>
            call.withKey(async (k) => {
              const sig = signPayload(k.secretKey, checked.payload);
              return {
                signature: toHex(withSr25519Type(sig)),
                ...(checked.withSignedTransaction ? { signedTransaction: toHex(encodeSignedExtrinsic(rt.metadata, checked.accountId, sig, checked.extra, checked.callBytes)) } : {}),
              };
            }),
        };
      }),
  },

  signRaw: {
    gate: 'approval',
    prepare: (call, params) =>
      forDapp(async () => {
        const p = obj(params);
        checkSigner(call, p.address);
        if (p.type !== undefined && p.type !== 'bytes') throw invalidParams('signRaw signs only type "bytes"; a transaction payload goes through signPayload');
        if (typeof p.data !== 'string') throw invalidParams('data must be a string');
        // Hex is taken as bytes (what @polkadot/util's u8aToHex gives); other text as UTF-8.
        const data = /^0x([0-9a-fA-F]{2})*$/.test(p.data) ? hexToBytes(p.data.slice(2)) : utf8ToBytes(p.data);
        const md = await sessionOf(call)
          .runtime()
          .then((rt) => rt.metadata)
          .catch(() => null);
        const message = checkRawData(md, data);
        const text = new TextDecoder('utf-8', { fatal: true });
        let shown: string;
        try {
          shown = text.decode(data);
        } catch {
          shown = toHex(data);
        }
        if (shown.length > MAX_SHOWN) throw invalidParams(`the data is too long to show (${shown.length} characters; at most ${MAX_SHOWN})`);
        return {
          approval: { kind: 'polkadot:signRaw', display: { account: call.address, network: call.network.name, message: shown } },
          run: () => call.withKey(async (k) => ({ signature: toHex(sr25519.sign(k.secretKey, message)) })),
        };
      }),
  },

  metadataGet: {
    gate: 'safe',
    // The wallet decodes with its node's metadata; it keeps none from dApps, so it lists none.
    prepare: async () => ({ run: async () => [] }),
  },
  metadataProvide: {
    gate: 'safe',
    // Refused on purpose: metadata a dApp supplies could make a call look like another one.
    prepare: async () => ({ run: async () => false }),
  },
};
