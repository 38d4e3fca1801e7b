/** The selected account on every chain family: address, derivation path, copy. */
import { useEffect, useState, type ReactNode } from 'react';
import type { AccountView, WalletState } from '../../protocol/ui';
import { callOnce, takeResolved } from '../prefetch';
import { markPainted } from '../perf';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { Check, Copy } from 'lucide-react';
import { IconButton } from '../components/IconButton';

function rowLabel(a: AccountView): MessageKey {
  return (a.family === 'polkadot' && a.network === 'kusama' ? 'family_kusama' : `family_${a.family}`) as MessageKey;
}

/** onAccounts hands the list up to Home, which shows the active family's address in its header. */
export function Accounts({ state, onAccounts }: { state: WalletState; onAccounts?: (a: AccountView[]) => void }): ReactNode {
  const { t } = useI18n();
  // The popup's first frame starts from the prefetched list (taken once); later selections fetch.
  const [prefetched] = useState(() => ({ value: takeResolved('listAccounts') }));
  const [accounts, setAccounts] = useState<AccountView[] | null>(prefetched.value ?? null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    if (prefetched.value) {
      prefetched.value = undefined;
      return;
    }
    setAccounts(null);
    callOnce('listAccounts', {})
      .then((a) => live && setAccounts(a))
      .catch((err: unknown) => live && setError(errorText(err, t)));
    return () => {
      live = false;
    };
  }, [state.selectedWalletId, state.selectedAccountIndex, state.settings.bitcoinScheme, state.wallets, t, prefetched]);

  useEffect(() => {
    if (accounts) markPainted('mcw:accounts');
    if (accounts) onAccounts?.(accounts);
  }, [accounts, onAccounts]);

  const copy = async (text: string): Promise<void> => {
    await navigator.clipboard.writeText(text).catch(() => undefined);
    setCopied(text);
  };

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!accounts) return <p>{t('loading')}</p>;
  return (
    <ul className="accounts" data-testid="accounts">
      {accounts.map((a) => (
        <li key={`${a.family}:${a.network}`} data-testid={`account-${a.family}${a.network === 'kusama' ? '-kusama' : ''}`}>
          <div className="account-head">
            <strong>{t(rowLabel(a))}</strong>
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
          <IconButton label={`${copied === a.address ? t('copied') : t('copy')} ${t(rowLabel(a))}`} className="sm account-copy" onClick={() => void copy(a.address)}>
            {copied === a.address ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />}
          </IconButton>
        </li>
      ))}
    </ul>
  );
}
