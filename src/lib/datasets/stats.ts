/** Running statistics over valid examples, in memory that does not grow with the file. */
import type { Example } from "./example";
import { TokenStats } from "./token-stats";
import type { DatasetRole, DatasetStats, DatasetTokenCounting } from "./types";

export class StatsAccumulator {
  readonly tokens: TokenStats;
  examples = 0;
  validationExamples = 0;
  duplicates = 0;
  private turnsMin = Number.POSITIVE_INFINITY;
  private turnsMax = 0;
  private turnsTotal = 0;
  private readonly roles: Record<DatasetRole, number> = { system: 0, user: 0, assistant: 0, tool: 0 };

  constructor(counting: DatasetTokenCounting) {
    this.tokens = new TokenStats(counting);
  }

  /** `tokens`: the example's exact count when it was taken, else null (see TokenStats). */
  add(example: Example, tokens: number | null, validation: boolean): void {
    this.examples++;
    if (validation) this.validationExamples++;
    this.tokens.add(example, tokens);
    // Turns are the exchanges the model learns from: every message but the system prompt.
    let turns = 0;
    for (const m of example.messages) {
      this.roles[m.role]++;
      if (m.role !== "system") turns++;
    }
    if (turns < this.turnsMin) this.turnsMin = turns;
    if (turns > this.turnsMax) this.turnsMax = turns;
    this.turnsTotal += turns;
  }

  result(bytes: number, lines: number, tokenizer: string): DatasetStats {
    const n = this.examples;
    const t = this.tokens.summary();
    return {
      bytes,
      lines,
      examples: n,
      trainExamples: n - this.validationExamples,
      validationExamples: this.validationExamples,
      tokenizer,
      totalTokens: t.total,
      tokensPerExample: { min: t.min, max: t.max, mean: t.mean, p50: t.p50, p90: t.p90 },
      histogram: t.histogram,
      tokenizedExamples: t.tokenized,
      turnsPerExample: {
        min: n === 0 ? 0 : this.turnsMin,
        max: this.turnsMax,
        mean: n === 0 ? 0 : Math.round((this.turnsTotal / n) * 100) / 100,
      },
      roles: { ...this.roles },
      duplicates: this.duplicates,
    };
  }
}
