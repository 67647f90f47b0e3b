import { describe, expect, it } from "vitest";
import {
  canCancel,
  forwardPath,
  isJobStage,
  isLive,
  isTerminal,
  isTrainingStatus,
  JOB_STAGES,
  type JobStage,
  nextStatus,
  stageAfter,
  stageOf,
  stageSteps,
  TRAINING_EVENTS,
  TRAINING_STATUSES,
  type TrainingEvent,
  type TrainingStatus,
  transition,
} from "./training-lifecycle";

// Every state × event, written out by hand (not derived from the implementation): "-" is refused.
// Columns follow this order:
const E: TrainingEvent[] = [
  "initialize",
  "training_started",
  "validation_started",
  "saving_started",
  "completed",
  "failed",
  "cancel_requested",
];
const EXPECTED: Record<TrainingStatus, (TrainingStatus | "-")[]> = {
  //            initialize      training_st validation_st saving_st  completed    failed    cancel_requested
  queued: ["initializing", "-", "-", "-", "-", "failed", "cancelled"],
  initializing: ["-", "running", "-", "-", "-", "failed", "cancelled"],
  running: ["-", "-", "validating", "-", "-", "failed", "cancelled"],
  validating: ["-", "-", "-", "saving", "-", "failed", "cancelled"],
  saving: ["-", "-", "-", "-", "completed", "failed", "cancelled"],
  completed: ["-", "-", "-", "-", "-", "-", "-"],
  failed: ["-", "-", "-", "-", "-", "-", "-"],
  cancelled: ["-", "-", "-", "-", "-", "-", "-"],
};

describe("transition: every state × event", () => {
  it("the table covers every status and event", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...TRAINING_STATUSES].sort());
    expect([...E].sort()).toEqual([...TRAINING_EVENTS].sort());
  });

  const cells = TRAINING_STATUSES.flatMap((from) => E.map((event, i) => [from, event, EXPECTED[from][i]!] as const));
  it.each(cells)("%s + %s → %s", (from, event, expected) => {
    const r = transition(from, event);
    if (expected === "-") {
      expect(r).toMatchObject({ ok: false, from, event });
      if (!r.ok) expect(r.reason).toMatch(/^Cannot .+ a job that is [a-z]+\.$/);
      expect(nextStatus(from, event)).toBeNull();
    } else {
      expect(r).toEqual({ ok: true, from, to: expected });
      expect(nextStatus(from, event)).toBe(expected);
    }
  });
});

describe("helpers", () => {
  it("refusals name the action and the state", () => {
    expect(transition("completed", "cancel_requested")).toMatchObject({
      ok: false,
      reason: "Cannot cancel a job that is completed.",
    });
    expect(transition("running", "completed")).toMatchObject({
      ok: false,
      reason: "Cannot complete a job that is training.",
    });
  });

  it.each([
    ["queued", true, true, false],
    ["initializing", true, true, false],
    ["running", true, true, false],
    ["validating", true, true, false],
    ["saving", true, true, false],
    ["completed", false, false, true],
    ["failed", false, false, true],
    ["cancelled", false, false, true],
  ] as const)("%s: live %s, cancel %s, terminal %s", (s, live, cancel, terminal) => {
    expect(isLive(s)).toBe(live);
    expect(canCancel(s)).toBe(cancel);
    expect(isTerminal(s)).toBe(terminal);
  });

  it("the happy path ends completed", () => {
    const run = (from: TrainingStatus, events: TrainingEvent[]) =>
      events.reduce<TrainingStatus>((s, e) => {
        const r = transition(s, e);
        if (!r.ok) throw new Error(r.reason);
        return r.to;
      }, from);
    expect(run("queued", ["initialize", "training_started", "validation_started", "saving_started", "completed"])).toBe(
      "completed",
    );
    expect(run("running", ["cancel_requested"])).toBe("cancelled");
  });

  it("forwardPath catches up stage by stage, and refuses to go back", () => {
    expect(forwardPath("queued", "queued")).toEqual([]);
    expect(forwardPath("initializing", "validating")).toEqual(["training_started", "validation_started"]);
    expect(forwardPath("running", "completed")).toEqual(["validation_started", "saving_started", "completed"]);
    expect(forwardPath("queued", "completed")).toEqual([
      "initialize",
      "training_started",
      "validation_started",
      "saving_started",
      "completed",
    ]);
    expect(forwardPath("saving", "running")).toBeNull();
    expect(forwardPath("running", "failed")).toBeNull();
    expect(forwardPath("cancelled", "completed")).toBeNull();
  });

  it("type guards", () => {
    expect(isTrainingStatus("running")).toBe(true);
    expect(isTrainingStatus("training")).toBe(false);
    expect(isJobStage("training")).toBe(true);
    expect(isJobStage("running")).toBe(false);
  });
});

describe("stages (seed 003's JobStage)", () => {
  it.each([
    ["queued", "queued"],
    ["initializing", "initializing"],
    ["running", "training"],
    ["validating", "validating"],
    ["saving", "saving"],
    ["completed", "completed"],
    ["failed", null],
    ["cancelled", null],
  ] as const)("%s shows stage %s", (status, stage) => {
    expect(stageOf(status)).toBe(stage);
  });

  it("failed and cancelled keep the stage they stopped in; others take their own", () => {
    expect(stageAfter("failed", "training")).toBe("training");
    expect(stageAfter("cancelled", "saving")).toBe("saving");
    expect(stageAfter("validating", "training")).toBe("validating");
  });

  it("the indicator marks done, current, stopped and upcoming steps", () => {
    const states = (status: TrainingStatus, stage: JobStage) => stageSteps(status, stage).map((s) => s.state);
    expect(stageSteps("running", "training").map((s) => s.label)).toEqual([
      "Queued",
      "Initializing",
      "Training",
      "Validating",
      "Saving",
      "Completed",
    ]);
    expect(states("running", "training")).toEqual(["done", "done", "current", "upcoming", "upcoming", "upcoming"]);
    expect(states("queued", "queued")).toEqual(["current", "upcoming", "upcoming", "upcoming", "upcoming", "upcoming"]);
    expect(states("completed", "completed")).toEqual(["done", "done", "done", "done", "done", "done"]);
    expect(states("failed", "validating")).toEqual(["done", "done", "done", "failed", "upcoming", "upcoming"]);
    expect(states("cancelled", "initializing")).toEqual([
      "done",
      "cancelled",
      "upcoming",
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
    expect(JOB_STAGES).toHaveLength(6);
  });
});
