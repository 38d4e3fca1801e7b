/**
 * The worker's eager core (src/background/boot/core.ts) owns the browser listeners that can wake
 * the worker and hands their events to the rest of the background (src/background/wakeEvents.ts).
 * A listener the rest adds itself would miss the event that made the core load it, and an event the
 * core does not listen to would not wake the worker at all: so no background code but the core may
 * add one (storage.onChanged is allowed: it only keeps caches fresh while the worker runs).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchWake, onWake } from '../../src/background/wakeEvents';
import { ROOT, sourceFiles } from '../support/importGraph';

const LISTENER = /\b(?:browser|chrome)\.(?!storage\b)\w+\.on[A-Z]\w*\.addListener\(/;

describe('wake-up events', () => {
  it('only the eager core adds browser event listeners in the worker (storage.onChanged aside)', () => {
    const files = [...sourceFiles('src/background'), ...sourceFiles('src/families')].filter((f) => /\/(background|families\/[^/]+\/background)\//.test(f));
    const offenders = files
      .filter((f) => relative(ROOT, f) !== 'src/background/boot/core.ts')
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => [`${relative(ROOT, f)}:${i + 1}`, line] as const))
      .filter(([, line]) => LISTENER.test(line))
      .map(([where]) => where);
    expect(offenders).toEqual([]);
    expect(readFileSync(`${ROOT}/src/background/boot/core.ts`, 'utf8')).toMatch(LISTENER);
  });

  it('delivers an event to every subscriber and reports an asynchronous answer', () => {
    const seen: string[] = [];
    onWake('message', (msg) => void seen.push(`a:${String(msg)}`));
    onWake('message', (msg) => {
      seen.push(`b:${String(msg)}`);
      return true;
    });
    expect(dispatchWake('message', ['hi', {}, () => undefined])).toBe(true);
    expect(seen).toEqual(['a:hi', 'b:hi']);
    expect(dispatchWake('windowRemoved', [7])).toBe(false);
  });
});
