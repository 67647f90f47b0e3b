/** Running statistics over valid examples, in memory that does not grow with the file. */
import type { Example } from "./example";
import { TokenHistogram } from "./token-histogram";
import type { DatasetRole, DatasetStats } from "./types";

export class StatsAccumulator {
  readonly tokens = new TokenHistogram();
  examples = 0;
  validationExamples = 0;
  duplicates = 0;
  private turnsMin = Number.POSITIVE_INFINITY;
  private turnsMax = 0;
  private turnsTotal = 0;
  private readonly roles: Record<DatasetRole, number> = { system: 0, user: 0, assistant: 0, tool: 0 };

  /** `tokens` is null when token counting is off. */
  add(example: Example, tokens: number | null, validation: boolean): void {
    this.examples++;
    if (validation) this.validationExamples++;
    if (tokens !== null) this.tokens.add(tokens);
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
    const t = this.tokens;
    const mean = (total: number, count: number) => (count === 0 ? 0 : Math.round((total / count) * 100) / 100);
    return {
      bytes,
      lines,
      examples: n,
      trainExamples: n - this.validationExamples,
      validationExamples: this.validationExamples,
      tokenizer,
      totalTokens: t.total,
      tokensPerExample: {
        min: t.count === 0 ? 0 : t.min,
        max: t.max,
        mean: mean(t.total, t.count),
        p50: t.percentile(50),
        p90: t.percentile(90),
      },
      histogram: t.display(),
      turnsPerExample: { min: n === 0 ? 0 : this.turnsMin, max: this.turnsMax, mean: mean(this.turnsTotal, n) },
      roles: { ...this.roles },
      duplicates: this.duplicates,
    };
  }
}
