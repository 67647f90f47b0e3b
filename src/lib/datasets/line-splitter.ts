/**
 * Splits a byte stream into lines without decoding it, so a line's UTF-8 problems stay on that line and
 * memory is bounded by the longest line we accept, not by the file: a line over `maxLineBytes` is skipped
 * (counted, never buffered) up to its newline.
 */

export interface LineSink {
  /** One line without its "\n" (nor a trailing "\r"; nor the UTF-8 BOM on line 1). Valid only during the call. */
  line(bytes: Uint8Array, lineNo: number): void;
  /** A line longer than the limit, reported once its end is reached with its full length. */
  tooLong(lineNo: number, bytes: number): void;
}

const NEWLINE = 0x0a;
const CR = 0x0d;
const INITIAL_CARRY = 64 * 1024;

export class LineSplitter {
  /** Bytes pushed so far. */
  bytes = 0;
  /** Lines completed so far (a skipped over-long line counts). */
  lines = 0;
  // The start of a line that continues into the next chunk.
  private carry = new Uint8Array(INITIAL_CARRY);
  private carryLength = 0;
  // -1 when not skipping; else the bytes of the over-long line seen so far.
  private skipped = -1;

  constructor(
    private readonly maxLineBytes: number,
    private readonly sink: LineSink,
  ) {}

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, pos);
      const end = nl === -1 ? chunk.length : nl;
      if (this.skipped >= 0) {
        this.skipped += end - pos;
      } else if (this.carryLength + (end - pos) > this.maxLineBytes + 1) {
        // +1: a trailing "\r" is not part of the line, so a line of exactly the limit plus "\r" still fits.
        this.skipped = this.carryLength + (end - pos);
        this.resetCarry();
      } else if (nl !== -1 && this.carryLength === 0) {
        this.emit(chunk.subarray(pos, end));
      } else {
        this.append(chunk.subarray(pos, end));
        if (nl !== -1) {
          this.emit(this.carry.subarray(0, this.carryLength));
          this.resetCarry();
        }
      }
      if (nl === -1) break;
      if (this.skipped >= 0) this.finishSkipped();
      pos = nl + 1;
    }
  }

  /** Flushes a last line that has no newline after it. */
  end(): void {
    if (this.skipped >= 0) this.finishSkipped();
    else if (this.carryLength > 0) {
      this.emit(this.carry.subarray(0, this.carryLength));
      this.resetCarry();
    }
  }

  private emit(raw: Uint8Array): void {
    const lineNo = ++this.lines;
    let start = 0;
    let end = raw.length;
    if (lineNo === 1 && end >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) start = 3;
    if (end > start && raw[end - 1] === CR) end--;
    if (end - start > this.maxLineBytes) this.sink.tooLong(lineNo, end - start);
    else this.sink.line(raw.subarray(start, end), lineNo);
  }

  private finishSkipped(): void {
    const lineNo = ++this.lines;
    this.sink.tooLong(lineNo, this.skipped);
    this.skipped = -1;
  }

  private append(bytes: Uint8Array): void {
    const needed = this.carryLength + bytes.length;
    if (needed > this.carry.length) {
      const grown = new Uint8Array(Math.max(needed, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carryLength));
      this.carry = grown;
    }
    this.carry.set(bytes, this.carryLength);
    this.carryLength = needed;
  }

  private resetCarry(): void {
    this.carryLength = 0;
    // Give back what one long line grew, so memory does not stay at the longest line's size.
    if (this.carry.length > INITIAL_CARRY * 16) this.carry = new Uint8Array(INITIAL_CARRY);
  }
}
