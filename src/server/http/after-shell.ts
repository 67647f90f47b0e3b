import "server-only";
import { setImmediate } from "node:timers/promises";

/**
 * Turns of the event loop between a page's shell leaving the server-component renderer and its HTML
 * being written to the socket: the flight chunk is read by the HTML renderer, rendered, flushed through
 * Next's transform streams and its buffered writer, each step scheduled on a later turn. Measured on the
 * chat page with its conversation and history deferred together (interleaved, first byte over HTTP,
 * p50): 4 turns changed nothing (the rows were still back first), 6 took 3.6 ms off, 8 took 4.1 ms off,
 * 12 took 3.1. Eight leaves room for a slower chain; on an idle loop the turns cost microseconds.
 */
const TURNS_TO_FIRST_WRITE = 8;

/**
 * Resolves once the page's shell is on its way. For work whose result the browser needs only after
 * hydration (a prefetch sent as a pending query): started at once, its rows come back while the shell
 * is still rendering, and handling them holds the page's first byte back. Not for what a Suspense
 * boundary renders: content that misses the shell's flush is revealed by React no sooner than 300 ms
 * after the first paint.
 */
export async function afterShell(): Promise<void> {
  for (let i = 0; i < TURNS_TO_FIRST_WRITE; i++) await setImmediate();
}
