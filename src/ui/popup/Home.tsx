/**
 * Home: wallet, chain (any family's network: EVM, Bitcoin, Solana, TRON) and lock in the header; a tab bar; the Assets tab (account switcher,
 * balances, every family's address) renders at once, other tabs load on demand (React.lazy) so
 * the popup's first paint stays small. The tab follows the URL hash (#/send), behind the lock.
 */
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import type { ChainsView, PopupFamily, WalletState } from '../../protocol/ui';
import { WALLET_FAMILIES } from '../../families/ids';
import { call } from '../api';
import { callOnce, takeResolved } from '../prefetch';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { Accounts } from './Accounts';
import { Balances } from './Balances';
import { ChainBalances } from './ChainBalances';
import { AccountManage, accountName } from './AccountManage';

const Receive = lazy(() => import('./Receive'));
const Send = lazy(() => import('./Send'));
const ChainSend = lazy(() => import('./ChainSend'));
const Activity = lazy(() => import('./Activity'));
const Nfts = lazy(() => import('./Nfts'));
const Sites = lazy(() => import('./Sites'));
const Settings = lazy(() => import('./settings/Settings'));

const TABS = ['assets', 'nfts', 'receive', 'send', 'activity', 'sites', 'settings'] as const;
export type Tab = (typeof TABS)[number];

function tabFromHash(): Tab {
  const h = typeof location !== 'undefined' ? location.hash.replace(/^#\/?/, '') : '';
  return (TABS as readonly string[]).includes(h) ? (h as Tab) : 'assets';
}

export function Home({ state, onState }: { state: WalletState; onState: (s: WalletState) => void }): ReactNode {
  const { t } = useI18n();
  const [tab, setTabState] = useState<Tab>(tabFromHash);
  // Choosing the open tab again starts it afresh (e.g. a new transfer after a send).
  const [visit, setVisit] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [prefetchedChains] = useState(() => ({ value: takeResolved('listChains') }));
  const [chains, setChains] = useState<ChainsView | null>(prefetchedChains.value ?? null);
  const wallet = state.wallets.find((w) => w.id === state.selectedWalletId) ?? state.wallets[0];

  const setTab = useCallback((next: Tab) => {
    setTabState(next);
    setVisit((v) => v + 1);
    history.replaceState(null, '', next === 'assets' ? location.pathname : `#/${next}`);
  }, []);

  const reloadNetworks = useCallback(() => {
    callOnce('listChains', {}).then(setChains, (err: unknown) => setError(errorText(err, t)));
  }, [t]);
  useEffect(() => {
    if (prefetchedChains.value) prefetchedChains.value = undefined;
    else reloadNetworks();
  }, [reloadNetworks, prefetchedChains]);

  const run = async <T,>(p: Promise<T>, then?: (v: T) => void): Promise<void> => {
    setError(null);
    try {
      const v = await p;
      then?.(v);
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  const active = chains?.chains.find((c) => c.id === chains.active);
  const family: PopupFamily = chains?.family ?? 'evm';
  // An imported key has one family: the other families' screens have nothing to show.
  const capable = !wallet || wallet.kind === 'mnemonic' || wallet.family === family;
  const groups: readonly PopupFamily[] = WALLET_FAMILIES;

  return (
    <div className="home">
      <header className="row header">
        <label className="grow">
          <span className="sr-only">{t('wallet')}</span>
          <select data-testid="wallet-select" value={wallet?.id ?? ''} onChange={(e) => void run(call('selectWallet', { walletId: e.target.value }), onState)}>
            {state.wallets.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          <span className="sr-only">{t('network')}</span>
          <select data-testid="network-select" value={chains?.active ?? ''} disabled={!chains} onChange={(e) => void run(call('setActiveChain', { id: e.target.value }), setChains)}>
            {groups.map((g) => (
              <optgroup key={g} label={t(`family_${g}` as MessageKey)}>
                {chains?.chains
                  .filter((c) => c.family === g)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button className="small" data-testid="lock" onClick={() => void run(call('lock', {}), onState)}>
          {t('lock')}
        </button>
      </header>
      <nav className="tabs" aria-label={t('menu')}>
        {TABS.map((x) => (
          <button key={x} className="tab" data-testid={`tab-${x}`} aria-current={tab === x ? 'page' : undefined} onClick={() => setTab(x)}>
            {t(`tab_${x}` as MessageKey)}
          </button>
        ))}
      </nav>
      {error && (
        <p role="alert" className="error" data-testid="home-error">
          {error}
        </p>
      )}
      <main className="stack">
        {tab === 'assets' && (
          <>
            {wallet && (
              <div className="row">
                <label className="grow">
                  <span className="sr-only">{t('accounts')}</span>
                  <select data-testid="account-select" value={state.selectedAccountIndex} onChange={(e) => void run(call('selectAccount', { index: Number(e.target.value) }), onState)}>
                    {Array.from({ length: wallet.accountCount }, (_, i) => i)
                      .filter((i) => i === state.selectedAccountIndex || !(wallet.hiddenAccounts ?? []).includes(i))
                      .map((i) => (
                        <option key={i} value={i}>
                          {accountName(wallet, i, t)}
                        </option>
                      ))}
                  </select>
                </label>
                {wallet.kind === 'mnemonic' && (
                  <button className="small secondary" data-testid="add-account" onClick={() => void run(call('addAccount', { walletId: wallet.id }), onState)}>
                    {t('addAccount')}
                  </button>
                )}
                <button className="small secondary" data-testid="add-wallet" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html?add=1') })}>
                  {t('addWallet')}
                </button>
              </div>
            )}
            {wallet && <AccountManage key={`${wallet.id}:${state.selectedAccountIndex}`} wallet={wallet} state={state} onState={onState} />}
            {capable && chains && family === 'evm' && <Balances key={`${chains.active}:${state.selectedWalletId}:${state.selectedAccountIndex}`} networkName={active?.name ?? ''} />}
            {capable && chains && family !== 'evm' && <ChainBalances key={`${chains.active}:${state.selectedWalletId}:${state.selectedAccountIndex}:${state.settings.bitcoinScheme}`} networkName={active?.name ?? ''} />}
            {/* Remounted when the Bitcoin network changes: its row shows that network's address. */}
            <Accounts key={family === 'bitcoin' ? chains?.active : 'accounts'} state={state} />
          </>
        )}
        <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
          {tab === 'receive' && <Receive state={state} family={family} />}
          {tab === 'send' && chains && family === 'evm' && <Send key={`${chains.active}:${visit}`} onDone={() => setTab('activity')} onChains={setChains} />}
          {tab === 'send' && chains && family !== 'evm' && <ChainSend key={`${chains.active}:${visit}`} family={family} network={chains.active.slice(chains.active.indexOf(':') + 1)} onDone={() => setTab('activity')} onChains={setChains} />}
          {tab === 'activity' && <Activity />}
          {tab === 'nfts' && (family === 'evm' ? <Nfts key={`${chains?.active}:${state.selectedWalletId}:${state.selectedAccountIndex}:${visit}`} /> : <p className="hint">{t('nftsEvmOnly')}</p>)}
          {tab === 'sites' && <Sites />}
          {tab === 'settings' && <Settings state={state} onState={onState} onNetworksChanged={reloadNetworks} />}
        </Suspense>
      </main>
    </div>
  );
}
