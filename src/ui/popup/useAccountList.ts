/**
 * The selected account's address on every chain family (listAccounts), for Home's header address
 * and Receive. The popup's first frame starts from the prefetched list (taken once); a change of
 * wallet, account, Bitcoin address type or `refresh` (Home passes the active network: an address
 * can depend on it, e.g. Bitcoin's bc1/tb1/bcrt1) fetches again.
 */
import { useEffect, useState } from 'react';
import type { AccountView, WalletState } from '../../protocol/ui';
import { callOnce, takeResolved } from '../prefetch';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';

export interface AccountList {
  accounts: AccountView[] | null;
  error: string | null;
}

export function useAccountList(state: WalletState, refresh = ''): AccountList {
  const { t } = useI18n();
  const [prefetched] = useState(() => ({ value: takeResolved('listAccounts') }));
  const [accounts, setAccounts] = useState<AccountView[] | null>(prefetched.value ?? null);
  const [error, setError] = useState<string | null>(null);
  // By content, not identity: every state answer is a new `wallets` array, and refetching (and blanking
  // the list) on each one slowed the first frames after an unlock.
  const walletsKey = JSON.stringify(state.wallets);

  useEffect(() => {
    let live = true;
    if (prefetched.value) {
      prefetched.value = undefined;
      return;
    }
    setAccounts(null);
    setError(null);
    callOnce('listAccounts', {})
      .then((a) => live && setAccounts(a))
      .catch((err: unknown) => live && setError(errorText(err, t)));
    return () => {
      live = false;
    };
  }, [state.selectedWalletId, state.selectedAccountIndex, state.settings.bitcoinScheme, walletsKey, refresh, t, prefetched]);

  return { accounts, error };
}
