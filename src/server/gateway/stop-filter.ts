/**
 * Applies stop sequences to streamed text: text is released only once it cannot be the start of a
 * stop sequence, and everything from the first stop sequence on is dropped.
 */
export class StopFilter {
  private held = "";
  private stopped = false;

  constructor(private readonly stops: string[]) {}

  get done(): boolean {
    return this.stopped;
  }

  /** The text that may be sent now. */
  push(delta: string): string {
    if (this.stopped) return "";
    if (this.stops.length === 0) return delta;
    const text = this.held + delta;
    let cut = -1;
    for (const s of this.stops) {
      const at = text.indexOf(s);
      if (at >= 0 && (cut < 0 || at < cut)) cut = at;
    }
    if (cut >= 0) {
      this.stopped = true;
      this.held = "";
      return text.slice(0, cut);
    }
    // Hold back the longest tail that is a prefix of some stop sequence.
    let keep = 0;
    for (const s of this.stops) {
      for (let k = Math.min(s.length - 1, text.length); k > keep; k--) {
        if (text.endsWith(s.slice(0, k))) {
          keep = k;
          break;
        }
      }
    }
    this.held = text.slice(text.length - keep);
    return text.slice(0, text.length - keep);
  }

  /** What is still held at the end of the text (it turned out not to be a stop sequence). */
  flush(): string {
    const rest = this.stopped ? "" : this.held;
    this.held = "";
    return rest;
  }
}
