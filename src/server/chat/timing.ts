/**
 * Phase timings of a chat turn, in ms since the handler started: sent as Server-Timing on the
 * response (the phases before it: auth, read, write) and logged at debug level when the answer
 * ends (with model-call, first-text, title, end), so the bench and a profile can tell where the
 * time before the first text delta goes.
 */
export class TurnTimer {
  private readonly t0 = performance.now();
  readonly phases: Record<string, number> = {};

  /** Records when `name` happened (the first time only). */
  at(name: string): void {
    this.phases[name] ??= performance.now() - this.t0;
  }

  header(): string {
    return Object.entries(this.phases)
      .map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`)
      .join(", ");
  }
}
