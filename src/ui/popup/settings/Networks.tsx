/** EVM networks: the list (every one editable, custom ones removable) and a form to add a custom RPC, checked with eth_chainId. */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { NetworkView } from '../../../protocol/ui';
import { call } from '../../api';
import { errorText } from '../../errors';
import { useI18n } from '../../i18n/context';
import { NetworkEditor } from './NetworkEditor';
import { useDisplayNames } from '../../i18n/defaultNames';

export function Networks({ onChanged }: { onChanged: () => void }): ReactNode {
  const { t } = useI18n();
  const { networkName } = useDisplayNames();
  const [list, setList] = useState<NetworkView[] | null>(null);
  const [form, setForm] = useState({ name: '', chainId: '', rpcUrl: '', symbol: 'ETH', explorer: '' });
  const [error, setError] = useState<string | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);

  useEffect(() => {
    call('listNetworks', {}).then((r) => setList(r.networks), (err: unknown) => setError(errorText(err, t)));
  }, [t]);

  const add = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setMsg(null);
    setBusy(true);
    try {
      const chainId = /^\d+$/.test(form.chainId.trim()) ? Number(form.chainId.trim()) : /^0x[0-9a-f]+$/i.test(form.chainId.trim()) ? Number.parseInt(form.chainId.trim(), 16) : NaN;
      const r = await call('addNetwork', { name: form.name, chainId, rpcUrl: form.rpcUrl.trim(), symbol: form.symbol, ...(form.explorer.trim() ? { explorer: form.explorer.trim() } : {}) });
      setList(r.networks);
      setMsg(t('networkAdded', { name: form.name }));
      setForm({ name: '', chainId: '', rpcUrl: '', symbol: 'ETH', explorer: '' });
      onChanged();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (chainId: number): Promise<void> => {
    setError(null);
    try {
      setList((await call('removeNetwork', { chainId })).networks);
      onChanged();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  const field = (k: keyof typeof form, label: string, extra: Record<string, unknown> = {}): ReactNode => (
    <label>
      {label}
      <input data-testid={`net-${k}`} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} spellCheck="false" autoComplete="off" {...extra} />
    </label>
  );

  return (
    <div className="stack">
      <ul className="list compact" data-testid="network-list">
        {list?.map((n) => (
          <li key={n.chainId} className="stack" data-testid={`network-row-${n.chainId}`}>
            <div className="row">
              <span className="grow">
                {networkName(n.name)} <span className="hint">#{n.chainId}</span>
                {n.edited && <span className="hint" data-testid={`network-edited-${n.chainId}`}> · {t('networkEditedBadge')}</span>}
              </span>
              <button className="small secondary" aria-label={t('editNetworkOf', { name: n.name })} aria-expanded={editing === n.chainId} data-testid={`edit-network-${n.chainId}`} onClick={() => setEditing(editing === n.chainId ? null : n.chainId)}>
                {t('editNetwork')}
              </button>
              {n.custom && (
                <button className="small secondary" aria-label={`${t('remove')} ${n.name}`} data-testid={`remove-network-${n.chainId}`} onClick={() => void remove(n.chainId)}>
                  {t('remove')}
                </button>
              )}
            </div>
            {editing === n.chainId && (
              <NetworkEditor
                network={n}
                onDone={(r, message) => {
                  setList(r.networks);
                  setEditing(null);
                  setError(null);
                  setMsg(message);
                  onChanged();
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <form className="stack" onSubmit={(e) => void add(e)} aria-label={t('addNetwork')}>
        <strong>{t('addNetwork')}</strong>
        {field('name', t('networkName'), { required: true })}
        {field('rpcUrl', t('rpcUrl'), { required: true, placeholder: 'https://…', type: 'url' })}
        {field('chainId', t('chainId'), { required: true, inputMode: 'numeric' })}
        {field('symbol', t('currencySymbol'), { required: true })}
        {field('explorer', t('explorerUrl'), { placeholder: 'https://…' })}
        {error && (
          <p role="alert" className="error" data-testid="network-error">
            {error}
          </p>
        )}
        {msg && (
          <p aria-live="polite" data-testid="network-msg">
            {msg}
          </p>
        )}
        <button type="submit" className="small" data-testid="add-network" disabled={busy}>
          {busy ? t('checkingRpc') : t('addNetwork')}
        </button>
      </form>
    </div>
  );
}
