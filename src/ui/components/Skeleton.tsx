/** A grey placeholder block while data loads (hidden from assistive technology; the region says aria-busy). */
import type { ReactNode } from 'react';

export function Skeleton({ width = '100%', height = 14, round }: { width?: number | string; height?: number; round?: boolean }): ReactNode {
  return <span className="skeleton" aria-hidden style={{ width, height, borderRadius: round ? '50%' : undefined }} />;
}
