/**
 * The network picker: every network grouped by family, a search box, and testnets hidden unless
 * the toggle is on (or a testnet is the active one). Replaces the native 32-option <select>.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Check } from 'lucide-react';
import type { ChainOption, ChainsView, PopupFamily } from '../../protocol/ui';
import { WALLET_FAMILIES } from '../../families/ids';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { Sheet } from '../components/Sheet';
import { ListItem } from '../components/ListItem';
import { NetworkLogo } from './NetworkLogo';
import { useDisplayNames } from '../i18n/defaultNames';

/** `shownName` is the name as displayed (translated defaults): a search matches it, the stored name or the id. */
export function filterChains(chains: readonly ChainOption[], query: string, testnets: boolean, shownName: (name: string) => string = (n) => n): ChainOption[] {
  const q = query.trim().toLowerCase();
  const hit = (c: ChainOption): boolean => c.name.toLowerCase().includes(q) || shownName(c.name).toLowerCase().includes(q) || c.id.toLowerCase().includes(q);
  return chains.filter((c) => (testnets || !c.testnet) && (!q || hit(c)));
}

export function NetworkSheet({ chains, open, onClose, onPick }: { chains: ChainsView; open: boolean; onClose: () => void; onPick: (id: string) => void }): ReactNode {
  const { t } = useI18n();
  const { networkName } = useDisplayNames();
  const activeIsTestnet = chains.chains.find((c) => c.id === chains.active)?.testnet ?? false;
  const [query, setQuery] = useState('');
  const [testnets, setTestnets] = useState(activeIsTestnet);
  const shown = useMemo(() => filterChains(chains.chains, query, testnets, networkName), [chains, query, testnets, networkName]);
  const groups: readonly PopupFamily[] = WALLET_FAMILIES;
  return (
    <Sheet open={open} title={t('network')} onClose={onClose} closeLabel={t('close')} testid="network-sheet">
      <label>
        <span className="sr-only">{t('searchNetworks')}</span>
        <input type="search" className="search" placeholder={t('searchNetworks')} data-testid="network-search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" data-testid="network-testnets" checked={testnets} onChange={(e) => setTestnets(e.target.checked)} />
        <span>{t('showTestnets')}</span>
      </label>
      {groups.map((g) => {
        const list = shown.filter((c) => c.family === g);
        if (!list.length) return null;
        return (
          <section key={g} aria-labelledby={`net-group-${g}`}>
            <h3 className="group-title" id={`net-group-${g}`}>
              {t(`family_${g}` as MessageKey)}
            </h3>
            <ul className="items">
              {list.map((c) => (
                <ListItem
                  key={c.id}
                  testid={`network-option-${c.id}`}
                  leading={<NetworkLogo family={c.family} name={c.name} id={c.id} />}
                  title={networkName(c.name)}
                  subtitle={c.testnet ? t('testnet') : undefined}
                  selected={c.id === chains.active}
                  trailing={c.id === chains.active ? <Check size={16} aria-hidden /> : undefined}
                  onClick={() => onPick(c.id)}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {shown.length === 0 && <p className="hint">{t('noNetworksFound')}</p>}
    </Sheet>
  );
}
