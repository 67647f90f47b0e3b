/**
 * Per-example token counts kept in a fixed number of bins instead of a list, so memory does not grow with
 * the file. Counts below 256 get a bin each; above, each power of two is cut into 128 bins (a bin is at
 * most 1/128 ≈ 0.8% of its value wide). Percentiles are read from the bins, so they are exact below 256
 * tokens and within 0.8% above; min, max and mean are exact.
 */
import type { TokenHistogramBin } from "./types";

const SUB_BITS = 7;
const SUB = 1 << SUB_BITS;
const EXACT = 2 * SUB;
// Up to 2^31 tokens: more than any line the validator accepts.
const BINS = EXACT + (31 - SUB_BITS - 1) * SUB;
const DISPLAY_BINS = 20;

function binOf(value: number): number {
  if (value < EXACT) return value;
  const exponent = 31 - Math.clz32(value);
  const sub = (value >>> (exponent - SUB_BITS)) & (SUB - 1);
  return EXACT + (exponent - SUB_BITS - 1) * SUB + sub;
}

/** [lower, upper) of a bin. */
function boundsOf(bin: number): [number, number] {
  if (bin < EXACT) return [bin, bin + 1];
  const octave = Math.floor((bin - EXACT) / SUB);
  const sub = (bin - EXACT) % SUB;
  const width = 2 ** (octave + 1);
  const lower = (SUB + sub) * width;
  return [lower, lower + width];
}

/** 1, 2, 5, 10, 20, 50… the smallest such width that fits `span` in `bins` bins. */
function niceWidth(span: number, bins: number): number {
  const raw = Math.max(1, span / bins);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= raw) return step * power;
  }
  return 10 * power;
}

export class TokenHistogram {
  private readonly counts = new Float64Array(BINS);
  count = 0;
  total = 0;
  min = Number.POSITIVE_INFINITY;
  max = 0;

  add(tokens: number, times = 1): void {
    const value = Math.max(0, Math.min(Math.round(tokens), 2 ** 31 - 1));
    this.counts[binOf(value)]! += times;
    this.count += times;
    this.total += value * times;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** Every bin's midpoint and count, for re-scaling one histogram into another. */
  *bins(): Generator<[value: number, count: number]> {
    for (let bin = 0; bin < BINS; bin++) {
      const c = this.counts[bin]!;
      if (c === 0) continue;
      const [lower, upper] = boundsOf(bin);
      yield [Math.min(this.max, Math.max(this.min, Math.floor((lower + upper - 1) / 2))), c];
    }
  }

  /** Nearest-rank percentile (p in 0…100), read from the bins: a bin's midpoint, kept within [min, max]. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let bin = 0; bin < BINS; bin++) {
      seen += this.counts[bin]!;
      if (seen >= rank) {
        const [lower, upper] = boundsOf(bin);
        const mid = upper - lower === 1 ? lower : Math.floor((lower + upper - 1) / 2);
        return Math.min(this.max, Math.max(this.min, mid));
      }
    }
    return this.max;
  }

  /**
   * About 20 equal-width bins with a round width (1, 2, 5 × 10ⁿ tokens) from min to max, for a chart. A fine
   * bin that straddles a display edge is counted where its midpoint falls.
   */
  display(): TokenHistogramBin[] {
    if (this.count === 0) return [];
    const width = niceWidth(this.max - this.min + 1, DISPLAY_BINS);
    const start = Math.floor(this.min / width) * width;
    const n = Math.floor((this.max - start) / width) + 1;
    const out: TokenHistogramBin[] = Array.from({ length: n }, (_, i) => ({
      from: start + i * width,
      to: start + (i + 1) * width,
      count: 0,
    }));
    for (let bin = 0; bin < BINS; bin++) {
      const c = this.counts[bin]!;
      if (c === 0) continue;
      const [lower, upper] = boundsOf(bin);
      const mid = Math.min(this.max, Math.max(this.min, Math.floor((lower + upper - 1) / 2)));
      out[Math.min(n - 1, Math.floor((mid - start) / width))]!.count += c;
    }
    return out;
  }
}
