/** The activity log's part for danger warnings the user approved anyway: site, request, warnings, time. */
import { useEffect, useState, type ReactNode } from 'react';
import type { RiskOverride } from '../../protocol/approvals';
import { call } from '../api';
import { useI18n } from '../i18n/context';
import { isMessageKey, type MessageKey } from '../i18n';

export function RiskOverrides(): ReactNode {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<RiskOverride[]>([]);
  useEffect(() => {
    call('listRiskOverrides', {}).then(setItems, () => setItems([]));
  }, []);
  if (items.length === 0) return null;
  return (
    <>
      <h3 className="h2">{t('riskOverrides')}</h3>
      <ul className="list" data-testid="risk-overrides">
        {items.map((o, i) => (
          <li key={`${o.time}-${i}`} data-testid="risk-override">
            <div className="row">
              <strong className="grow">{isMessageKey(`approval_${o.kind}`) ? t(`approval_${o.kind}` as MessageKey) : o.kind}</strong>
              <time dateTime={new Date(o.time).toISOString()}>{new Date(o.time).toLocaleString(locale)}</time>
            </div>
            <div className="hint">{o.origin}</div>
            <div className="hint error">{o.codes.join(', ')}</div>
          </li>
        ))}
      </ul>
    </>
  );
}
