/**
 * The monitor's live data, pure: metrics points and log lines arrive a page at a time (since the
 * last step or cursor) and are merged into what the page already has; the chart draws a bounded
 * number of points however long the job; times and figures are written for people.
 */

export interface MetricsPointView {
  step: number;
  epoch: number;
  trainingLoss: number;
  validationLoss: number | null;
  learningRate: number;
}

/** `incoming` merged into `existing` by step (a repeated step takes the newer values), ascending. */
export function mergePoints<T extends { step: number }>(existing: readonly T[], incoming: readonly T[]): T[] {
  if (incoming.length === 0) return existing.slice();
  const last = existing.at(-1)?.step ?? Number.NEGATIVE_INFINITY;
  // The usual case: every new point is after the last one (a cheap append).
  if (incoming.every((p, i) => p.step > last && (i === 0 || p.step > incoming[i - 1]!.step))) {
    return [...existing, ...incoming];
  }
  const byStep = new Map<number, T>();
  for (const p of existing) byStep.set(p.step, p);
  for (const p of incoming) byStep.set(p.step, p);
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

/**
 * At most `max` points for the chart: an even spread of training points, plus every point that has
 * a validation loss (there are few) and the last point, so the curve's end is always current.
 */
export function chartPoints<T extends { step: number; validationLoss: number | null }>(points: readonly T[], max = 800): T[] {
  if (points.length <= max) return points.slice();
  const stride = Math.ceil(points.length / max);
  return points.filter((p, i) => i % stride === 0 || p.validationLoss !== null || i === points.length - 1);
}

/** `incoming` log lines appended to `existing`, skipping ids already there. */
export function mergeLogs<T extends { id: string | number }>(existing: readonly T[], incoming: readonly T[]): T[] {
  if (incoming.length === 0) return existing.slice();
  const seen = new Set(existing.map((l) => l.id));
  return [...existing, ...incoming.filter((l) => !seen.has(l.id))];
}

/** "in 12 min", "in 1 h 5 min", "in under a minute", "any moment now" (when the ETA has passed). */
export function etaText(eta: Date | string | null, now: number = Date.now()): string | null {
  if (eta === null) return null;
  const seconds = Math.round((new Date(eta).getTime() - now) / 1000);
  if (seconds <= 0) return "any moment now";
  if (seconds < 60) return "in under a minute";
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `in ${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `in ${h} h` : `in ${h} h ${m} min`;
}

/** Elapsed time between two instants: "45 s", "12 min 5 s", "2 h 34 min". */
export function elapsedText(from: Date | string, to: Date | string | number): string {
  const seconds = Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Losses to four decimals (what the curves move by late in a run). */
export function formatLoss(n: number | null | undefined): string {
  return typeof n === "number" && Number.isFinite(n) ? n.toFixed(4) : "—";
}

/** Learning rates as people write them: 2e-4, 1.5e-5. */
export function formatLearningRate(n: number | null | undefined): string {
  if (typeof n !== "number" || !Number.isFinite(n)) return "—";
  if (n === 0) return "0";
  const [mantissa, exponent] = n.toExponential(2).split("e");
  return `${Number(mantissa)}e${Number(exponent)}`;
}

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatThroughput(n: number | null | undefined): string {
  return typeof n === "number" && Number.isFinite(n) ? `${grouped.format(n)} tokens/s` : "—";
}

/** File sizes: "712 B", "84.2 MB", "1.3 GB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let n = bytes / 1000;
  let u = 0;
  while (n >= 1000 && u < units.length - 1) {
    n /= 1000;
    u++;
  }
  return `${n.toFixed(n < 10 ? 1 : 0)} ${units[u]}`;
}
