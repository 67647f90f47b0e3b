import type { DatasetIssue, DatasetRule } from "./types";

/** Keeps the first `max` issues in file order and counts every one per rule, so memory does not grow with bad lines. */
export class IssueLog {
  readonly kept: DatasetIssue[] = [];
  readonly counts: Partial<Record<DatasetRule, number>> = {};
  total = 0;

  constructor(private readonly max: number) {}

  add(line: number, rule: DatasetRule, message: string): void {
    this.total++;
    this.counts[rule] = (this.counts[rule] ?? 0) + 1;
    if (this.kept.length < this.max) this.kept.push({ line, rule, message });
  }

  /** Whole-file issues (line 0) go first in the kept list, so a cut-off list never hides them. */
  addFileLevel(rule: DatasetRule, message: string): void {
    this.total++;
    this.counts[rule] = (this.counts[rule] ?? 0) + 1;
    this.kept.unshift({ line: 0, rule, message });
    if (this.kept.length > this.max) this.kept.pop();
  }
}

/**
 * The issues of one line: each rule is reported once per line (the first offence names the message), so a
 * 50-message example with a bad role on every message is one error, not fifty. One instance is reused for
 * every line (`reset`), because most lines have no issue and the allocation would be per line.
 */
export class LineIssues {
  private seen: DatasetRule[] = [];
  line = 0;
  errors = 0;

  constructor(
    private readonly errorLog: IssueLog,
    private readonly warningLog: IssueLog,
  ) {}

  reset(line: number): this {
    this.line = line;
    this.errors = 0;
    if (this.seen.length > 0) this.seen = [];
    return this;
  }

  error(rule: DatasetRule, message: string): void {
    if (this.seen.includes(rule)) return;
    this.seen.push(rule);
    this.errors++;
    this.errorLog.add(this.line, rule, message);
  }

  warning(rule: DatasetRule, message: string): void {
    this.warningLog.add(this.line, rule, message);
  }
}
