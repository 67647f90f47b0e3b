import { describe, expect, it } from "vitest";
import { groupHistory, historyGroupOf } from "./history-groups";

const now = new Date(2026, 4, 20, 10, 30); // 20 May 2026, 10:30 local

function daysAgo(n: number, hour = 12) {
  return new Date(2026, 4, 20 - n, hour, 0);
}

describe("historyGroupOf", () => {
  it("splits by local calendar day, not by 24-hour windows", () => {
    expect(historyGroupOf(new Date(2026, 4, 20, 0, 1), now)).toBe("today");
    expect(historyGroupOf(new Date(2026, 4, 19, 23, 59), now)).toBe("yesterday");
    expect(historyGroupOf(daysAgo(2), now)).toBe("last7");
    expect(historyGroupOf(daysAgo(7), now)).toBe("last7");
    expect(historyGroupOf(daysAgo(8), now)).toBe("last30");
    expect(historyGroupOf(daysAgo(30), now)).toBe("last30");
    expect(historyGroupOf(daysAgo(31), now)).toBe("older");
  });

  it("treats a date slightly in the future (clock skew) as today", () => {
    expect(historyGroupOf(new Date(2026, 4, 20, 11, 0), now)).toBe("today");
  });
});

describe("groupHistory", () => {
  it("keeps order within groups, orders groups, and omits empty ones", () => {
    const items = [
      { id: "a", updatedAt: daysAgo(0) },
      { id: "b", updatedAt: daysAgo(0, 8) },
      { id: "c", updatedAt: daysAgo(3).toISOString() },
      { id: "d", updatedAt: daysAgo(90) },
    ];
    const groups = groupHistory(items, now);
    expect(groups.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ["Today", ["a", "b"]],
      ["Last 7 days", ["c"]],
      ["Older", ["d"]],
    ]);
  });

  it("returns no groups for no chats", () => {
    expect(groupHistory([], now)).toEqual([]);
  });
});
