/**
 * Antelope account names (what transfers are addressed to): up to 12 characters of a–z, 1–5
 * and '.', not ending in '.'. (13-character names exist but only for system accounts.)
 */
export function isValidEosAccountName(name: string): boolean {
  return typeof name === 'string' && /^[a-z1-5.]{1,12}$/.test(name) && !name.endsWith('.');
}
