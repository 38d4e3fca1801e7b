/**
 * The malicious dApp: talks to the wallet the way an attacker's page can, by posting raw envelopes
 * on the inpage channel (chosen ids, duplicates, floods) and reading every answer the content
 * script posts back. No provider library: the attacker controls each message.
 */
interface Answer {
  id: string;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

const answers: Answer[] = [];
const events: unknown[] = [];
window.addEventListener('message', (e: MessageEvent) => {
  const d = e.data as { channel?: string; type?: string; id?: string; result?: unknown; error?: Answer['error'] } | undefined;
  if (e.source !== window || d?.channel !== 'mcw:content') return;
  if (d.type === 'response' && typeof d.id === 'string') answers.push({ id: d.id, ...('error' in d && d.error ? { error: d.error } : { result: d.result }) });
  else if (d.type === 'event') events.push(d);
});

const attack = {
  /** Posts one raw request envelope. */
  post: (id: string, family: string, method: string, params?: unknown): void => {
    window.postMessage({ channel: 'mcw:inpage', id, family, method, params }, location.origin);
  },
  /** Posts `n` requests with ids prefix-0 … prefix-(n-1). */
  flood: (prefix: string, n: number, family: string, method: string, params?: unknown): void => {
    for (let i = 0; i < n; i++) window.postMessage({ channel: 'mcw:inpage', id: `${prefix}-${i}`, family, method, params }, location.origin);
  },
  /** Posts prepared envelopes as they are (the fuzz test's batches). */
  postRaw: (envelopes: unknown[]): void => {
    for (const e of envelopes) window.postMessage(e, location.origin);
  },
  answerCount: (): number => answers.length,
  answers: (): Answer[] => answers,
  answersFor: (prefix: string): Answer[] => answers.filter((a) => a.id === prefix || a.id.startsWith(`${prefix}-`)),
  events: (): unknown[] => events,
  /** Resolves with the first answer to `id` (or null after `ms`). */
  call: (id: string, family: string, method: string, params?: unknown, ms = 60_000): Promise<Answer | null> =>
    new Promise((resolve) => {
      const start = answers.length;
      const timer = setInterval(() => {
        const a = answers.slice(start).find((x) => x.id === id);
        if (a) {
          clearInterval(timer);
          resolve(a);
        }
      }, 20);
      setTimeout(() => {
        clearInterval(timer);
        resolve(null);
      }, ms);
      window.postMessage({ channel: 'mcw:inpage', id, family, method, params }, location.origin);
    }),
  /** Tries to load a URL as a script: true when it loaded. */
  loads: (url: string): Promise<boolean> =>
    new Promise((resolve) => {
      const s = document.createElement('script');
      s.src = url;
      s.onload = () => resolve(true);
      s.onerror = () => resolve(false);
      document.head.appendChild(s);
    }),
};

(window as unknown as { attack: typeof attack }).attack = attack;
