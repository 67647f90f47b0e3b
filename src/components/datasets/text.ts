import { DATASET_RULES, type DatasetRule } from "@/lib/datasets/types";

/** "40 ms", "1.3 s", "12 s", "2 min 5 s": how long a check took. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(1, Math.round(ms))} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** "1 error", "3 errors". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${new Intl.NumberFormat("en").format(n)} ${n === 1 ? word : many}`;
}

/** 1234567 → "1.2M", 12345 → "12.3K": for tight stat cards; exact figures go in titles. */
export function compactNumber(n: number): string {
  return new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(n);
}

/** Per-rule counts, largest first (ties by rule name so the order is stable). */
export function sortedCounts(counts: Partial<Record<DatasetRule, number>>): Array<[DatasetRule, number]> {
  const entries: Array<[DatasetRule, number]> = [];
  for (const rule of DATASET_RULES) {
    const count = counts[rule];
    if (count) entries.push([rule, count]);
  }
  return entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The default dataset name for a picked file: its name without the extension. */
export function nameFromFile(fileName: string): string {
  const base = fileName.replace(/\.(jsonl|json|csv|txt)$/i, "").trim();
  return (base || fileName).slice(0, 200);
}
