/** Home: wallet and account switcher, the accounts on every family, lock and settings. */
import { useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import type { WalletState } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import { Accounts } from './Accounts';
import { SettingsPanel } from './SettingsPanel';

export function Home({ state, onState }: { state: WalletState; onState: (s: WalletState) => void }): ReactNode {
  const { t } = useI18n();
  const [showSettings, setShowSettings] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const wallet = state.wallets.find((w) => w.id === state.selectedWalletId) ?? state.wallets[0];

  const run = async (p: Promise<WalletState>): Promise<void> => {
    setError(null);
    try {
      onState(await p);
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <div className="home">
      <header className="row">
        <label className="grow">
          <span className="sr-only">{t('wallet')}</span>
          <select data-testid="wallet-select" value={wallet?.id ?? ''} onChange={(e) => void run(call('selectWallet', { walletId: e.target.value }))}>
            {state.wallets.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <button className="small secondary" data-testid="open-settings" aria-expanded={showSettings} onClick={() => setShowSettings(!showSettings)}>
          {t('settings')}
        </button>
        <button className="small" data-testid="lock" onClick={() => void run(call('lock', {}))}>
          {t('lock')}
        </button>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {showSettings && <SettingsPanel state={state} onState={onState} />}
      {wallet && (
        <div className="row">
          <label className="grow">
            <span className="sr-only">{t('accounts')}</span>
            <select data-testid="account-select" value={state.selectedAccountIndex} onChange={(e) => void run(call('selectAccount', { index: Number(e.target.value) }))}>
              {Array.from({ length: wallet.accountCount }, (_, i) => (
                <option key={i} value={i}>
                  {t('account', { n: i + 1 })}
                </option>
              ))}
            </select>
          </label>
          {wallet.kind === 'mnemonic' && (
            <button className="small secondary" data-testid="add-account" onClick={() => void run(call('addAccount', { walletId: wallet.id }))}>
              {t('addAccount')}
            </button>
          )}
          <button className="small secondary" data-testid="add-wallet" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html?add=1') })}>
            {t('addWallet')}
          </button>
        </div>
      )}
      <Accounts state={state} />
    </div>
  );
}
