/**
 * Edits one EVM network's RPC and explorer (built-in ones too: users behind a firewall replace
 * blocked public RPCs). The background checks eth_chainId before saving, so a wrong or
 * unreachable node changes nothing; a changed built-in can be reset to its defaults.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { NetworkView } from '../../../protocol/ui';
import { call } from '../../api';
import { errorText } from '../../errors';
import { useI18n } from '../../i18n/context';

type NetworkList = { networks: NetworkView[]; activeChainId: number };

export function NetworkEditor({ network, onDone }: { network: NetworkView; onDone: (list: NetworkList, message: string) => void }): ReactNode {
  const { t } = useI18n();
  const [rpcUrl, setRpcUrl] = useState(network.rpcUrl);
  const [explorer, setExplorer] = useState(network.explorer ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<NetworkList>, message: string): Promise<void> => {
    setError(null);
    setBusy(true);
    try {
      onDone(await work(), message);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const save = (e: FormEvent): void => {
    e.preventDefault();
    void run(() => call('editNetwork', { chainId: network.chainId, rpcUrl: rpcUrl.trim(), explorer: explorer.trim() }), t('networkSaved', { name: network.name }));
  };

  return (
    <form className="stack" onSubmit={save} aria-label={t('editNetworkOf', { name: network.name })} data-testid={`edit-network-form-${network.chainId}`}>
      <label>
        {t('rpcUrl')}
        <input data-testid="edit-rpc" value={rpcUrl} onChange={(e) => setRpcUrl(e.target.value)} required spellCheck="false" autoComplete="off" inputMode="url" />
      </label>
      <label>
        {t('explorerUrlShort')}
        <input data-testid="edit-explorer" value={explorer} onChange={(e) => setExplorer(e.target.value)} spellCheck="false" autoComplete="off" inputMode="url" />
      </label>
      <p className="hint">{t('editRpcHint', { chainId: network.chainId })}</p>
      {error && (
        <p role="alert" className="error" data-testid="edit-network-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="small" data-testid="edit-network-save" disabled={busy}>
          {busy ? t('checkingRpc') : t('save')}
        </button>
        {!network.custom && network.edited && (
          <button type="button" className="small secondary" data-testid="edit-network-reset" disabled={busy} onClick={() => void run(() => call('resetNetwork', { chainId: network.chainId }), t('networkReset', { name: network.name }))}>
            {t('resetToDefault')}
          </button>
        )}
      </div>
    </form>
  );
}
