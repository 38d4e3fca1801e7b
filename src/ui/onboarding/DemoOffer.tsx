/**
 * Demo build only (src/demo/config.ts): offers the public test phrase whose accounts the local
 * nodes of `npm start` fund, labelled as what it is: a phrase everyone knows.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';

export function DemoOffer({ onUse }: { onUse: () => void }): ReactNode {
  const { t } = useI18n();
  return (
    <section className="stack warning" data-testid="demo-offer">
      <h3>{t('demoTitle')}</h3>
      <p>{t('demoText')}</p>
      <button className="secondary" data-testid="demo-use" onClick={onUse}>
        {t('demoUse')}
      </button>
    </section>
  );
}
