/**
 * Least-squares line y ≈ a + b·x, kept online (Welford's centred sums, so large byte counts do not cancel out)
 * and mergeable. Used to estimate an example's tokens from its size: a fixed part (chat formatting, the JSON
 * keys around each message) plus a per-byte part, which a plain tokens-per-byte ratio would smear.
 */
export class LinearFit {
  n = 0;
  private meanX = 0;
  private meanY = 0;
  private sxx = 0;
  private sxy = 0;

  add(x: number, y: number): void {
    this.n++;
    const dx = x - this.meanX;
    this.meanX += dx / this.n;
    this.meanY += (y - this.meanY) / this.n;
    this.sxx += dx * (x - this.meanX);
    this.sxy += dx * (y - this.meanY);
  }

  merged(other: LinearFit): LinearFit {
    const out = new LinearFit();
    const n = this.n + other.n;
    if (n === 0) return out;
    const dx = other.meanX - this.meanX;
    const dy = other.meanY - this.meanY;
    const w = (this.n * other.n) / n;
    out.n = n;
    out.meanX = this.meanX + (dx * other.n) / n;
    out.meanY = this.meanY + (dy * other.n) / n;
    out.sxx = this.sxx + other.sxx + dx * dx * w;
    out.sxy = this.sxy + other.sxy + dx * dy * w;
    return out;
  }

  /**
   * [intercept, slope]. The intercept may be negative (JSON keys add bytes but no tokens, and longer examples
   * have more messages); callers keep estimates at 1 or more. Falls back to a line through the origin (the
   * plain ratio) when the sizes barely vary or the slope would not be positive (too few or odd samples).
   */
  line(): [number, number] {
    if (this.n === 0 || this.meanX <= 0) return [0, 0];
    const ratio: [number, number] = [0, this.meanY / this.meanX];
    if (this.n < 3 || this.sxx <= 0) return ratio;
    const slope = this.sxy / this.sxx;
    const intercept = this.meanY - slope * this.meanX;
    return slope > 0 ? [intercept, slope] : ratio;
  }
}
