import { describe, expect, it } from "vitest";
import { sheetDiff } from "./sheet-diff";

describe("sheetDiff", () => {
  it("marks changed, added and removed cells at their row and column", () => {
    const diff = sheetDiff("Item,Price\nTea,3\nCake,5\n", "Item,Price,Qty\nTea,4,2\n");
    expect(diff.columns).toBe(3);
    expect(diff.rows).toEqual([
      [{ type: "same", value: "Item" }, { type: "same", value: "Price" }, { type: "added", value: "Qty" }],
      [{ type: "same", value: "Tea" }, { type: "changed", before: "3", after: "4" }, { type: "added", value: "2" }],
      [{ type: "removed", value: "Cake" }, { type: "removed", value: "5" }, { type: "same", value: "" }],
    ]);
    expect({ changed: diff.changed, added: diff.added, removed: diff.removed }).toEqual({ changed: 1, added: 2, removed: 2 });
  });

  it("finds nothing between equal sheets", () => {
    const diff = sheetDiff("a,b\n1,2", "a,b\n1,2\n");
    expect(diff.changed + diff.added + diff.removed).toBe(0);
  });
});
