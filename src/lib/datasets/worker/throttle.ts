/**
 * True at most once per `intervalMs` (and on the first call): progress from a 100 MB file would
 * otherwise post thousands of messages and re-render the page for each one.
 */
export function createThrottle(intervalMs: number, now: () => number = () => performance.now()): () => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const t = now();
    if (t - last < intervalMs) return false;
    last = t;
    return true;
  };
}
