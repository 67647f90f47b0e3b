import { describe, expect, it } from "vitest";
import { billedSpans, deploymentLines, replicaMicroCents, type TimelineEntry } from "./deployment";
import { billingPeriodOf } from "./period";

const at = (iso: string) => new Date(iso);
const d = { id: "00000000-0000-4000-8000-000000000001", hourlyCents: 60, replicas: 2 };
const sum = (lines: Array<{ amountMicro: number }>) => lines.reduce((a, l) => a + l.amountMicro, 0);
const HOUR_MICRO = 60 * 2 * 1_000_000; // one hour of two replicas at $0.60: 2,000,000 a minute

describe("deployment accrual", () => {
  const timeline: TimelineEntry[] = [
    { toStatus: "pending", at: at("2026-12-02T09:55:00Z") },
    { toStatus: "provisioning", at: at("2026-12-02T09:56:00Z") },
    { toStatus: "starting", at: at("2026-12-02T09:58:00Z") },
    { toStatus: "active", at: at("2026-12-02T10:00:00Z") },
    { toStatus: "pausing", at: at("2026-12-02T10:30:00Z") },
    { toStatus: "paused", at: at("2026-12-02T10:31:00Z") },
    { toStatus: "resuming", at: at("2026-12-02T11:00:00Z") },
    { toStatus: "active", at: at("2026-12-02T11:15:00Z") },
  ];

  it("bills active and pausing time only: paused, resuming and start-up are free", () => {
    const lines = deploymentLines(d, timeline, at("2026-12-02T09:00:00Z"), at("2026-12-02T12:00:00Z"));
    // 10:00–10:31 (31 min) and 11:15–12:00 (45 min).
    expect(lines.map((l) => [l.periodStart.toISOString(), l.details])).toEqual([
      ["2026-12-02T10:00:00.000Z", { kind: "deployment", replicas: 2, hourlyCents: 60, billedSeconds: 31 * 60 }],
      ["2026-12-02T11:00:00.000Z", { kind: "deployment", replicas: 2, hourlyCents: 60, billedSeconds: 45 * 60 }],
    ]);
    expect(sum(lines)).toBe((HOUR_MICRO * 76) / 60);
  });

  it("a scale-to-zero endpoint (min replicas 0) costs nothing", () => {
    expect(deploymentLines({ ...d, replicas: 0 }, timeline, at("2026-12-02T09:00:00Z"), at("2026-12-02T12:00:00Z"))).toEqual([]);
  });

  it("stops billing when it fails or is deleted", () => {
    const t: TimelineEntry[] = [
      { toStatus: "active", at: at("2026-12-02T10:00:00Z") },
      { toStatus: "failed", at: at("2026-12-02T10:10:00Z") },
      { toStatus: "deleting", at: at("2026-12-02T10:20:00Z") },
      { toStatus: "deleted", at: at("2026-12-02T10:21:00Z") },
    ];
    expect(sum(deploymentLines(d, t, at("2026-12-02T10:00:00Z"), at("2026-12-03T00:00:00Z")))).toBe(HOUR_MICRO / 6);
  });

  it("an open span runs to `to` and no further", () => {
    expect(billedSpans([{ toStatus: "active", at: at("2026-12-02T10:00:00Z") }], at("2026-12-02T10:05:00Z"))).toEqual([
      [Date.parse("2026-12-02T10:00:00Z"), Date.parse("2026-12-02T10:05:00Z")],
    ]);
  });

  it("the same window accrued twice gives the same lines under the same keys; a later run only grows the open hour", () => {
    const from = at("2026-12-02T10:00:00Z");
    const first = deploymentLines(d, timeline, from, at("2026-12-02T11:20:00Z"));
    const again = deploymentLines(d, timeline, from, at("2026-12-02T11:20:00Z"));
    expect(again).toEqual(first);
    const later = deploymentLines(d, timeline, at("2026-12-02T11:05:00Z"), at("2026-12-02T11:25:00Z"));
    expect(later).toHaveLength(1);
    expect(later[0]?.idempotencyKey).toBe(first[1]?.idempotencyKey);
    expect(later[0]?.amountMicro).toBeGreaterThan(first[1]?.amountMicro ?? 0);
    // Keyed by deployment and hour: a union of runs bills every hour once.
    const keys = new Map([...first, ...later].map((l) => [l.idempotencyKey, l.amountMicro]));
    expect([...keys.values()].reduce((a, b) => a + b, 0)).toBe((HOUR_MICRO * (31 + 10)) / 60);
  });

  it("splits at the month boundary: each hour lands in its own UTC month", () => {
    const t: TimelineEntry[] = [{ toStatus: "active", at: at("2026-11-30T23:30:00Z") }];
    const lines = deploymentLines(d, t, at("2026-11-30T23:00:00Z"), at("2026-12-01T00:30:00Z"));
    expect(lines.map((l) => [billingPeriodOf(l.periodStart), l.amountMicro])).toEqual([
      ["2026-11", HOUR_MICRO / 2],
      ["2026-12", HOUR_MICRO / 2],
    ]);
  });

  it("time zones change nothing: the same instants written with offsets bill the same UTC hours", () => {
    const utc = deploymentLines(d, [{ toStatus: "active", at: at("2026-12-01T07:45:00Z") }], at("2026-12-01T07:00:00Z"), at("2026-12-01T08:15:00Z"));
    const pacific = deploymentLines(
      d,
      [{ toStatus: "active", at: at("2026-11-30T23:45:00-08:00") }],
      at("2026-11-30T23:00:00-08:00"),
      at("2026-12-01T00:15:00-08:00"),
    );
    expect(pacific).toEqual(utc);
    // 23:45 in Los Angeles on 30 November is December in UTC: billed to December.
    expect(pacific.map((l) => billingPeriodOf(l.periodStart))).toEqual(["2026-12", "2026-12"]);
  });

  it("rounds a fraction of a micro-cent once, half up", () => {
    expect(replicaMicroCents(1, 1, 1)).toBe(0); // 0.28 micro-cents
    expect(replicaMicroCents(1, 1, 2)).toBe(1); // 0.56
    expect(replicaMicroCents(80, 1, 3_600_000)).toBe(80_000_000);
  });
});
