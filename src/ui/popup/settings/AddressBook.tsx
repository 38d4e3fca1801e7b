/** The address book: add (validated per chain family in the background), list, remove; warns when the stored list was tampered with. */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AddressBookView } from '../../../protocol/ui';
import { FAMILIES, type Family } from '../../../families/ids';
import { call } from '../../api';
import { errorText } from '../../errors';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n';
import { FamilySelect } from '../../components/FamilySelect';


export function AddressBook(): ReactNode {
  const { t } = useI18n();
  const [book, setBook] = useState<AddressBookView | null>(null);
  const [form, setForm] = useState<{ name: string; address: string; family: Family }>({ name: '', address: '', family: 'evm' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('listAddressBook', {}).then(setBook, (err: unknown) => setError(errorText(err, t)));
  }, [t]);

  const add = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      setBook(await call('saveAddressBookEntry', { name: form.name, address: form.address.trim(), family: form.family }));
      setForm({ name: '', address: '', family: form.family });
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  const remove = async (address: string, family: Family): Promise<void> => {
    try {
      setBook(await call('removeAddressBookEntry', { address, family }));
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <div className="stack">
      {book?.tampered && (
        <p role="alert" className="warning" data-testid="addressbook-tampered">
          {t('addressBookTampered')}
        </p>
      )}
      <ul className="list compact" data-testid="addressbook">
        {book?.entries.map((b) => (
          <li key={`${b.family}:${b.address}`} data-testid="contact">
            <div className="row">
              <strong className="grow">{b.name}</strong>
              <span className="hint">{t(`family_${b.family}` as MessageKey)}</span>
              <button className="small secondary" aria-label={`${t('remove')} ${b.name}`} onClick={() => void remove(b.address, b.family)}>
                {t('remove')}
              </button>
            </div>
            <code className="address">{b.address}</code>
          </li>
        ))}
      </ul>
      <form className="stack" onSubmit={(e) => void add(e)} aria-label={t('addContact')}>
        <label>
          {t('contactName')}
          <input data-testid="contact-name" value={form.name} maxLength={40} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
        </label>
        <FamilySelect label={t('chain')} families={FAMILIES} value={form.family} onChange={(family) => setForm({ ...form, family })} testid="contact-family" />
        <label>
          {t('address')}
          <input data-testid="contact-address" value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} spellCheck="false" autoComplete="off" required />
        </label>
        {error && (
          <p role="alert" className="error" data-testid="contact-error">
            {error}
          </p>
        )}
        <button type="submit" className="small" data-testid="add-contact">
          {t('addContact')}
        </button>
      </form>
    </div>
  );
}
