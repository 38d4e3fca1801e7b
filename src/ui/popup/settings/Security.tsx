/** Change the password (the background re-wraps the vault) and reset the wallet (after an explicit confirmation). */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { WalletState } from '../../../protocol/ui';
import { call } from '../../api';
import { errorText } from '../../errors';
import { useI18n } from '../../i18n/context';
import { PasswordFields } from '../../components/PasswordFields';

export function ChangePassword({ onState }: { onState: (s: WalletState) => void }): ReactNode {
  const { t } = useI18n();
  const [old, setOld] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setMsg(null);
    if (next !== confirm) {
      setMsg({ ok: false, text: t('err_PASSWORD_MISMATCH') });
      return;
    }
    setBusy(true);
    try {
      onState(await call('changePassword', { oldPassword: old, newPassword: next }));
      setOld('');
      setNext('');
      setConfirm('');
      setMsg({ ok: true, text: t('passwordChanged') });
    } catch (err) {
      setMsg({ ok: false, text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)}>
      <label>
        {t('currentPassword')}
        <input type="password" autoComplete="current-password" data-testid="old-password" value={old} onChange={(e) => setOld(e.target.value)} />
      </label>
      <PasswordFields password={next} confirm={confirm} onPassword={setNext} onConfirm={setConfirm} />
      {msg && (
        <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? '' : 'error'} data-testid="password-msg">
          {msg.text}
        </p>
      )}
      <button type="submit" className="small" data-testid="change-password" disabled={busy || !old || !next}>
        {busy ? t('saving') : t('changePassword')}
      </button>
    </form>
  );
}

export function ResetWallet({ onState }: { onState: (s: WalletState) => void }): ReactNode {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const word = 'RESET';
  return (
    <div className="stack">
      <p className="warning" data-testid="reset-warning">
        {t('resetWarning')}
      </p>
      <label>
        {t('resetType', { word })}
        <input data-testid="reset-confirm-text" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck="false" />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <button
        className="danger"
        data-testid="reset-wallet"
        disabled={typed !== word}
        onClick={() => {
          call('resetWallet', { confirm: 'RESET' }).then(onState, (err: unknown) => setError(errorText(err, t)));
        }}
      >
        {t('resetWallet')}
      </button>
    </div>
  );
}
