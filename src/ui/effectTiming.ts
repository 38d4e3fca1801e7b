/**
 * When effects run. The pages render with Preact behind React's API (src/build/preactAlias.ts).
 * React runs the effects of a render that a click, a keystroke or a select caused before the
 * event's task ends, so what an effect derives (e.g. a network's node URL after the network is
 * picked) is on screen with the change itself; Preact by default runs them a frame later. Here,
 * after the page's first paint, they run in a microtask after the commit, as React's do, so no
 * screen shows a frame of stale derived state and a test (or a quick user) never reads it. The
 * first render's effects (requests, lazy parts) still wait for its frame, as React's do, so they
 * do not hold the first paint; a hidden page gets no animation frames, so a timer stands in
 * (as in Preact's own scheduling).
 */
import { options } from 'preact';

const FIRST_FRAME_TIMEOUT_MS = 100;
let painted = false;
options.requestAnimationFrame = (flush) => {
  if (painted) {
    queueMicrotask(flush);
    return;
  }
  const done = (): void => {
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    painted = true;
    setTimeout(flush);
  };
  const timer = setTimeout(done, FIRST_FRAME_TIMEOUT_MS);
  const frame = requestAnimationFrame(done);
};
