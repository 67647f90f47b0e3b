// Load: 100 concurrent runs of a 5-step function all complete, every step exactly once.
import { describe, expect, it } from "vitest";
import { runLoad } from "./testing/load";

describe("load", () => {
  it("completes 100 concurrent 5-step runs with every step run exactly once", async () => {
    const r = await runLoad(100);
    console.log(`inngest-runner load: ${r.runs} runs × 5 steps in ${r.seconds.toFixed(2)}s = ${r.runsPerSecond.toFixed(1)} runs/s`);
    expect(r.completed).toBe(100);
    expect(r.wrongCounts).toEqual([]);
  }, 150_000);
});
