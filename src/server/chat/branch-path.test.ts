import { describe, expect, it } from "vitest";
import { branchPath } from "./branch-path";

const m = (id: string, parentId: string | null) => ({ id, parentId });

describe("branchPath", () => {
  // u1 → a1 → u2 → a2, with a2' a regeneration beside a2 and u2' an edit beside u2 (with its answer a3).
  const tree = [m("u1", null), m("a1", "u1"), m("u2", "a1"), m("a2", "u2"), m("a2'", "u2"), m("u2'", "a1"), m("a3", "u2'")];

  it("is the path from the tip to the first message, oldest first", () => {
    expect(branchPath(tree, "a2").map((x) => x.id)).toEqual(["u1", "a1", "u2", "a2"]);
    expect(branchPath(tree, "a2'").map((x) => x.id)).toEqual(["u1", "a1", "u2", "a2'"]);
    expect(branchPath(tree, "a3").map((x) => x.id)).toEqual(["u1", "a1", "u2'", "a3"]);
  });

  it("does not depend on the order the messages come in", () => {
    expect(branchPath([...tree].reverse(), "a3").map((x) => x.id)).toEqual(["u1", "a1", "u2'", "a3"]);
  });

  it("is empty without a tip, or with a tip that is not among the messages", () => {
    expect(branchPath(tree, null)).toEqual([]);
    expect(branchPath(tree, "gone")).toEqual([]);
    expect(branchPath([], null)).toEqual([]);
  });

  it("ends on a cycle instead of looping (bad data)", () => {
    expect(branchPath([m("x", "y"), m("y", "x")], "x").map((v) => v.id)).toEqual(["y", "x"]);
  });
});
