/** An on/off setting: a checkbox with its label and, under it, a hint saying what it does. */
import type { ReactNode } from 'react';

export interface SettingToggleProps {
  testid: string;
  checked: boolean;
  onChange(checked: boolean): void;
  label: ReactNode;
  hint: ReactNode;
}

export function SettingToggle({ testid, checked, onChange, label, hint }: SettingToggleProps): ReactNode {
  return (
    <label className="row">
      <input type="checkbox" data-testid={testid} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span className="grow">
        {label}
        <br />
        <span className="hint">{hint}</span>
      </span>
    </label>
  );
}
