import { describe, expect, it } from "vitest";
import { LruMap } from "./lru-map";

describe("LruMap", () => {
  it("drops the least recently used entry once full", () => {
    const m = new LruMap<string, number>(2);
    m.set("a", 1);
    m.set("b", 2);
    expect(m.get("a")).toBe(1); // "b" is now the least recently used
    m.set("c", 3);
    expect(m.size).toBe(2);
    expect(m.get("b")).toBeUndefined();
    expect(m.get("a")).toBe(1);
    expect(m.get("c")).toBe(3);
  });

  it("replacing a held key keeps the others", () => {
    const m = new LruMap<string, number>(2);
    m.set("a", 1);
    m.set("b", 2);
    m.set("a", 10);
    expect(m.size).toBe(2);
    expect(m.get("a")).toBe(10);
    expect(m.get("b")).toBe(2);
  });

  it("makes a missing value once and holds it", () => {
    const m = new LruMap<string, { n: number }>(4);
    let made = 0;
    const make = () => ({ n: ++made });
    const first = m.getOrCreate("x", make);
    expect(m.getOrCreate("x", make)).toBe(first);
    expect(made).toBe(1);
  });

  it("holds null as a value", () => {
    const m = new LruMap<string, string | null>(1);
    m.set("k", null);
    expect(m.get("k")).toBeNull();
    expect(m.getOrCreate("k", () => "made")).toBeNull();
  });

  it("refuses a capacity that holds nothing", () => {
    expect(() => new LruMap(0)).toThrow(RangeError);
    expect(() => new LruMap(1.5)).toThrow(RangeError);
  });
});
