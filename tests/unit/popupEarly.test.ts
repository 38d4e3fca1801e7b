/**
 * public/popup-early.js (a plain script, no imports) sends the popup's first requests before the UI
 * module loads; src/ui/prefetch.ts adopts them by method name. The two lists must be the same: a
 * method only the early script sends costs the worker a request nobody reads, one only the module
 * prefetches is sent late.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PREFETCHED } from '../../src/ui/prefetch';

const EARLY = readFileSync(new URL('../../public/popup-early.js', import.meta.url), 'utf8');

function runEarly(runtime: { sendMessage: (msg: unknown) => unknown }): { sent: unknown[]; out: Record<string, unknown> | undefined } {
  const sent: unknown[] = [];
  const global: Record<string, unknown> = {
    chrome: { runtime: { sendMessage: (msg: unknown) => (sent.push(msg), runtime.sendMessage(msg)) } },
  };
  global.globalThis = global;
  runInNewContext(EARLY, global);
  return { sent, out: global.__mcwPrefetch as Record<string, unknown> | undefined };
}

describe('popup-early.js', () => {
  it('sends exactly the requests the UI module prefetches, as UI messages without parameters', () => {
    const { sent, out } = runEarly({ sendMessage: () => Promise.resolve({ ok: true, result: null }) });
    expect(sent).toEqual(PREFETCHED.map((method) => ({ kind: 'ui', method, params: {} })));
    expect(Object.keys(out ?? {})).toEqual([...PREFETCHED]);
  });

  it('leaves nothing for the module when the browser gives no promises (the module asks itself)', () => {
    const { sent, out } = runEarly({ sendMessage: () => undefined });
    expect(sent).toHaveLength(1);
    expect(out).toBeUndefined();
  });
});
