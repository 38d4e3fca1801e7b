/**
 * An identicon for an address: a symmetric 5×5 grid coloured from its SHA-256, so two accounts are
 * told apart at a glance (not a security check: the address text stays beside it).
 */
import { useMemo, type ReactNode } from 'react';
import { sha256 } from '@noble/hashes/sha2.js';

export function identiconCells(seed: string): { hue: number; cells: boolean[] } {
  const h = sha256(new TextEncoder().encode(seed.toLowerCase()));
  const cells: boolean[] = [];
  for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) cells.push((h[1 + y * 3 + Math.min(x, 4 - x)]! & 1) === 1);
  return { hue: Math.round((h[0]! / 255) * 360), cells };
}

export function Avatar({ seed, size = 32, label }: { seed: string; size?: number; label?: string }): ReactNode {
  const { hue, cells } = useMemo(() => identiconCells(seed), [seed]);
  return (
    <svg className="avatar" width={size} height={size} viewBox="0 0 5 5" role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true} shapeRendering="crispEdges">
      <rect width="5" height="5" fill={`hsl(${hue} 70% 90%)`} />
      {cells.map((on, i) => (on ? <rect key={i} x={i % 5} y={Math.floor(i / 5)} width="1" height="1" fill={`hsl(${hue} 65% 38%)`} /> : null))}
    </svg>
  );
}
