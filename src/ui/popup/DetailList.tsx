/** A family's labelled extras (balance details, send review details): `detail_<key>` labels when the dictionaries have one. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { isMessageKey } from '../i18n';

export function DetailList({ details, testid }: { details: Record<string, string>; testid: string }): ReactNode {
  const { t } = useI18n();
  const entries = Object.entries(details);
  if (!entries.length) return null;
  return (
    <dl className="details" data-testid={testid}>
      {entries.map(([k, v]) => {
        const key = `detail_${k}`;
        return (
          <div className="detail" key={k} data-testid={`${testid}-${k}`}>
            <dt>{isMessageKey(key) ? t(key) : k}</dt>
            <dd className={/address|mint/i.test(k) ? 'address' : ''}>{v}</dd>
          </div>
        );
      })}
    </dl>
  );
}
