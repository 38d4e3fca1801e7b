/**
 * Every chain family's address of the selected account, with its derivation path and a copy button:
 * Receive's "All addresses" list (Home shows only the active family's address).
 */
import { useState, type ReactNode } from 'react';
import type { AccountView } from '../../protocol/ui';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { Check, Copy } from 'lucide-react';
import { IconButton } from '../components/IconButton';

export function accountRowLabel(a: AccountView): MessageKey {
  return (a.family === 'polkadot' && a.network === 'kusama' ? 'family_kusama' : `family_${a.family}`) as MessageKey;
}

export function Accounts({ accounts }: { accounts: readonly AccountView[] }): ReactNode {
  const { t } = useI18n();
  const [copied, setCopied] = useState<string | null>(null);

  const copy = async (text: string): Promise<void> => {
    await navigator.clipboard.writeText(text).catch(() => undefined);
    setCopied(text);
  };

  return (
    <ul className="accounts" data-testid="accounts">
      {accounts.map((a) => (
        <li key={`${a.family}:${a.network}`} data-testid={`account-${a.family}${a.network === 'kusama' ? '-kusama' : ''}`}>
          <div className="account-head">
            <strong>{t(accountRowLabel(a))}</strong>
            <span className="path">{a.path}</span>
          </div>
          <code className="address" data-testid="address">
            {a.address}
          </code>
          {a.altAddress && (
            <div className="alt">
              {t('legacyKey')}: <code data-testid="alt-address">{a.altAddress}</code>
            </div>
          )}
          <IconButton label={`${copied === a.address ? t('copied') : t('copy')} ${t(accountRowLabel(a))}`} className="sm account-copy" onClick={() => void copy(a.address)}>
            {copied === a.address ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />}
          </IconButton>
        </li>
      ))}
    </ul>
  );
}
