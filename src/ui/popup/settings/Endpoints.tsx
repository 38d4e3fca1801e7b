/**
 * Node endpoints of the non-EVM families: the Bitcoin Esplora API, the Solana JSON-RPC and the
 * TRON full node of each network (http(s) only, checked by the background). The same endpoint
 * serves the popup and the family's dApps.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ChainEndpoints } from '../../../protocol/ui';
import { ENDPOINT_FAMILIES, type EndpointFamily } from '../../../families/ids';
import { call } from '../../api';
import { errorText } from '../../errors';
import { useI18n } from '../../i18n/context';
import { isMessageKey, type MessageKey } from '../../i18n';

export function Endpoints({ onChanged }: { onChanged: () => void }): ReactNode {
  const { t } = useI18n();
  const [endpoints, setEndpoints] = useState<ChainEndpoints | null>(null);
  const [family, setFamily] = useState<EndpointFamily>('bitcoin');
  const [network, setNetwork] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    call('getChainEndpoints', {}).then(setEndpoints, (err: unknown) => setError(errorText(err, t)));
  }, [t]);

  const networks = endpoints ? Object.keys(endpoints[family]) : [];
  const current = network && networks.includes(network) ? network : (networks[0] ?? '');
  useEffect(() => {
    if (endpoints && current) setUrl(endpoints[family][current] ?? '');
  }, [endpoints, family, current]);

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      setEndpoints(await call('setChainEndpoint', { family, network: current, url: url.trim() }));
      setSaved(true);
      onChanged();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  if (!endpoints) return <p aria-busy="true">{t('loading')}</p>;
  return (
    <form className="stack" onSubmit={(e) => void save(e)} data-testid="endpoints">
      <label>
        {t('chain')}
        <select data-testid="endpoint-family" value={family} onChange={(e) => { setFamily(e.target.value as EndpointFamily); setNetwork(''); setSaved(false); }}>
          {ENDPOINT_FAMILIES.map((f) => (
            <option key={f} value={f}>
              {t(`family_${f}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('network')}
        <select data-testid="endpoint-network" value={current} onChange={(e) => { setNetwork(e.target.value); setSaved(false); }}>
          {networks.map((n) => (
            <option key={n} value={n}>
              {/* Network ids (mainnet, regtest…) in words; an id without a label shows as it is. */}
              {isMessageKey(`netname_${n}`) ? t(`netname_${n}` as MessageKey) : n}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('endpointUrl')}
        <input data-testid="endpoint-url" value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} autoComplete="off" inputMode="url" />
      </label>
      {error && (
        <p role="alert" className="error" data-testid="endpoint-error">
          {error}
        </p>
      )}
      {saved && (
        <p className="hint" role="status" data-testid="endpoint-saved">
          {t('saved')}
        </p>
      )}
      <button type="submit" className="small" data-testid="endpoint-save">
        {t('save')}
      </button>
    </form>
  );
}
