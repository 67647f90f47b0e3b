import { describe, expect, it } from "vitest";
import { DATASET_SORTS, sortFor, sortingFor } from "./sort-state";

describe("dataset list sort ⇄ table sorting", () => {
  it("round-trips every server sort", () => {
    for (const sort of DATASET_SORTS) expect(sortFor(sortingFor(sort), "newest")).toBe(sort);
  });

  it("toggles Created between newest and oldest", () => {
    expect(sortFor([{ id: "createdAt", desc: false }], "newest")).toBe("oldest");
    expect(sortFor([{ id: "createdAt", desc: true }], "oldest")).toBe("newest");
  });

  it("keeps name and size one-way whatever direction the table asks for", () => {
    expect(sortFor([{ id: "name", desc: true }], "name")).toBe("name");
    expect(sortFor([{ id: "fileSize", desc: false }], "size")).toBe("size");
  });

  it("ignores an empty or unknown sorting", () => {
    expect(sortFor([], "size")).toBe("size");
    expect(sortFor([{ id: "status", desc: false }], "oldest")).toBe("oldest");
  });
});
