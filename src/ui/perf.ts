/**
 * User Timing marks for the popup benchmark (npm run bench): set once per page, in the animation
 * frame after React committed, i.e. when the content is about to be painted.
 */
const done = new Set<string>();

export function markPainted(name: 'mcw:accounts' | 'mcw:balances'): void {
  if (done.has(name) || typeof performance === 'undefined' || typeof requestAnimationFrame === 'undefined') return;
  done.add(name);
  requestAnimationFrame(() => performance.mark(name));
}
