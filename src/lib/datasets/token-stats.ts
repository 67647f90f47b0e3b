/**
 * Token statistics over the valid examples. Tokenizing is by far the validator's dearest step (gpt-tokenizer
 * runs at a few MB/s; the rules run at JSON.parse speed), so the default counts exactly only while it is
 * cheap:
 * - "exact": every example is tokenized.
 * - "sampled" (default): every example until EXACT_HEAD_BYTES (256 KiB) of them have been tokenized, so small
 *   files are exact. After that a systematic sample is tokenized: 1 example in DENSE_EVERY (8) until
 *   MIN_SAMPLES (256) samples are in, so mid-sized files get enough of them, then 1 in SAMPLE_EVERY (512).
 *   Positions only decide, so the same file always gives the same figures. The other examples are estimated
 *   from their size in bytes with a least-squares line fitted to the samples (tokens ≈ a + b·bytes; its error
 *   on the total is a fraction of a percent with hundreds of samples); per-example estimates land in the
 *   histogram and percentiles, which are therefore smoother than the truth (p50 and p90 within a few
 *   percent). On the bench's 200 MiB file about 1 MiB (0.5%) is tokenized (see its output for the error).
 * - "off": no token statistics.
 * The context-length rule is always exact: an example whose size says it could be over is tokenized.
 */
import type { Example } from "./example";
import { LinearFit } from "./linear-fit";
import { TokenHistogram } from "./token-histogram";
import type { DatasetTokenCounting, TokenHistogramBin } from "./types";

export const EXACT_HEAD_BYTES = 256 * 1024;
export const DENSE_EVERY = 8;
export const SAMPLE_EVERY = 512;
export const MIN_SAMPLES = 256;

export interface TokenSummary {
  total: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p90: number;
  histogram: TokenHistogramBin[];
  tokenized: number;
}

type Phase = "head" | "sample" | "skip";

export class TokenStats {
  private readonly exact = new TokenHistogram();
  // Sizes in bytes of the examples that were not tokenized, turned into tokens at the end with the final ratio.
  private readonly estimated = new TokenHistogram();
  private headBytes = 0;
  private readonly headFit = new LinearFit();
  private readonly sampleFit = new LinearFit();
  private afterHead = 0;
  private phase: Phase = "head";

  constructor(private readonly mode: DatasetTokenCounting) {}

  /** Whether this example's tokens are wanted for the statistics (call once per example, in file order). */
  wants(): boolean {
    if (this.mode === "off") return false;
    if (this.mode === "exact" || this.headBytes < EXACT_HEAD_BYTES) {
      this.phase = "head";
      return true;
    }
    const every = this.sampleFit.n < MIN_SAMPLES ? DENSE_EVERY : SAMPLE_EVERY;
    this.phase = this.afterHead++ % every === 0 ? "sample" : "skip";
    return this.phase === "sample";
  }

  /** `tokens`: the exact count if it was taken (because wanted, or for the context rule), else null. */
  add(example: Example, tokens: number | null): void {
    if (this.mode === "off") return;
    if (tokens === null) {
      this.estimated.add(example.bytes);
      return;
    }
    this.exact.add(tokens);
    if (this.phase === "head") {
      this.headFit.add(example.bytes, tokens);
      this.headBytes += example.bytes;
    } else if (this.phase === "sample") {
      this.sampleFit.add(example.bytes, tokens);
    }
  }

  summary(): TokenSummary {
    const merged = new TokenHistogram();
    for (const [value, count] of this.exact.bins()) merged.add(value, count);
    let total = this.exact.total;
    if (this.estimated.count > 0) {
      // Samples from the same stretch of the file as the estimated examples, with the head's while they are few.
      const fit = this.sampleFit.n >= MIN_SAMPLES / 2 ? this.sampleFit : this.sampleFit.merged(this.headFit);
      const [intercept, slope] = fit.line();
      const estimate = (bytes: number) => Math.max(1, intercept + slope * bytes);
      let sum = 0;
      for (const [bytes, count] of this.estimated.bins()) {
        merged.add(estimate(bytes), count);
        sum += estimate(bytes) * count;
      }
      // The line summed over the exact byte total, unless the floor at 1 token bit somewhere (then the bins').
      const floored = intercept + slope * this.estimated.min < 1;
      total += Math.round(floored ? sum : this.estimated.count * intercept + this.estimated.total * slope);
    }
    const n = merged.count;
    return {
      total,
      min: n === 0 ? 0 : merged.min,
      max: merged.max,
      mean: n === 0 ? 0 : Math.round((total / n) * 100) / 100,
      p50: merged.percentile(50),
      p90: merged.percentile(90),
      histogram: merged.display(),
      tokenized: this.exact.count,
    };
  }
}
