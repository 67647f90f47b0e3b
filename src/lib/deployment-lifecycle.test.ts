import { describe, expect, it } from "vitest";
import {
  canDelete,
  canPause,
  canResume,
  DEPLOYMENT_EVENTS,
  DEPLOYMENT_STATUSES,
  type DeploymentEvent,
  type DeploymentStatus,
  isTerminal,
  isTransient,
  nextStatus,
  transition,
} from "./deployment-lifecycle";

// Every state × event, written out by hand (not derived from the implementation): "-" is refused.
// Columns follow this order:
const E: DeploymentEvent[] = [
  "provision_started",
  "provider_ready",
  "became_active",
  "pause_requested",
  "paused",
  "resume_requested",
  "resumed",
  "delete_requested",
  "deleted",
  "failed",
];
const EXPECTED: Record<DeploymentStatus, (DeploymentStatus | "-")[]> = {
  //            provision_s   provider_r  became_act pause_req  paused    resume_req  resumed  delete_req  deleted    failed
  pending: ["provisioning", "-", "-", "-", "-", "-", "-", "deleting", "-", "failed"],
  provisioning: ["-", "starting", "-", "-", "-", "-", "-", "deleting", "-", "failed"],
  starting: ["-", "-", "active", "-", "-", "-", "-", "deleting", "-", "failed"],
  active: ["-", "-", "-", "pausing", "-", "-", "-", "deleting", "-", "failed"],
  pausing: ["-", "-", "-", "-", "paused", "-", "-", "deleting", "-", "failed"],
  paused: ["-", "-", "-", "-", "-", "resuming", "-", "deleting", "-", "-"],
  resuming: ["-", "-", "-", "-", "-", "-", "active", "deleting", "-", "failed"],
  failed: ["-", "-", "-", "-", "-", "-", "-", "deleting", "-", "-"],
  deleting: ["-", "-", "-", "-", "-", "-", "-", "-", "deleted", "failed"],
  deleted: ["-", "-", "-", "-", "-", "-", "-", "-", "-", "-"],
};

describe("transition: every state × event", () => {
  it("the table covers every status and event", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...DEPLOYMENT_STATUSES].sort());
    expect([...E].sort()).toEqual([...DEPLOYMENT_EVENTS].sort());
  });

  const cells = DEPLOYMENT_STATUSES.flatMap((from) =>
    E.map((event, i) => [from, event, EXPECTED[from][i]!] as const),
  );
  it.each(cells)("%s + %s → %s", (from, event, expected) => {
    const r = transition(from, event);
    if (expected === "-") {
      expect(r).toMatchObject({ ok: false, from, event });
      if (!r.ok) expect(r.reason).toMatch(/^Cannot .+ a deployment that is [a-z]+\.$/);
      expect(nextStatus(from, event)).toBeNull();
    } else {
      expect(r).toEqual({ ok: true, from, to: expected });
      expect(nextStatus(from, event)).toBe(expected);
    }
  });
});

describe("helpers", () => {
  it("refusals name the action and the state", () => {
    expect(transition("paused", "pause_requested")).toMatchObject({
      ok: false,
      reason: "Cannot pause a deployment that is paused.",
    });
    expect(transition("deleted", "delete_requested")).toMatchObject({
      ok: false,
      reason: "Cannot delete a deployment that is deleted.",
    });
  });

  it.each([
    ["pending", true, false, false, true, false],
    ["provisioning", true, false, false, true, false],
    ["starting", true, false, false, true, false],
    ["active", false, true, false, true, false],
    ["pausing", true, false, false, true, false],
    ["paused", false, false, true, true, false],
    ["resuming", true, false, false, true, false],
    ["failed", false, false, false, true, false],
    ["deleting", true, false, false, false, false],
    ["deleted", false, false, false, false, true],
  ] as const)("%s: transient %s, pause %s, resume %s, delete %s, terminal %s", (s, transient, p, r, d, terminal) => {
    expect(isTransient(s)).toBe(transient);
    expect(canPause(s)).toBe(p);
    expect(canResume(s)).toBe(r);
    expect(canDelete(s)).toBe(d);
    expect(isTerminal(s)).toBe(terminal);
  });

  it("the happy path and a pause/resume cycle end where they should", () => {
    const run = (from: DeploymentStatus, events: DeploymentEvent[]) =>
      events.reduce<DeploymentStatus>((s, e) => {
        const r = transition(s, e);
        if (!r.ok) throw new Error(r.reason);
        return r.to;
      }, from);
    expect(run("pending", ["provision_started", "provider_ready", "became_active"])).toBe("active");
    expect(run("active", ["pause_requested", "paused", "resume_requested", "resumed"])).toBe("active");
    expect(run("provisioning", ["delete_requested", "deleted"])).toBe("deleted");
  });
});
