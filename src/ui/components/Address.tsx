/** A short address with a copy button and, when the network has an explorer, a link to it. */
import { useState, type ReactNode } from 'react';
import { Check, Copy, ExternalLink } from 'lucide-react';
import { shortAddress } from '../format';
import { IconButton } from './IconButton';

export interface AddressProps {
  address: string;
  copyLabel: string;
  copiedLabel: string;
  explorerUrl?: string;
  explorerLabel?: string;
  testid?: string;
}

export function Address({ address, copyLabel, copiedLabel, explorerUrl, explorerLabel, testid }: AddressProps): ReactNode {
  const [copied, setCopied] = useState(false);
  const copy = async (): Promise<void> => {
    await navigator.clipboard.writeText(address).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <span className="addr">
      <code className="addr-text" title={address} data-testid={testid}>
        {shortAddress(address)}
      </code>
      <IconButton label={copied ? copiedLabel : copyLabel} className="sm" onClick={() => void copy()} data-testid={testid ? `${testid}-copy` : undefined}>
        {copied ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />}
      </IconButton>
      {explorerUrl && (
        <a className="icon-btn sm" href={explorerUrl} target="_blank" rel="noreferrer noopener" aria-label={explorerLabel} title={explorerLabel}>
          <ExternalLink size={14} aria-hidden />
        </a>
      )}
      <span className="sr-only" aria-live="polite">
        {copied ? copiedLabel : ''}
      </span>
    </span>
  );
}
