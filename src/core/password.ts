/**
 * Password policy for the vault password (checklist item 34): at least 8 characters, no
 * trivial or common password (also not behind capitals, leetspeak or a few trailing digits /
 * symbols), no single repeated character or short repeated pattern, no straight sequence or
 * keyboard row. Length is rewarded over composition rules. Reasons are codes; the UI translates.
 * Pure and synchronous: the background enforces it, the UI may call it for live feedback.
 */

export type PasswordIssue = 'too_short' | 'too_common' | 'repeated' | 'sequential' | 'mismatch';
export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  ok: boolean;
  /** 0 when refused; 1 (weak but accepted) … 4 (strong). */
  score: PasswordScore;
  reason?: PasswordIssue;
}

export const MIN_PASSWORD_LENGTH = 8;

/** Common / trivial passwords (lower case). Short ones are kept: they catch "1234" + suffixes. */
const COMMON: ReadonlySet<string> = new Set([
  '1234', '12345', '123456', '1234567', '12345678', '123456789', '1234567890', '0123456789',
  '123123', '123123123', '654321', '87654321', '111111', '11111111', '00000000', '000000',
  '121212', '112233', '11223344', '123321', '696969', '666666', '888888', '987654321',
  'password', 'passwort', 'passwd', 'pass', 'passpass', 'pass1234', 'mypassword', 'changeme',
  'qwerty', 'qwertyui', 'qwertyuiop', 'qwertz', 'azerty', 'asdfgh', 'asdfghjk', 'asdfghjkl',
  'zxcvbn', 'zxcvbnm', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4', '1qaz2wsx', 'zaq12wsx', 'qazwsx',
  'abcdefgh', 'abcd1234', 'abc123', 'abc12345', 'aaaaaaaa', 'asdf1234', 'test', 'test1234',
  'testtest', 'iloveyou', 'letmein', 'welcome', 'admin', 'administrator', 'root', 'login',
  'master', 'secret', 'default', 'monkey', 'dragon', 'football', 'baseball', 'soccer',
  'sunshine', 'princess', 'trustno1', 'superman', 'batman', 'starwars', 'whatever', 'shadow',
  'michael', 'jennifer', 'jordan', 'hunter', 'hunter2', 'freedom', 'computer', 'internet',
  'access', 'flower', 'hello', 'hellohello', 'charlie', 'donald', 'loveme', 'lovely',
  'bitcoin', 'ethereum', 'crypto', 'wallet', 'mywallet', 'metamask', 'blockchain', 'satoshi',
  'solana', 'mnemonic', 'seedphrase', 'tothemoon', 'lambo', 'hodl', 'hodlhodl',
]);

/** Sequences whose runs count as "sequential" (forwards or backwards). */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'qwertzuiop',
  'azertyuiop',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '8': 'b', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't', '2': 'z' };

function chars(s: string): string[] {
  return Array.from(s); // code points, not UTF-16 units
}

function deLeet(s: string): string {
  return chars(s)
    .map((c) => LEET[c] ?? c)
    .join('');
}

/** Strips up to 4 leading/trailing digits or symbols ("Password123!" → "password"). */
function core(s: string): string {
  return s.replace(/^[^\p{L}]{1,4}/u, '').replace(/[^\p{L}]{1,4}$/u, '');
}

function isCommon(lower: string): boolean {
  const candidates = new Set([lower, deLeet(lower), core(lower), core(deLeet(lower)), deLeet(core(lower))]);
  for (const c of candidates) if (c.length > 0 && COMMON.has(c)) return true;
  return false;
}

function isRepeated(cps: string[]): boolean {
  if (new Set(cps).size <= 2) return true; // "aaaaaaaa", "abababab", "11112222"
  // A unit of up to 4 characters repeated to fill the password ("abcabcabc", "12341234").
  for (let unit = 1; unit <= 4 && unit * 2 <= cps.length; unit++) {
    if (cps.every((c, i) => c === cps[i % unit])) return true;
  }
  return false;
}

function isSequential(lower: string): boolean {
  for (const seq of SEQUENCES) {
    const rev = chars(seq).reverse().join('');
    if (seq.includes(lower) || rev.includes(lower)) return true;
  }
  // Constant step of ±1 code point ("abcdefgh", "98765432", "ghijklmn").
  const cps = chars(lower).map((c) => c.codePointAt(0) ?? 0);
  const step = (cps[1] ?? 0) - (cps[0] ?? 0);
  if (Math.abs(step) !== 1) return false;
  return cps.every((c, i) => i === 0 || c - (cps[i - 1] ?? 0) === step);
}

/** Rough entropy estimate: length × log2(character pool), discounted for low variety. */
function estimateBits(cps: string[]): number {
  let pool = 0;
  const s = cps.join('');
  if (/\p{Ll}/u.test(s)) pool += 26;
  if (/\p{Lu}/u.test(s)) pool += 26;
  if (/\p{Nd}/u.test(s)) pool += 10;
  if (/[^\p{L}\p{Nd}]/u.test(s)) pool += 33;
  if (/[^\x00-\x7f]/.test(s)) pool += 100;
  const variety = Math.min(1, new Set(cps).size / Math.max(1, cps.length * 0.6));
  return cps.length * Math.log2(Math.max(pool, 2)) * variety;
}

/**
 * Checks a new password (and, when given, its confirmation). The password is NFC-normalised
 * exactly as the vault does before counting characters.
 */
export function checkPasswordStrength(password: string, confirmation?: string): PasswordStrength {
  const pw = typeof password === 'string' ? password.normalize('NFC') : '';
  const cps = chars(pw);
  const lower = pw.toLowerCase();
  let reason: PasswordIssue | undefined;
  if (cps.length < MIN_PASSWORD_LENGTH) reason = 'too_short';
  else if (isCommon(lower)) reason = 'too_common';
  else if (isRepeated(chars(lower))) reason = 'repeated';
  else if (isSequential(lower)) reason = 'sequential';
  else if (confirmation !== undefined && confirmation.normalize('NFC') !== pw) reason = 'mismatch';
  if (reason) return { ok: false, score: 0, reason };

  const bits = estimateBits(cps);
  let score: PasswordScore = bits < 40 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  // A common password inside a longer one ("password2024xyz") is weaker than it looks.
  const containsCommon = [...COMMON].some((w) => w.length >= 5 && lower.includes(w));
  if (containsCommon && score > 1) score = (score - 1) as PasswordScore;
  return { ok: true, score };
}
