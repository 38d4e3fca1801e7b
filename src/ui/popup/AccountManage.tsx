/**
 * "Manage" under the account switcher: rename the wallet and the selected account, hide the
 * selected account from the switcher, and show hidden accounts again. Keys are untouched: a
 * hidden account is only left out of the list.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { WalletMeta, WalletState } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';

export function accountName(meta: WalletMeta, index: number, t: ReturnType<typeof useI18n>['t']): string {
  return meta.accountNames?.[String(index)] ?? t('account', { n: index + 1 });
}

export function AccountManage({ wallet, state, onState }: { wallet: WalletMeta; state: WalletState; onState: (s: WalletState) => void }): ReactNode {
  const { t } = useI18n();
  const index = state.selectedAccountIndex;
  const [walletName, setWalletName] = useState(wallet.name);
  const [name, setName] = useState(accountName(wallet, index, t));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const hidden = wallet.hiddenAccounts ?? [];
  // The forms are built only once opened: the popup's first frame stays small.
  const [open, setOpen] = useState(false);

  const run = async (p: Promise<WalletState>): Promise<void> => {
    setError(null);
    setSaved(false);
    try {
      onState(await p);
      setSaved(true);
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  const submit = (fn: () => Promise<WalletState>) => (e: FormEvent) => {
    e.preventDefault();
    void run(fn());
  };

  return (
    <details className="panel" data-testid="account-manage" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary data-testid="open-account-manage">{t('manageAccounts')}</summary>
      {open && (
      <div className="stack">
        <form className="row" onSubmit={submit(() => call('renameWallet', { walletId: wallet.id, name: walletName }))}>
          <label className="grow">
            {t('walletName')}
            <input data-testid="wallet-name" value={walletName} maxLength={40} onChange={(e) => setWalletName(e.target.value)} />
          </label>
          <button type="submit" className="small" data-testid="wallet-name-save" disabled={!walletName.trim()}>
            {t('save')}
          </button>
        </form>
        <form className="row" onSubmit={submit(() => call('renameAccount', { walletId: wallet.id, index, name }))}>
          <label className="grow">
            {t('accountName')}
            <input data-testid="account-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="small" data-testid="account-name-save" disabled={!name.trim()}>
            {t('save')}
          </button>
        </form>
        {wallet.kind === 'mnemonic' && (
          <button className="small secondary" data-testid="account-hide" onClick={() => void run(call('setAccountHidden', { walletId: wallet.id, index, hidden: true }))}>
            {t('hideAccount')}
          </button>
        )}
        {hidden.length > 0 && (
          <ul className="list" data-testid="hidden-accounts" aria-label={t('hiddenAccounts')}>
            {hidden.map((i) => (
              <li key={i} className="row">
                <span className="grow">{accountName(wallet, i, t)}</span>
                <button className="small secondary" data-testid={`unhide-${i}`} onClick={() => void run(call('setAccountHidden', { walletId: wallet.id, index: i, hidden: false }))}>
                  {t('unhide')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p role="alert" className="error" data-testid="account-manage-error">
            {error}
          </p>
        )}
        {saved && (
          <p className="hint" role="status">
            {t('saved')}
          </p>
        )}
      </div>
      )}
    </details>
  );
}
