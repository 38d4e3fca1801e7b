/** "Add token" behind a button: the contract address, then the background reads symbol and decimals from the chain. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';

export function AddToken({ placeholder, add }: { placeholder: string; add: (address: string) => Promise<void> }): ReactNode {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      await add(token.trim());
      setToken('');
      setAdding(false);
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  if (!adding)
    return (
      <button className="small secondary" data-testid="add-token" onClick={() => setAdding(true)}>
        {t('addToken')}
      </button>
    );
  return (
    <form className="stack" onSubmit={(e) => void submit(e)}>
      <label>
        {t('tokenAddress')}
        <input data-testid="token-address" value={token} onChange={(e) => setToken(e.target.value)} spellCheck="false" autoComplete="off" placeholder={placeholder} />
      </label>
      {error && (
        <p role="alert" className="error" data-testid="token-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="small" data-testid="add-token-submit" disabled={!token.trim()}>
          {t('addToken')}
        </button>
        <button type="button" className="small secondary" onClick={() => setAdding(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
