/**
 * Duplicate examples, found by a 64-bit fingerprint of what the model sees (roles, names, weights, contents,
 * tools), so two conversation lines that differ only in their conversation_id are duplicates, and formatting
 * (key order, spaces) does not matter. Memory is a flat open-addressing table of typed arrays (12 bytes a
 * slot: both fingerprint halves and the first line that had it), grown by doubling up to MAX_SLOTS (48 MiB):
 * past ¾ of that (3.1 million distinct examples) new examples are still compared with the ones kept but no
 * longer added, and `saturated` says so.
 */
import type { Example } from "./example";

const INITIAL_SLOTS = 1 << 14;
const MAX_SLOTS = 1 << 22;

// Two independent multiply-rotate lanes over 32-bit words, MurmurHash3's finaliser at the end.
const M1 = 0x9e3779b1;
const M2 = 0x85ebca77;
const INITIAL_BUFFER = 64 * 1024;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The example is written as UTF-8 into a reusable buffer (TextEncoder.encodeInto is native and fast) and hashed
 * four bytes a step through an Int32Array view: a JS loop over every character costs as much as JSON.parse of
 * the whole line, this about a quarter of it.
 */
export class Fingerprint {
  a = 0;
  b = 0;
  private readonly encoder = new TextEncoder();
  private bytes = new Uint8Array(INITIAL_BUFFER);
  private words = new Int32Array(this.bytes.buffer);
  private length = 0;

  of(example: Example): this {
    // One string, one encodeInto: per-call overhead, not bytes, dominates for short messages. Each text is
    // preceded by its length, so the encoding is unambiguous ("ab" + "c" differs from "a" + "bc").
    let text = "";
    for (const m of example.messages) {
      text += `${m.role}${m.weight ?? ""}${m.name === undefined ? "" : `${m.name.length}:${m.name}`}${m.content.length}:${m.content}`;
    }
    for (const extra of example.extras) text += `${extra.length}:${extra}`;
    const need = text.length * 3 + 4;
    if (need > this.bytes.length) this.resize(Math.max(need, this.bytes.length * 2));
    this.length = this.encoder.encodeInto(text, this.bytes).written;
    this.hash();
    if (this.bytes.length > INITIAL_BUFFER * 16) this.resize(INITIAL_BUFFER);
    return this;
  }

  private hash(): void {
    const { bytes, words } = this;
    const n = this.length;
    // Zero the tail of the last word so bytes left from a longer example do not count.
    for (let i = n; i < n + 3 && i < bytes.length; i++) bytes[i] = 0;
    const count = (n + 3) >>> 2;
    let a = 0x2545f491 ^ n;
    let b = 0x68e31da4 ^ n;
    for (let i = 0; i < count; i++) {
      const k = words[i]!;
      a = Math.imul(a ^ k, M1);
      a = (a << 13) | (a >>> 19);
      b = Math.imul(b ^ k, M2);
      b = (b << 17) | (b >>> 15);
    }
    this.a = fmix(a ^ 0x3c6ef372);
    this.b = fmix(b ^ 0xa54ff53a);
  }

  private resize(size: number): void {
    const next = new Uint8Array((size + 3) & ~3);
    this.bytes = next;
    this.words = new Int32Array(next.buffer);
  }
}

export class DuplicateIndex {
  private slots = INITIAL_SLOTS;
  // Per slot: both halves of the fingerprint and the first line that had it; line 0 marks an empty slot.
  private a = new Uint32Array(INITIAL_SLOTS);
  private b = new Uint32Array(INITIAL_SLOTS);
  private lines = new Uint32Array(INITIAL_SLOTS);
  private used = 0;
  saturated = false;

  /** The line of an earlier identical example, or 0 when this one is the first (and is then remembered). */
  seen(a: number, b: number, line: number): number {
    const mask = this.slots - 1;
    let slot = b & mask;
    for (;;) {
      const at = this.lines[slot]!;
      if (at === 0) break;
      if (this.a[slot] === a && this.b[slot] === b) return at;
      slot = (slot + 1) & mask;
    }
    if (this.used >= (this.slots >>> 2) * 3) {
      if (this.slots >= MAX_SLOTS) {
        this.saturated = true;
        return 0;
      }
      this.grow();
      return this.seen(a, b, line);
    }
    this.a[slot] = a;
    this.b[slot] = b;
    this.lines[slot] = line;
    this.used++;
    return 0;
  }

  private grow(): void {
    const { a, b, lines } = this;
    this.slots *= 2;
    this.a = new Uint32Array(this.slots);
    this.b = new Uint32Array(this.slots);
    this.lines = new Uint32Array(this.slots);
    const mask = this.slots - 1;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === 0) continue;
      let slot = b[i]! & mask;
      while (this.lines[slot] !== 0) slot = (slot + 1) & mask;
      this.a[slot] = a[i]!;
      this.b[slot] = b[i]!;
      this.lines[slot] = lines[i]!;
    }
  }
}
