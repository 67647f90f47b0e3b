import { describe, expect, it } from "vitest";
import { coldState } from "./cold-start";

const zero = { minReplicas: 0, scaleToZeroAfterMinutes: 15 };

describe("coldState", () => {
  it("is warm whenever replicas are kept", () => {
    expect(coldState(undefined, { minReplicas: 1, scaleToZeroAfterMinutes: 15 }, 0)).toEqual({ kind: "warm" });
  });

  it("is idle when nothing was served here, or not within the timeout", () => {
    expect(coldState(undefined, zero, 1_000)).toEqual({ kind: "idle" });
    expect(coldState({ lastServedAt: 0 }, zero, 15 * 60_000 + 1)).toEqual({ kind: "idle" });
    expect(coldState({ lastServedAt: 0 }, zero, 15 * 60_000)).toEqual({ kind: "warm" });
  });

  it("is waking until the expected ready time", () => {
    expect(coldState({ readyAt: 5_000 }, zero, 2_000)).toEqual({ kind: "waking", remainingMs: 3_000 });
    expect(coldState({ readyAt: 5_000 }, zero, 6_000)).toEqual({ kind: "warm" });
  });
});
