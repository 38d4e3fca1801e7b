/**
 * Home: the account (identicon, name, address with copy) and the network at the top, each opening a
 * sheet; the balance headline with Send / Receive; the asset list; a bottom navigation that never
 * wraps. One account on one network: other families' addresses live in Receive. Screens other than Home load on demand (React.lazy) so the popup's first paint stays small.
 * The screen follows the URL hash (#/send), behind the lock.
 */
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { ArrowDownLeft, ArrowUpRight, ChevronDown, Globe, History, Image, Lock, Settings as SettingsIcon, Wallet as WalletIcon } from 'lucide-react';
import type { ChainsView, PopupFamily, WalletState } from '../../protocol/ui';
import { call } from '../api';
import { callOnce, takeResolved } from '../prefetch';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import { useDisplayNames } from '../i18n/defaultNames';
import type { MessageKey } from '../i18n';
import { useAccountList } from './useAccountList';
import { markPainted } from '../perf';
import { Balances } from './Balances';
import { accountName } from './AccountManage';
import { AccountSheet } from './AccountSheet';
import { NetworkSheet } from './NetworkSheet';
import { NetworkLogo } from './NetworkLogo';
import { HeadlineAmount, type Headline } from './Headline';
import { Avatar } from '../components/Avatar';
import { Address } from '../components/Address';
import { IconButton } from '../components/IconButton';
import { Button } from '../components/Button';

const Receive = lazy(() => import('./Receive'));
const Send = lazy(() => import('./Send'));
const Activity = lazy(() => import('./Activity'));
const Nfts = lazy(() => import('./Nfts'));
const Sites = lazy(() => import('./Sites'));
const Settings = lazy(() => import('./settings/Settings'));

const TABS = ['assets', 'nfts', 'receive', 'send', 'activity', 'sites', 'settings'] as const;
export type Tab = (typeof TABS)[number];
const TAB_ICON: Record<Tab, ReactNode> = {
  assets: <WalletIcon size={18} aria-hidden />,
  nfts: <Image size={18} aria-hidden />,
  receive: <ArrowDownLeft size={18} aria-hidden />,
  send: <ArrowUpRight size={18} aria-hidden />,
  activity: <History size={18} aria-hidden />,
  sites: <Globe size={18} aria-hidden />,
  settings: <SettingsIcon size={18} aria-hidden />,
};

function tabFromHash(): Tab {
  const h = typeof location !== 'undefined' ? location.hash.replace(/^#\/?/, '') : '';
  return (TABS as readonly string[]).includes(h) ? (h as Tab) : 'assets';
}

export function Home({ state, onState }: { state: WalletState; onState: (s: WalletState) => void }): ReactNode {
  const { t } = useI18n();
  const { networkName, walletName } = useDisplayNames();
  const [tab, setTabState] = useState<Tab>(tabFromHash);
  // Choosing the open tab again starts it afresh (e.g. a new transfer after a send).
  const [visit, setVisit] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [prefetchedChains] = useState(() => ({ value: takeResolved('listChains') }));
  const [chains, setChains] = useState<ChainsView | null>(prefetchedChains.value ?? null);
  const [sheet, setSheet] = useState<'account' | 'network' | null>(null);
  const [headline, setHeadline] = useState<Headline | null>(null);
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
  // The Bitcoin row carries the active Bitcoin network's address: refetched when it changes.
  const { accounts, error: accountsError } = useAccountList(state, chains?.active ?? '');
  // A layout effect: the mark's frame is the one this commit paints in (a passive effect may run a frame later).
  useLayoutEffect(() => {
    if (accounts) markPainted('mcw:accounts');
  }, [accounts]);
  const mine = accounts?.find((a) => a.family === family);
  const name = wallet ? accountName(wallet, state.selectedAccountIndex, t) : '';

  return (
    <div className="home">
      <header className="topbar">
        {wallet && (
          <button type="button" className="chip grow" data-testid="account-chip" data-index={state.selectedAccountIndex} aria-haspopup="dialog" onClick={() => setSheet('account')}>
            <span className="sr-only">{t('accounts')}: </span>
            <Avatar seed={`${wallet.id}:${state.selectedAccountIndex}`} size={30} />
            <span className="chip-text">
              <span className="chip-title" data-testid="account-chip-name">
                {name}
              </span>
              <span className="chip-sub chip-title" data-testid="account-chip-wallet">
                {walletName(wallet.name)}
              </span>
            </span>
            <ChevronDown size={14} aria-hidden />
          </button>
        )}
        <button type="button" className="chip network" data-testid="network-chip" data-active={chains?.active ?? ''} aria-haspopup="dialog" disabled={!chains} onClick={() => setSheet('network')}>
          <span className="sr-only">{t('network')}: </span>
          {active && <NetworkLogo family={active.family} name={active.name} id={active.id} size={20} />}
          <span className="chip-title">{active ? networkName(active.name) : '…'}</span>
          <ChevronDown size={14} aria-hidden />
        </button>
        <IconButton label={t('lock')} data-testid="lock" onClick={() => void run(call('lock', {}), onState)}>
          <Lock size={18} aria-hidden />
        </IconButton>
      </header>
      {error && (
        <p role="alert" className="error" data-testid="home-error">
          {error}
        </p>
      )}
      <main className="stack">
        <h1 className="sr-only">{tab === 'assets' ? t('appName') : t(`tab_${tab}` as MessageKey)}</h1>
        {tab === 'assets' && (
          <>
            <div className="hero" data-testid="home-hero" data-accounts={accounts ? 'ready' : 'loading'}>
              {capable && <HeadlineAmount headline={headline} networkName={active ? networkName(active.name) : ''} />}
              {mine && <Address address={mine.address} copyLabel={t('copyAddress')} copiedLabel={t('copied')} testid="home-address" />}
              <div className="hero-actions">
                <Button icon={<ArrowUpRight size={16} aria-hidden />} data-testid="home-send" onClick={() => setTab('send')}>
                  {t('tab_send')}
                </Button>
                <Button variant="secondary" icon={<ArrowDownLeft size={16} aria-hidden />} data-testid="home-receive" onClick={() => setTab('receive')}>
                  {t('tab_receive')}
                </Button>
              </div>
            </div>
            {capable && chains && <Balances key={`${chains.active}:${state.selectedWalletId}:${state.selectedAccountIndex}:${state.settings.bitcoinScheme}`} family={family} onHeadline={setHeadline} />}
            {accountsError && (
              <p role="alert" className="error" data-testid="accounts-error">
                {accountsError}
              </p>
            )}
          </>
        )}
        <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
          {tab === 'receive' && <Receive key={chains?.active} state={state} family={family} />}
          {tab === 'send' && chains && <Send key={`${chains.active}:${visit}`} family={family} network={chains.active.slice(chains.active.indexOf(':') + 1)} onDone={() => setTab('activity')} onChains={setChains} />}
          {tab === 'activity' && <Activity />}
          {tab === 'nfts' && (family === 'evm' ? <Nfts key={`${chains?.active}:${state.selectedWalletId}:${state.selectedAccountIndex}:${visit}`} /> : <p className="hint">{t('nftsEvmOnly')}</p>)}
          {tab === 'sites' && <Sites />}
          {tab === 'settings' && <Settings state={state} onState={onState} onNetworksChanged={reloadNetworks} />}
        </Suspense>
      </main>
      <nav className="bottom-nav" aria-label={t('menu')} style={{ gridTemplateColumns: `repeat(${TABS.length}, minmax(0, 1fr))` }}>
        {TABS.map((x) => (
          <button key={x} type="button" data-testid={`tab-${x}`} aria-current={tab === x ? 'page' : undefined} onClick={() => setTab(x)}>
            {TAB_ICON[x]}
            <span>{t(`tab_${x}` as MessageKey)}</span>
          </button>
        ))}
      </nav>
      {wallet && sheet === 'account' && (
        <AccountSheet
          state={state}
          wallet={wallet}
          open
          onClose={() => setSheet(null)}
          onState={onState}
          run={(p) => run(p, onState)}
          call={{
            selectWallet: (walletId) => call('selectWallet', { walletId }),
            selectAccount: (index) => call('selectAccount', { index }),
            addAccount: (walletId) => call('addAccount', { walletId }),
          }}
        />
      )}
      {chains && sheet === 'network' && (
        <NetworkSheet
          chains={chains}
          open
          onClose={() => setSheet(null)}
          onPick={(id) => {
            setSheet(null);
            void run(call('setActiveChain', { id }), setChains);
          }}
        />
      )}
    </div>
  );
}
