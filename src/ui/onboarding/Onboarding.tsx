/**
 * Onboarding in a full tab: create (show the phrase, check 3–4 random positions of it,
 * set a password) or import (phrase + optional passphrase, or one chain's private key).
 * With ?add=1 and an unlocked wallet, the same flow adds a wallet to the vault (no password step).
 */
import { useMemo, useState, type ReactNode } from 'react';
import { FAMILIES, type Family } from '../../core/types';
import { generateMnemonic, isMnemonicWord } from '../../core/derive/mnemonic';
import type { NewWalletSecret } from '../../protocol/ui';
import { call, UiError } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { PasswordFields, passwordProblem } from '../components/PasswordFields';
import { DEMO, DEMO_MNEMONIC } from '../../demo/config';
import { DemoOffer } from './DemoOffer';
import { Logo } from '../components/Logo';
import { BackupCheck } from './BackupCheck';
import { FamilySelect } from '../components/FamilySelect';

type Step = 'start' | 'backup' | 'confirm' | 'import' | 'password' | 'done';

/** First problem in a typed phrase, for a precise message before the background checks the checksum. */
function phraseProblem(phrase: string): { key: MessageKey; vars?: Record<string, string> } | null {
  const words = phrase.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const unknown = words.find((w) => !isMnemonicWord(w));
  if (unknown) return { key: 'err_UNKNOWN_WORD', vars: { w: unknown } };
  if (![12, 15, 18, 21, 24].includes(words.length)) return { key: 'err_INVALID_MNEMONIC_LENGTH' };
  return null;
}

export function Onboarding({ adding, restoring = false }: { adding: boolean; restoring?: boolean }): ReactNode {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>(restoring ? 'import' : 'start');
  const [mnemonic, setMnemonic] = useState('');
  const [importKind, setImportKind] = useState<'mnemonic' | 'privateKey'>('mnemonic');
  const [phrase, setPhrase] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [privateKey, setPrivateKey] = useState('');
  const [family, setFamily] = useState<Family>('evm');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<NewWalletSecret | null>(null);

  const words = useMemo(() => mnemonic.split(' ').filter(Boolean), [mnemonic]);

  const startCreate = (strength: 128 | 256): void => {
    setMnemonic(generateMnemonic(strength));
    setError(null);
    setStep('backup');
  };

  const proceed = async (s: NewWalletSecret): Promise<void> => {
    setSecret(s);
    if (adding) await submit(s, '');
    else setStep('password');
  };

  const submitImport = (): void => {
    setError(null);
    if (importKind === 'mnemonic') {
      const p = phraseProblem(phrase);
      if (p) return setError(t(p.key, p.vars));
      void proceed({ kind: 'mnemonic', mnemonic: phrase.trim().toLowerCase().split(/\s+/).join(' '), ...(passphrase ? { passphrase } : {}) });
    } else {
      if (!privateKey.trim()) return setError(t('err_INVALID_PRIVATE_KEY'));
      void proceed({ kind: 'privateKey', family, privateKey: privateKey.trim() });
    }
  };

  const submit = async (s: NewWalletSecret | null, pw: string): Promise<void> => {
    if (!s) return;
    setBusy(true);
    setError(null);
    try {
      if (adding) await call('addWallet', { secret: s });
      else await call('createVault', { password: pw, secret: s, ...(restoring ? { replaceExisting: true } : {}) });
      setMnemonic('');
      setPhrase('');
      setPrivateKey('');
      setPassphrase('');
      setPassword('');
      setConfirm('');
      setSecret(null);
      setStep('done');
    } catch (err) {
      setError(errorText(err, t));
      // A bad secret sends the user back to fix it; a weak password stays on this step.
      const code = err instanceof UiError ? err.code : '';
      if (code.startsWith('INVALID_') || code === 'DUPLICATE_WALLET') setStep(mnemonic ? 'start' : 'import');
    } finally {
      setBusy(false);
    }
  };

  const submitPassword = (): void => {
    const problem = passwordProblem(password, confirm);
    if (problem) return setError(t(problem));
    void submit(secret, password);
  };

  return (
    <main className="onboarding" aria-live="polite">
      <h1 className="brand">
        <Logo size={36} />
        {t('appName')}
      </h1>
      {restoring && step !== 'done' && (
        <p className="warning" role="note" data-testid="restore-warning">
          {t('restoreWarning')}
        </p>
      )}
      {error && (
        <p role="alert" className="error" data-testid="error">
          {error}
        </p>
      )}
      {step === 'start' && (
        <section className="stack">
          <h2>{t('welcome')}</h2>
          <p>{t('welcomeText')}</p>
          <div className="row">
            <button data-testid="create-12" onClick={() => startCreate(128)}>
              {t('createWallet')} ({t('words12')})
            </button>
            <button data-testid="create-24" onClick={() => startCreate(256)}>
              {t('createWallet')} ({t('words24')})
            </button>
          </div>
          <button className="secondary" data-testid="import" onClick={() => setStep('import')}>
            {t('importWallet')}
          </button>
          {DEMO && <DemoOffer onUse={() => void proceed({ kind: 'mnemonic', mnemonic: DEMO_MNEMONIC })} />}
        </section>
      )}
      {step === 'backup' && (
        <section className="stack">
          <h2>{t('backupTitle')}</h2>
          <p className="warning">{t('backupWarning')}</p>
          <ol className="words" data-testid="mnemonic-words">
            {words.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ol>
          <div className="row">
            <button className="secondary" onClick={() => setStep('start')}>
              {t('back')}
            </button>
            <button data-testid="backup-done" onClick={() => setStep('confirm')}>
              {t('backupDone')}
            </button>
          </div>
        </section>
      )}
      {step === 'confirm' && (
        <BackupCheck
          words={words}
          onBack={() => {
            setError(null);
            setStep('backup');
          }}
          onDone={() => void proceed({ kind: 'mnemonic', mnemonic })}
        />
      )}
      {step === 'import' && (
        <section className="stack">
          <h2>{t('importWallet')}</h2>
          <fieldset className="row">
            <legend>{t('importKind')}</legend>
            <label>
              <input type="radio" name="kind" checked={importKind === 'mnemonic'} onChange={() => setImportKind('mnemonic')} /> {t('importMnemonic')}
            </label>
            <label>
              <input type="radio" name="kind" data-testid="kind-private-key" checked={importKind === 'privateKey'} onChange={() => setImportKind('privateKey')} /> {t('importPrivateKey')}
            </label>
          </fieldset>
          {importKind === 'mnemonic' ? (
            <>
              <label>
                {t('mnemonicLabel')}
                <textarea data-testid="import-mnemonic" rows={3} autoComplete="off" spellCheck="false" value={phrase} onChange={(e) => setPhrase(e.target.value)} />
              </label>
              <label>
                {t('passphraseLabel')}
                <input type="password" data-testid="import-passphrase" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
              </label>
            </>
          ) : (
            <>
              <FamilySelect label={t('familyLabel')} families={FAMILIES} value={family} onChange={setFamily} testid="import-family" />
              <label>
                {t('privateKeyLabel')}
                <input type="password" data-testid="import-private-key" autoComplete="off" value={privateKey} onChange={(e) => setPrivateKey(e.target.value)} />
              </label>
            </>
          )}
          <div className="row">
            <button className="secondary" onClick={() => setStep('start')}>
              {t('back')}
            </button>
            <button data-testid="import-next" disabled={busy} onClick={submitImport}>
              {t('next')}
            </button>
          </div>
        </section>
      )}
      {step === 'password' && (
        <section className="stack">
          <h2>{t('setPassword')}</h2>
          <PasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} />
          <button data-testid="finish" disabled={busy} onClick={submitPassword}>
            {busy ? t('loading') : t('finish')}
          </button>
        </section>
      )}
      {step === 'done' && (
        <section className="stack">
          <p data-testid="onboarding-done">{t('done')}</p>
          <a className="button" href="/popup.html">
            {t('openWallet')}
          </a>
        </section>
      )}
    </main>
  );
}
