/**
 * UniSat's `getInscriptions(cursor, size)`: multi-wallet dApp libraries call it on connect to list
 * a wallet's ordinals. This wallet indexes no inscriptions (it would need an ordinals indexer, not
 * Esplora), so the answer is the documented page shape with nothing in it: `{ total: 0, list: [] }`.
 * The arguments are still checked, so a malformed call gets a clear error like any other method.
 */
import { invalidParams } from '../../../background/dapp/providerError';

/** One inscription as UniSat documents it (what `list` would hold if the wallet tracked any). */
export interface UnisatInscription {
  inscriptionId: string;
  inscriptionNumber: number;
  address: string;
  outputValue: number;
  content: string;
  contentLength: number;
  contentType: string;
  preview: string;
  timestamp: number;
  offset: number;
  genesisTransaction: string;
  location: string;
}

export interface InscriptionPage {
  total: number;
  list: UnisatInscription[];
}

/** UniSat pages hold at most this many; a bigger `size` is a caller bug worth reporting. */
export const MAX_INSCRIPTION_PAGE = 100;

function nonNegativeInt(v: unknown, what: string, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > max) throw invalidParams(`${what} must be an integer from 0 to ${max}`);
  return v;
}

/** Validates `(cursor, size)` and returns the page: always empty, since no inscriptions are tracked. */
export function inscriptionsPage(cursor: unknown, size: unknown): InscriptionPage {
  nonNegativeInt(cursor ?? 0, 'cursor', Number.MAX_SAFE_INTEGER);
  if (nonNegativeInt(size ?? 20, 'size', MAX_INSCRIPTION_PAGE) === 0) throw invalidParams(`size must be an integer from 1 to ${MAX_INSCRIPTION_PAGE}`);
  return { total: 0, list: [] };
}
