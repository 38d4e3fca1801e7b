/** Settings, in collapsible sections (keyboard-operable <details>), sized for the 360×600 popup. */
import type { ReactNode } from 'react';
import type { WalletState } from '../../../protocol/ui';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n';
import { General } from './General';
import { Networks } from './Networks';
import { Endpoints } from './Endpoints';
import { AddressBook } from './AddressBook';
import { Secrets } from './Secrets';
import { ChangePassword, ResetWallet } from './Security';

function Section({ id, title, children }: { id: string; title: MessageKey; children: ReactNode }): ReactNode {
  const { t } = useI18n();
  return (
    <details className="panel" data-testid={`section-${id}`}>
      <summary data-testid={`open-${id}`}>{t(title)}</summary>
      <div className="section-body">{children}</div>
    </details>
  );
}

export default function Settings({ state, onState, onNetworksChanged }: { state: WalletState; onState: (s: WalletState) => void; onNetworksChanged: () => void }): ReactNode {
  const { t } = useI18n();
  return (
    <section className="stack" aria-labelledby="settings-title">
      <h2 id="settings-title" className="h2">
        {t('settings')}
      </h2>
      <Section id="general" title="general">
        <General state={state} onState={onState} />
      </Section>
      <Section id="networks" title="networks">
        <Networks onChanged={onNetworksChanged} />
      </Section>
      <Section id="endpoints" title="endpoints">
        <Endpoints onChanged={onNetworksChanged} />
      </Section>
      <Section id="addressbook" title="addressBook">
        <AddressBook />
      </Section>
      <Section id="secrets" title="revealSecret">
        <Secrets state={state} />
      </Section>
      <Section id="password" title="changePassword">
        <ChangePassword onState={onState} />
      </Section>
      <Section id="reset" title="resetWallet">
        <ResetWallet onState={onState} />
      </Section>
    </section>
  );
}
