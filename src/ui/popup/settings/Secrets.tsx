/**
 * Reveal the recovery phrase (or an imported private key) after a warning and the password,
 * checked in the background at export time. The secret is blurred until shown, and dropped from
 * memory and screen on Hide, on leaving this screen (unmount) and on a lock event.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { WalletState } from '../../../protocol/ui';
import { call, onWalletEvent } from '../../api';
import { errorText } from '../../errors';
import { useI18n } from '../../i18n/context';
import { useDisplayNames } from '../../i18n/defaultNames';

export function Secrets({ state }: { state: WalletState }): ReactNode {
  const { t } = useI18n();
  const { walletName } = useDisplayNames();
  const [walletId, setWalletId] = useState(state.selectedWalletId ?? state.wallets[0]?.id ?? '');
  const [password, setPassword] = useState('');
  const [ack, setAck] = useState(false);
  const [secret, setSecret] = useState<{ secret: string; kind: 'mnemonic' | 'privateKey' } | null>(null);
  const [visible, setVisible] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Locked (by the user, auto-lock or a worker restart that locked): forget the secret at once.
  useEffect(
    () =>
      onWalletEvent((e) => {
        if (e === 'locked') {
          setSecret(null);
          setVisible(false);
        }
      }),
    [],
  );
  useEffect(() => () => setSecret(null), []);

  const reveal = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const s = await call('exportSecret', { walletId, password });
      setPassword('');
      setSecret(s);
      setVisible(false);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  if (secret) {
    return (
      <div className="stack" data-testid="secret-panel">
        <p className="warning">{secret.kind === 'mnemonic' ? t('secretWarningMnemonic') : t('secretWarningKey')}</p>
        <div className={`secret ${visible ? '' : 'blurred'}`} data-testid="secret" aria-hidden={!visible} spellCheck="false" translate="no">
          {visible ? secret.secret : '•••• •••• •••• •••• •••• ••••'}
        </div>
        <div className="row">
          <button className="small secondary" data-testid="secret-toggle" aria-pressed={visible} onClick={() => setVisible(!visible)}>
            {visible ? t('hide') : t('show')}
          </button>
          <button className="small" data-testid="secret-done" onClick={() => { setSecret(null); setVisible(false); }}>
            {t('close')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="stack" onSubmit={(e) => void reveal(e)}>
      <p className="warning" data-testid="secret-risk">
        {t('revealWarning')}
      </p>
      {state.wallets.length > 1 && (
        <label>
          {t('wallet')}
          <select data-testid="secret-wallet" value={walletId} onChange={(e) => setWalletId(e.target.value)}>
            {state.wallets.map((w) => (
              <option key={w.id} value={w.id}>
                {walletName(w.name)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="check">
        <input type="checkbox" data-testid="secret-ack" checked={ack} onChange={(e) => setAck(e.target.checked)} />
        {t('revealAck')}
      </label>
      <label>
        {t('passwordLabel')}
        <input type="password" autoComplete="off" spellCheck="false" data-testid="secret-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error" data-testid="secret-error">
          {error}
        </p>
      )}
      <button type="submit" className="small" data-testid="secret-reveal" disabled={!ack || !password || busy}>
        {t('reveal')}
      </button>
    </form>
  );
}
