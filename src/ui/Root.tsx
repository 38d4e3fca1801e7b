/** Root of every extension page: loads the state, picks the locale, routes by lock state. */
import './effectTiming';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { I18nProvider, useI18n } from './i18n/context';
import { pickLocale, type Locale } from './i18n';
import { useWalletState } from './useWallet';
import { Unlock } from './popup/Unlock';
import { Home } from './popup/Home';
import { Logo } from './components/Logo';
import { prefetchUnlocked } from './prefetch';

// Onboarding and approval are separate pages: kept out of the popup's initial bundle.
const Onboarding = lazy(() => import('./onboarding/Onboarding').then((m) => ({ default: m.Onboarding })));
const ApprovalScreen = lazy(() => import('./approval/Approval').then((m) => ({ default: m.ApprovalScreen })));

export function localeOf(setting: string | undefined): Locale {
  if (setting && setting !== 'auto') return setting as Locale;
  return pickLocale(typeof navigator !== 'undefined' ? navigator.language : 'en');
}

function Welcome(): ReactNode {
  const { t } = useI18n();
  return (
    <main className="stack">
      <h1 className="brand">
        <Logo size={32} />
        {t('appName')}
      </h1>
      <p>{t('welcomeText')}</p>
      <button data-testid="start-onboarding" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') })}>
        {t('createWallet')} / {t('importWallet')}
      </button>
    </main>
  );
}

export function Root({ page }: { page: 'popup' | 'onboarding' | 'approval' }): ReactNode {
  const { state, setState } = useWalletState();
  const locale = localeOf(state?.settings.language);
  const theme = state?.settings.theme;
  // The theme lives on <html> so the page background and native controls follow it too.
  useEffect(() => {
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
  }, [theme]);
  const adding = page === 'onboarding' && new URLSearchParams(location.search).has('add');
  // Forgot password → restore from the recovery phrase (the unlock screen's link): onboarding's import, replacing the vault.
  // It stays on screen after the new vault unlocks (a lock/unlock event refreshes the state), until its 'done' step.
  const restoring = page === 'onboarding' && new URLSearchParams(location.search).has('restore');
  let body: ReactNode;
  if (!state) body = <p aria-busy="true">…</p>;
  else if (page === 'approval') body = state.unlocked ? <ApprovalScreen /> : <Unlock onUnlocked={setState} />;
  else if (page === 'onboarding') body = restoring && state.initialized ? <Onboarding adding={false} restoring /> : !state.initialized || (adding && state.unlocked) ? <Onboarding adding={adding && state.initialized} /> : state.unlocked ? <Home state={state} onState={setState} /> : <Unlock onUnlocked={setState} />;
  else if (!state.initialized) body = <Welcome />;
  // The popup asks for Home's first answers as soon as the vault opens and renders Home with them (prefetch.ts).
  else if (!state.unlocked) body = <Unlock onUnlocked={(s) => prefetchUnlocked().then(() => setState(s))} />;
  else body = <Home state={state} onState={setState} />;
  return (
    <I18nProvider locale={locale}>
      <div lang={locale} className={`page page-${page}`}>
        <Suspense fallback={<p aria-busy="true">…</p>}>{body}</Suspense>
      </div>
    </I18nProvider>
  );
}
