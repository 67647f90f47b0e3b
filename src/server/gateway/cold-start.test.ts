import { describe, expect, it } from "vitest";
import { mayBeCold } from "./cold-start";

const zero = { minReplicas: 0, scaleToZeroAfterMinutes: 15 };

describe("mayBeCold", () => {
  it("is never cold while replicas are kept", () => {
    expect(mayBeCold(undefined, { minReplicas: 1, scaleToZeroAfterMinutes: 15 }, 0)).toBe(false);
  });

  it("may be cold when nothing was served here, or not within the timeout", () => {
    expect(mayBeCold(undefined, zero, 1_000)).toBe(true);
    expect(mayBeCold(0, zero, 15 * 60_000 + 1)).toBe(true);
    expect(mayBeCold(0, zero, 15 * 60_000)).toBe(false);
  });
});
