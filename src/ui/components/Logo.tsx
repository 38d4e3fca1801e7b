/** The product logo (the same drawing as the toolbar icons, public/icon/logo.svg, and the dApp-facing icon). */
import type { ReactNode } from 'react';

export function Logo({ size = 28 }: { size?: number }): ReactNode {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 96 96" aria-hidden>
      <rect width="96" height="96" rx="20" fill="#3b5bdb" />
      <path d="M22 34h44a8 8 0 0 1 8 8v22a8 8 0 0 1-8 8H22z" fill="#fff" />
      <circle cx="62" cy="53" r="5" fill="#3b5bdb" />
      <path d="M22 34l36-12v12" fill="#dbe4ff" />
    </svg>
  );
}
