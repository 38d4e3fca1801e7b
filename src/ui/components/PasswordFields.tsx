/** New-password entry with confirmation and a strength meter that explains (StrengthMeter). */
import type { ReactNode } from 'react';
import { checkPasswordStrength } from '../../core/password';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { StrengthMeter } from './StrengthMeter';

export function PasswordFields(props: {
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  /** Words the password should not contain (wallet and account names). */
  userInputs?: readonly string[];
}): ReactNode {
  const { t } = useI18n();
  return (
    <div className="stack">
      <label>
        {t('passwordLabel')}
        <input type="password" autoComplete="new-password" data-testid="new-password" value={props.password} onChange={(e) => props.onPassword(e.target.value)} />
      </label>
      <StrengthMeter password={props.password} {...(props.userInputs ? { userInputs: props.userInputs } : {})} />
      <label>
        {t('confirmPasswordLabel')}
        <input type="password" autoComplete="new-password" data-testid="confirm-password" value={props.confirm} onChange={(e) => props.onConfirm(e.target.value)} />
      </label>
      <p className="hint">{t('passwordHint')}</p>
    </div>
  );
}

/** The reason a new password cannot be used, as a translated error key, or null. */
export function passwordProblem(password: string, confirm: string): MessageKey | null {
  if (!checkPasswordStrength(password).ok) return 'err_WEAK_PASSWORD';
  if (password !== confirm) return 'err_PASSWORD_MISMATCH';
  return null;
}
