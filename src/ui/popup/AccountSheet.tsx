/**
 * The account picker: wallets, the selected wallet's visible accounts, add account / add wallet,
 * and Manage (rename, hide). Replaces the native wallet and account <select>s.
 */
import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { Check, Plus, Wallet } from 'lucide-react';
import type { WalletMeta, WalletState } from '../../protocol/ui';
import { useI18n } from '../i18n/context';
import { Sheet } from '../components/Sheet';
import { ListItem } from '../components/ListItem';
import { Avatar } from '../components/Avatar';
import { Button } from '../components/Button';
import { AccountManage, accountName } from './AccountManage';
import { useDisplayNames } from '../i18n/defaultNames';

export function visibleAccounts(wallet: WalletMeta, selected: number): number[] {
  return Array.from({ length: wallet.accountCount }, (_, i) => i).filter((i) => i === selected || !(wallet.hiddenAccounts ?? []).includes(i));
}

export interface AccountSheetProps {
  state: WalletState;
  wallet: WalletMeta;
  open: boolean;
  onClose: () => void;
  onState: (s: WalletState) => void;
  run: (p: Promise<WalletState>) => Promise<void>;
  call: {
    selectWallet: (walletId: string) => Promise<WalletState>;
    selectAccount: (index: number) => Promise<WalletState>;
    addAccount: (walletId: string) => Promise<WalletState>;
  };
}

export function AccountSheet({ state, wallet, open, onClose, onState, run, call }: AccountSheetProps): ReactNode {
  const { t } = useI18n();
  const { walletName } = useDisplayNames();
  return (
    <Sheet open={open} title={t('accounts')} onClose={onClose} closeLabel={t('close')} testid="account-sheet">
      {state.wallets.length > 1 && (
        <section aria-labelledby="wallets-title">
          <h3 className="group-title" id="wallets-title">
            {t('wallets')}
          </h3>
          <ul className="items">
            {state.wallets.map((w) => (
              <ListItem
                key={w.id}
                testid={`wallet-option-${w.id}`}
                leading={<Wallet size={20} aria-hidden />}
                title={walletName(w.name)}
                selected={w.id === wallet.id}
                trailing={w.id === wallet.id ? <Check size={16} aria-hidden /> : undefined}
                onClick={() => void run(call.selectWallet(w.id)).then(onClose)}
              />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="accounts-title">
        <h3 className="group-title" id="accounts-title">
          {walletName(wallet.name)}
        </h3>
        <ul className="items" data-testid="account-options">
          {visibleAccounts(wallet, state.selectedAccountIndex).map((i) => (
            <ListItem
              key={i}
              testid={`account-option-${i}`}
              leading={<Avatar seed={`${wallet.id}:${i}`} size={28} />}
              title={accountName(wallet, i, t)}
              selected={i === state.selectedAccountIndex}
              trailing={i === state.selectedAccountIndex ? <Check size={16} aria-hidden /> : undefined}
              onClick={() => void run(call.selectAccount(i)).then(onClose)}
            />
          ))}
        </ul>
      </section>
      <div className="row">
        {wallet.kind === 'mnemonic' && (
          <Button variant="secondary" size="sm" icon={<Plus size={14} aria-hidden />} data-testid="add-account" onClick={() => void run(call.addAccount(wallet.id))}>
            {t('addAccount')}
          </Button>
        )}
        <Button variant="secondary" size="sm" icon={<Wallet size={14} aria-hidden />} data-testid="add-wallet" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html?add=1') })}>
          {t('addWallet')}
        </Button>
      </div>
      <AccountManage key={`${wallet.id}:${state.selectedAccountIndex}`} wallet={wallet} state={state} onState={onState} />
    </Sheet>
  );
}
