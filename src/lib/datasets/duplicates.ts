/**
 * Duplicate examples, found by a 64-bit fingerprint of what the model sees (roles, names, weights, contents,
 * tools), so two conversation lines that differ only in their conversation_id are duplicates, and formatting
 * (key order, spaces) does not matter. Memory is a flat open-addressing table of typed arrays (12 bytes a
 * slot: both fingerprint halves and the first line that had it), grown by doubling up to MAX_SLOTS (48 MiB):
 * past ¾ of that (3.1 million distinct examples) new examples are still compared with the ones kept but no
 * longer added, and `saturated` says so.
 */
import type { Example } from "./example";
import type { DatasetRole } from "./types";

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

const ROLE_CODES: Record<DatasetRole, number> = { system: 1, user: 2, assistant: 3, tool: 4 };

/**
 * The example is written as bytes into a reusable buffer (texts as UTF-8 by TextEncoder.encodeInto, native)
 * and hashed four bytes a step through an Int32Array view: a JS loop over every character would cost as much
 * as JSON.parse of the line. Each text is followed by its length, so "ab" + "c" and "a" + "bc" differ.
 */
export class Fingerprint {
  a = 0;
  b = 0;
  private readonly encoder = new TextEncoder();
  private bytes = new Uint8Array(INITIAL_BUFFER);
  private words = new Int32Array(this.bytes.buffer);
  private length = 0;

  of(example: Example): this {
    this.length = 0;
    for (const m of example.messages) {
      this.reserve(2);
      this.bytes[this.length++] = ROLE_CODES[m.role];
      this.bytes[this.length++] = m.weight ?? 2;
      if (m.name !== undefined) this.put(m.name);
      this.put(m.content);
    }
    for (const extra of example.extras) this.put(extra);
    this.hash();
    if (this.bytes.length > INITIAL_BUFFER * 16) this.resize(INITIAL_BUFFER);
    return this;
  }

  private put(text: string): void {
    this.reserve(text.length * 3 + 4);
    const written = this.encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
    const n = this.length + written;
    this.bytes[n] = written & 0xff;
    this.bytes[n + 1] = (written >>> 8) & 0xff;
    this.bytes[n + 2] = (written >>> 16) & 0xff;
    this.bytes[n + 3] = written >>> 24;
    this.length = n + 4;
  }

  /** Room for `more` bytes plus the 3 the last word may read past the end. */
  private reserve(more: number): void {
    const need = this.length + more + 3;
    if (need > this.bytes.length) this.resize(Math.max(need, this.bytes.length * 2));
  }

  private hash(): void {
    const { bytes, words } = this;
    const n = this.length;
    // Zero the tail of the last word so bytes left from a longer example do not count.
    bytes[n] = 0;
    bytes[n + 1] = 0;
    bytes[n + 2] = 0;
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
    if (next.length >= this.length) next.set(this.bytes.subarray(0, this.length));
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
