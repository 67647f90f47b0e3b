import { describe, expect, it } from "vitest";
import {
  DATASET_EVENT_LABELS,
  DATASET_EVENTS,
  DATASET_STATUS_LABELS,
  DATASET_STATUSES,
  type DatasetEvent,
  type DatasetStatus,
  isDatasetStatus,
  isTerminal,
  isTrainable,
  isTransient,
  nextStatus,
  transition,
} from "./dataset-lifecycle";

// Every state × event, written out by hand (not derived from the implementation): "-" is refused.
const E: DatasetEvent[] = ["upload_confirmed", "validation_passed", "validation_failed", "upload_failed"];
const EXPECTED: Record<DatasetStatus, (DatasetStatus | "-")[]> = {
  //          upload_confirmed  validation_passed  validation_failed  upload_failed
  uploading: ["validating", "-", "-", "error"],
  validating: ["-", "ready", "error", "-"],
  ready: ["-", "-", "-", "-"],
  error: ["-", "-", "-", "-"],
};

describe("transition: every state × event", () => {
  it("the table covers every status and event, and each has a label", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...DATASET_STATUSES].sort());
    expect([...E].sort()).toEqual([...DATASET_EVENTS].sort());
    for (const s of DATASET_STATUSES) expect(DATASET_STATUS_LABELS[s]).toMatch(/^[A-Z]/);
    for (const e of DATASET_EVENTS) expect(DATASET_EVENT_LABELS[e]).toMatch(/^[A-Z]/);
  });

  const cells = DATASET_STATUSES.flatMap((from) => E.map((event, i) => [from, event, EXPECTED[from][i]!] as const));
  it.each(cells)("%s + %s → %s", (from, event, expected) => {
    const r = transition(from, event);
    if (expected === "-") {
      expect(r).toMatchObject({ ok: false, from, event });
      if (!r.ok) expect(r.reason).toMatch(/^Cannot .+ a dataset that is [a-z]+\.$/);
      expect(nextStatus(from, event)).toBeNull();
    } else {
      expect(r).toEqual({ ok: true, from, to: expected });
      expect(nextStatus(from, event)).toBe(expected);
    }
  });
});

describe("helpers", () => {
  it("refusals name the action and the state", () => {
    expect(transition("ready", "upload_confirmed")).toMatchObject({
      ok: false,
      reason: "Cannot confirm the upload of a dataset that is ready.",
    });
    expect(transition("uploading", "validation_passed")).toMatchObject({
      ok: false,
      reason: "Cannot mark as validated a dataset that is uploading.",
    });
  });

  it.each([
    ["uploading", true, false, false],
    ["validating", true, false, false],
    ["ready", false, true, true],
    ["error", false, true, false],
  ] as const)("%s: transient %s, terminal %s, trainable %s", (s, transient, terminal, trainable) => {
    expect(isTransient(s)).toBe(transient);
    expect(isTerminal(s)).toBe(terminal);
    expect(isTrainable(s)).toBe(trainable);
  });

  it("recognises its statuses and nothing else", () => {
    for (const s of DATASET_STATUSES) expect(isDatasetStatus(s)).toBe(true);
    for (const s of ["", "Ready", "deleted", "pending", "uploading "]) expect(isDatasetStatus(s)).toBe(false);
  });

  it("every path from uploading ends in ready or error, and neither leads anywhere", () => {
    const reachable = new Set<DatasetStatus>(["uploading"]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of [...reachable]) {
        for (const e of DATASET_EVENTS) {
          const to = nextStatus(s, e);
          if (to && !reachable.has(to)) {
            reachable.add(to);
            grew = true;
          }
        }
      }
    }
    expect([...reachable].sort()).toEqual([...DATASET_STATUSES].sort());
    const ends = DATASET_STATUSES.filter(isTerminal);
    expect(ends.sort()).toEqual(["error", "ready"]);
  });
});
