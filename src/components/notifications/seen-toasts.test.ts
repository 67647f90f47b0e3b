import { describe, expect, it } from "vitest";
import { readSeen, toToast, writeSeen } from "./seen-toasts";

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe("critical toasts", () => {
  const n = (id: string, priority: string, readAt: Date | null = null) => ({ id, priority, readAt });

  it("toasts unread critical ones not yet seen, oldest first", () => {
    const items = [n("c", "critical"), n("b", "high"), n("a", "critical"), n("r", "critical", new Date())];
    expect(toToast(items, new Set()).map((x) => x.id)).toEqual(["a", "c"]);
    expect(toToast(items, new Set(["a"])).map((x) => x.id)).toEqual(["c"]);
  });

  it("remembers seen ids across reads, bounded", () => {
    const storage = memoryStorage();
    writeSeen(storage, new Set(Array.from({ length: 250 }, (_, i) => `id${i}`)));
    const seen = readSeen(storage);
    expect(seen.size).toBe(200);
    expect(seen.has("id249")).toBe(true);
    expect(seen.has("id0")).toBe(false);
  });

  it("survives garbage in storage", () => {
    expect(readSeen({ getItem: () => "{not json" }).size).toBe(0);
    expect(readSeen({ getItem: () => '["a", 3]' })).toEqual(new Set(["a"]));
  });
});
