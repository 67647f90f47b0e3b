// How many intervals overlap at most: the observable fact behind "one at a time per key".
export interface Span {
  start: number;
  end: number;
}

export function maxOverlap(spans: Span[]): number {
  const points = spans.flatMap((s) => [
    { t: s.start, d: 1 },
    { t: s.end, d: -1 },
  ]);
  // An interval ending at the instant another starts does not overlap it.
  points.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let max = 0;
  for (const p of points) {
    now += p.d;
    max = Math.max(max, now);
  }
  return max;
}

/** Spans grouped by key, each group's largest overlap. */
export function overlapByKey(spans: Array<Span & { key: string }>): Record<string, number> {
  const groups = new Map<string, Span[]>();
  for (const s of spans) groups.set(s.key, [...(groups.get(s.key) ?? []), s]);
  return Object.fromEntries([...groups].map(([k, v]) => [k, maxOverlap(v)]));
}
