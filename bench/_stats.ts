export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p95: percentile(s, 95), min: s[0]!, max: s[s.length - 1]! };
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

/** A Server-Timing header's steps, name → ms (`auth;dur=0.20, body;dur=0.71` → { auth: 0.2, body: 0.71 }). */
export function serverTimingSteps(header: string | string[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of String(header ?? "").split(",")) {
    const m = /^\s*([\w-]+);dur=([\d.]+)/.exec(part);
    if (m) out[m[1]!] = Number(m[2]);
  }
  return out;
}
