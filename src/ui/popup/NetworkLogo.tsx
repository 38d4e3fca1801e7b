/** A network's mark: a family-coloured disc with the network's initials (no remote images). */
import type { ReactNode } from 'react';
import type { PopupFamily } from '../../protocol/ui';

// Dark enough for white initials at ≥ 4.5:1 in both themes.
const FAMILY_COLOUR: Partial<Record<PopupFamily, string>> = { evm: '#3949ab', bitcoin: '#a34e00', solana: '#6a3aa3', tron: '#b71c1c' };

export function initials(name: string): string {
  const words = name.replace(/\(.*?\)/g, '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return (words[0]![0]! + words[1]![0]!).toUpperCase();
}

export function NetworkLogo({ family, name, size = 28 }: { family: PopupFamily; name: string; size?: number }): ReactNode {
  return (
    <span className="net-logo" aria-hidden style={{ background: FAMILY_COLOUR[family] ?? '#455a64', width: size, height: size }}>
      {initials(name)}
    </span>
  );
}
