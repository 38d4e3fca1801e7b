/**
 * An asset's logo in a balance row: the bundled logo of a native coin or a well-known token, the
 * token's own metadata icon (Solana, a data: URI), else a disc with its initials. A token that is
 * not on the bundled list never borrows a listed logo by its symbol: a fake "USDT" shows initials.
 */
import type { ReactNode } from 'react';
import { findWellKnown } from '../../core/tokens/wellKnown';
import { NATIVE_PRICE_IDS } from '../../core/prices/assets';
import { svgDataUri, useLogos } from './useLogos';

/** Native coins of mainnets and their testnets draw their coin logo by symbol. */
const NATIVE_SYMBOLS = new Set([...Object.values(NATIVE_PRICE_IDS).map((n) => n.symbol), 'tBNB']);

export function AssetLogo({ chain, token, symbol, icon, size = 28 }: { chain: string; token: string | null; symbol: string; icon?: string; size?: number }): ReactNode {
  const logos = useLogos();
  const key = token === null ? (NATIVE_SYMBOLS.has(symbol) ? symbol.replace(/^t/, '') : null) : (findWellKnown(chain, token)?.logo ?? null);
  const svg = key ? logos?.TOKEN_SVGS[key] : undefined;
  const src = svg ? svgDataUri(svg) : icon;
  if (src) return <img className="token-icon" src={src} alt="" width={size} height={size} data-testid={svg ? 'asset-logo' : 'token-icon'} data-logo={key ?? ''} />;
  return (
    <span className="net-logo" aria-hidden style={{ background: '#455a64', width: size, height: size }} data-testid="asset-initials">
      {symbol.slice(0, 2).toUpperCase()}
    </span>
  );
}
