/** An amount with its symbol: shortened for the eye, the exact value in the title. */
import type { ReactNode } from 'react';
import { shortAmount } from '../format';

export function Amount({ value, symbol, digits = 6, testid = 'amount', unavailable }: { value: string | null; symbol?: string; digits?: number; testid?: string; unavailable: string }): ReactNode {
  return (
    <span className="amount" data-testid={testid} title={value ?? ''}>
      {value === null ? unavailable : shortAmount(value, digits)}
      {symbol && value !== null && <span className="amount-symbol"> {symbol}</span>}
    </span>
  );
}
