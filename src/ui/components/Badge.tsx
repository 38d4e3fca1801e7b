/** A small status pill. */
import type { ReactNode } from 'react';

export function Badge({ tone = 'neutral', children, testid }: { tone?: 'neutral' | 'success' | 'warning' | 'danger'; children: ReactNode; testid?: string }): ReactNode {
  return (
    <span className={`badge${tone === 'neutral' ? '' : ` badge-${tone}`}`} data-testid={testid}>
      {children}
    </span>
  );
}
