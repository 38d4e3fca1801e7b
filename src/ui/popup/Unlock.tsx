/** The unlock screen: password in, the background verifies it; errors and back-off are shown. */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { WalletState } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { browser } from 'wxt/browser';
import { useI18n } from '../i18n/context';
import { Logo } from '../components/Logo';

/** `onUnlocked` may return a promise (the popup prefetches Home's first answers): the screen stays busy until it settles. */
export function Unlock({ onUnlocked }: { onUnlocked: (s: WalletState) => void | Promise<void> }): ReactNode {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Focused on every mount (also when the wallet locks under an open popup), not only at page load as the autofocus attribute is.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await call('unlock', { password });
      setPassword('');
      await onUnlocked(s);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
    <form className="stack unlock" onSubmit={(e) => void submit(e)}>
      <div className="brand">
        <Logo size={40} />
        <span className="hint">{t('appName')}</span>
      </div>
      <h1>{t('unlockTitle')}</h1>
      <label>
        {t('passwordLabel')}
        <input ref={input} type="password" autoComplete="current-password" data-testid="unlock-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error" data-testid="error">
          {error}
        </p>
      )}
      <button type="submit" data-testid="unlock" disabled={busy || !password}>
        {busy ? t('unlocking') : t('unlock')}
      </button>
      <button type="button" className="ghost small" data-testid="forgot-password" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html?restore=1') })}>
        {t('forgotPassword')}
      </button>
    </form>
    </main>
  );
}
