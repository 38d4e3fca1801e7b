/** A labelled <select> of chain families, each named in the UI language (the family_* messages). */
import type { ReactNode } from 'react';
import type { Family } from '../../families/ids';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';

export interface FamilySelectProps<F extends Family> {
  label: ReactNode;
  families: readonly F[];
  value: F;
  onChange(family: F): void;
  testid: string;
}

export function FamilySelect<F extends Family>({ label, families, value, onChange, testid }: FamilySelectProps<F>): ReactNode {
  const { t } = useI18n();
  return (
    <label>
      {label}
      <select data-testid={testid} value={value} onChange={(e) => onChange(e.target.value as F)}>
        {families.map((f) => (
          <option key={f} value={f}>
            {t(`family_${f}` as MessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
}
