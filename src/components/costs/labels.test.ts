import { describe, expect, it } from "vitest";
import { formatDay, formatMicroCents, resourceHref } from "./labels";

describe("cost labels", () => {
  it("links each resource type to its page", () => {
    expect(resourceHref("training_job", "a")).toBe("/fine-tuning/jobs/a");
    expect(resourceHref("deployment", "b")).toBe("/deployments/b");
    expect(resourceHref("dataset", "c")).toBe("/datasets/c");
    expect(resourceHref("artifact", "d")).toBe("/models/artifacts/d");
  });
  it("shows fractions of a cent instead of $0.00", () => {
    expect(formatMicroCents(0)).toBe("$0.00");
    expect(formatMicroCents(123_456_789)).toBe("$1.23");
    expect(formatMicroCents(50_000)).toBe("$0.0005");
    expect(formatMicroCents(5_000)).toBe("$0.000050");
    expect(formatMicroCents(500_000)).toBe("$0.0050");
  });
  it("formats UTC days", () => {
    expect(formatDay("2026-12-02")).toBe("Dec 2");
  });
});
