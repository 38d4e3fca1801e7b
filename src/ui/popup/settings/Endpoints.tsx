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
import { FamilySelect } from '../../components/FamilySelect';

export function Endpoints({ onChanged }: { onChanged: () => void }): ReactNode {
  const { t } = useI18n();
  const [endpoints, setEndpoints] = useState<ChainEndpoints | null>(null);
  const [family, setFamily] = useState<EndpointFamily>('bitcoin');
  const [network, setNetwork] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<'saved' | 'reset' | null>(null);

  useEffect(() => {
    call('getChainEndpoints', {}).then(setEndpoints, (err: unknown) => setError(errorText(err, t)));
  }, [t]);

  const networks = endpoints ? Object.keys(endpoints[family]) : [];
  const current = network && networks.includes(network) ? network : (networks[0] ?? '');
  useEffect(() => {
    if (endpoints && current) setUrl(endpoints[family][current] ?? '');
  }, [endpoints, family, current]);

  // An empty URL asks the background for the network's default node (Reset to default).
  const store = async (next: string): Promise<void> => {
    setError(null);
    setSaved(null);
    try {
      setEndpoints(await call('setChainEndpoint', { family, network: current, url: next }));
      setSaved(next === '' ? 'reset' : 'saved');
      onChanged();
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (url.trim() === '') {
      setError(t('err_INVALID_URL'));
      return;
    }
    await store(url.trim());
  };

  if (!endpoints) return <p aria-busy="true">{t('loading')}</p>;
  return (
    <form className="stack" onSubmit={(e) => void save(e)} data-testid="endpoints">
      <FamilySelect
        label={t('chain')}
        families={ENDPOINT_FAMILIES}
        value={family}
        onChange={(f) => {
          setFamily(f);
          setNetwork('');
          setSaved(null);
        }}
        testid="endpoint-family"
      />
      <label>
        {t('network')}
        <select data-testid="endpoint-network" value={current} onChange={(e) => { setNetwork(e.target.value); setSaved(null); }}>
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
        <input data-testid="endpoint-url" value={url} onChange={(e) => setUrl(e.target.value)} spellCheck="false" autoComplete="off" inputMode="url" />
      </label>
      {error && (
        <p role="alert" className="error" data-testid="endpoint-error">
          {error}
        </p>
      )}
      {saved && (
        <p className="hint" role="status" data-testid="endpoint-saved">
          {saved === 'reset' ? t('endpointResetDone') : t('saved')}
        </p>
      )}
      <div className="row">
        <button type="submit" className="small" data-testid="endpoint-save">
          {t('save')}
        </button>
        <button type="button" className="small secondary" data-testid="endpoint-reset" onClick={() => void store('')}>
          {t('resetToDefault')}
        </button>
      </div>
    </form>
  );
}
