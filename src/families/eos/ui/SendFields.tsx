/**
 * EOS send fields: the memo (exchanges credit deposits by it), the account to send from when the
 * node cannot list the key's accounts (or to pick another one), and the permission (active by
 * default; owner only with a warning). Values go to the background as the send's `extra`.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../../../ui/i18n/context';
import type { MessageKey } from '../../../ui/i18n';

type Props = { value: Readonly<Record<string, string | boolean>>; onChange(v: Record<string, string | boolean>): void };

export default function EosSendFields({ value, onChange }: Props): ReactNode {
  const { t } = useI18n();
  const tt = (k: string): string => t(k as MessageKey);
  const set = (k: string, v: string): void => onChange({ ...value, [k]: v });
  const permission = typeof value.permission === 'string' && value.permission ? value.permission : 'active';
  return (
    <fieldset className="stack">
      <label>
        {tt('eos_memo')}
        <input data-testid="eos-memo" value={typeof value.memo === 'string' ? value.memo : ''} maxLength={256} onChange={(e) => set('memo', e.target.value)} />
      </label>
      <p className="hint">{tt('eos_memoHint')}</p>
      <label>
        {tt('eos_fromAccount')}
        <input data-testid="eos-account" value={typeof value.account === 'string' ? value.account : ''} maxLength={12} autoCapitalize="off" spellCheck="false" onChange={(e) => set('account', e.target.value.trim().toLowerCase())} />
      </label>
      <p className="hint">{tt('eos_fromAccountHint')}</p>
      <label>
        {tt('eos_permission')}
        <select data-testid="eos-permission" value={permission} onChange={(e) => set('permission', e.target.value)}>
          <option value="active">{tt('eos_permissionActive')}</option>
          <option value="owner">{tt('eos_permissionOwner')}</option>
        </select>
      </label>
      {permission === 'owner' && (
        <p className="warning" role="alert" data-testid="eos-owner-warning">
          {tt('eos_ownerWarning')}
        </p>
      )}
    </fieldset>
  );
}
