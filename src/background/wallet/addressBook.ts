/**
 * The address book: names for recipients, per chain family. Stored in storage.local with an HMAC
 * under a key derived from the vault's data key, so an entry swapped outside the wallet is
 * detected (security checklist item 31) and the list is refused rather than trusted.
 */
import { canonicalJson, macState, verifyStateMac } from '../../core/vault/stateMac';
import { validateAddress } from '../../core';
import { FAMILIES, type Family } from '../../core/types';
import type { AddressBookEntry, AddressBookView } from '../../protocol/ui';
import { WalletError } from '../errors';
import { currentDek } from '../session';
import { localArea } from '../storageCache';

const KEY = 'addressBook';
const CONTEXT = 'addressBook/v1';
const MAX_ENTRIES = 500;

interface Stored {
  entries: AddressBookEntry[];
  mac: string;
}

async function load(): Promise<AddressBookView> {
  const stored = (await localArea.get(KEY))[KEY] as Stored | undefined;
  if (!stored) return { entries: [], tampered: false };
  const ok = Array.isArray(stored.entries) && typeof stored.mac === 'string' && verifyStateMac(currentDek(), canonicalJson(stored.entries), stored.mac, CONTEXT);
  return ok ? { entries: stored.entries, tampered: false } : { entries: [], tampered: true };
}

async function save(entries: AddressBookEntry[]): Promise<AddressBookView> {
  const stored: Stored = { entries, mac: macState(currentDek(), canonicalJson(entries), CONTEXT) };
  await localArea.set({ [KEY]: stored });
  return { entries, tampered: false };
}

export const listAddressBook = load;

function checkFamily(family: unknown): Family {
  if (!FAMILIES.includes(family as Family)) throw new WalletError('UNKNOWN_FAMILY', 'Unknown chain family');
  return family as Family;
}

export async function saveEntry(p: { name: unknown; address: unknown; family: unknown }): Promise<AddressBookView> {
  const family = checkFamily(p.family);
  const name = typeof p.name === 'string' ? p.name.trim() : '';
  if (!name || name.length > 40) throw new WalletError('INVALID_NAME', 'A name of 1 to 40 characters is required');
  const address = typeof p.address === 'string' ? p.address.trim() : '';
  const v = validateAddress(family, address);
  if (!v.ok) throw new WalletError(v.reason === 'checksum' ? 'ADDRESS_CHECKSUM' : v.reason === 'network' ? 'ADDRESS_NETWORK' : 'INVALID_ADDRESS', v.message);
  const current = await load();
  const rest = current.entries.filter((e) => !(e.family === family && e.address.toLowerCase() === address.toLowerCase()));
  if (rest.length >= MAX_ENTRIES) throw new WalletError('TOO_MANY_ENTRIES', 'The address book is full');
  return save([...rest, { name, address, family }]);
}

export async function removeEntry(p: { address: unknown; family: unknown }): Promise<AddressBookView> {
  const family = checkFamily(p.family);
  if (typeof p.address !== 'string') throw new WalletError('INVALID_INPUT', 'An address is required');
  const want = p.address.toLowerCase();
  const current = await load();
  return save(current.entries.filter((e) => !(e.family === family && e.address.toLowerCase() === want)));
}
