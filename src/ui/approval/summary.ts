/**
 * The approval window's one-line summary ("Send 0.01 ETH to 0x90F7…3b906 on Ethereum", "Allow
 * app.uniswap.org to spend UNLIMITED USDT"), built from the display fields the background sends.
 * Returns a message key and its variables, or null when no sentence fits (the title then stands alone).
 */
import type { MessageKey } from '../i18n';

export interface Summary {
  key: MessageKey;
  vars: Record<string, string>;
}

const short = (a: string): string => (a.length > 16 ? `${a.slice(0, 6)}…${a.slice(-5)}` : a);
const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
/** "Ethereum (chain 1)" → "Ethereum": the chain id stays in the details. */
const networkName = (v: unknown): string => (str(v) ?? '').replace(/\s*\(chain \d+\)$/, '');
const siteName = (origin: string): string => {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
};

export function summarise(kind: string, origin: string, display: Record<string, unknown>): Summary | null {
  const action = str(display.action);
  const network = networkName(display.network);
  const amount = str(display.amount);
  const to = str(display.to);
  const site = siteName(origin);
  const approval = action ? /^Token approval \((.*)\)$/.exec(action) : null;
  if (approval || action === 'Permit2 approval') {
    const symbol = approval?.[1] ?? str(display.token) ?? '';
    if (amount === 'UNLIMITED') return { key: 'summaryApproveUnlimited', vars: { site, symbol, network } };
    return { key: 'summaryApprove', vars: { site, amount: approval ? (amount ?? '') : `${amount ?? ''} ${symbol}`.trim(), network } };
  }
  if (action === 'Approve all NFTs of a collection') return { key: 'summaryApproveAll', vars: { site, collection: short(str(display.collection) ?? ''), network } };
  if (amount && to && (action === undefined || action === 'Transfer' || action.startsWith('Token transfer'))) {
    // Bitcoin amounts come as "0.001 BTC (100000 sats)": the summary keeps the first part.
    return { key: 'summarySend', vars: { amount: amount.replace(/\s*\(.*\)$/, ''), to: short(to.split(',')[0]!.trim()), network } };
  }
  if (kind === 'connect') return { key: 'summaryConnect', vars: { site, network } };
  if (kind === 'signMessage' || kind === 'signTypedData' || kind === 'signInSolana') return { key: 'summarySign', vars: { site, network } };
  if (kind === 'switchChain' && str(display.to)) return { key: 'summarySwitch', vars: { network: networkName(display.to) } };
  if (action === 'Contract call' && str(display.contract)) return { key: 'summaryContractCall', vars: { contract: short(str(display.contract)!), network } };
  return null;
}
