/**
 * A network's mark: its bundled logo (src/ui/logos, loaded after the first paint) when the chain
 * selector id is given and known, else a family-coloured disc with the network's initials (also
 * drawn while the logos load). No remote images.
 */
import type { ReactNode } from 'react';
import type { PopupFamily } from '../../protocol/ui';
import { networkLogoKey, networkTokenLogo } from '../logos/networkKeys';
import { svgDataUri, useLogos } from '../logos/useLogos';

// Dark enough for white initials at ≥ 4.5:1 in both themes.
const FAMILY_COLOUR: Partial<Record<PopupFamily, string>> = { evm: '#3949ab', bitcoin: '#a34e00', solana: '#6a3aa3', tron: '#b71c1c' };

export function initials(name: string): string {
  const words = name.replace(/\(.*?\)/g, '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return (words[0]![0]! + words[1]![0]!).toUpperCase();
}

export function NetworkLogo({ family, name, id, size = 28 }: { family: PopupFamily; name: string; id?: string; size?: number }): ReactNode {
  const logos = useLogos();
  const key = id ? networkLogoKey(id) : null;
  const coin = id ? networkTokenLogo(id) : null;
  const svg = key ? logos?.NETWORK_SVGS[key] : coin ? logos?.TOKEN_SVGS[coin] : undefined;
  if (svg) return <img className="net-logo net-logo-img" src={svgDataUri(svg)} alt="" width={size} height={size} data-testid="network-logo" data-logo={key ?? coin ?? ''} />;
  return (
    <span className="net-logo" aria-hidden style={{ background: FAMILY_COLOUR[family] ?? '#455a64', width: size, height: size }}>
      {initials(name)}
    </span>
  );
}
