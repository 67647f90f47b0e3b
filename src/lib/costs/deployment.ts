/**
 * A deployment's compute bill from its timeline (deployment_events), per UTC hour.
 *
 * The rule: a deployment is billed its hourly price (deployments.hourly_cents, one replica-hour with
 * add-ons, from @/lib/pricing) × its config's minReplicas for every millisecond it is `active` or
 * `pausing` (replicas run until the provider confirms the pause). Pending, provisioning, starting,
 * paused, resuming, failed, deleting and deleted time is free, and so is an endpoint that scales to
 * zero (minReplicas 0): replicas woken by traffic are not observed, so they are not billed.
 *
 * Windows are UTC hours: the line for an hour covers [hour start, min(hour end, to)), so accruing the
 * same [from, to) again gives the same lines under the same keys, and a later accrual only replaces
 * the current hour's line with a larger one.
 */
import { divRound } from "@/lib/pricing/money";
import type { DeploymentStatus } from "@/lib/deployment-lifecycle";
import { floorHour, HOUR_MS } from "./period";
import type { CostLine } from "./types";

export const BILLED_STATUSES: ReadonlySet<DeploymentStatus> = new Set(["active", "pausing"]);

export interface TimelineEntry {
  toStatus: DeploymentStatus;
  at: Date;
}

export interface MeteredDeployment {
  id: string;
  hourlyCents: number;
  replicas: number;
}

/** The billed spans [start, end) in ms, the last one open until `until`, from a timeline in order. */
export function billedSpans(timeline: readonly TimelineEntry[], until: Date): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  timeline.forEach((e, i) => {
    if (!BILLED_STATUSES.has(e.toStatus)) return;
    const start = e.at.getTime();
    const end = Math.min(timeline[i + 1]?.at.getTime() ?? until.getTime(), until.getTime());
    if (end <= start) return;
    // pausing right after active continues one span.
    const last = spans.at(-1);
    if (last && last[1] === start) last[1] = end;
    else spans.push([start, end]);
  });
  return spans;
}

/** Milliseconds of the spans inside [from, to). */
export function billedMsIn(spans: ReadonlyArray<[number, number]>, from: number, to: number): number {
  let ms = 0;
  for (const [s, e] of spans) ms += Math.max(0, Math.min(e, to) - Math.max(s, from));
  return ms;
}

/** Micro-cents for `ms` of `replicas` at `hourlyCents` per replica-hour: hourlyCents × 10⁶ × ms / 3.6e6. */
export function replicaMicroCents(hourlyCents: number, replicas: number, ms: number): number {
  return divRound(hourlyCents * replicas * ms * 10, 36);
}

/** The lines for every UTC hour that [from, to) touches, for hours with billed time. */
export function deploymentLines(d: MeteredDeployment, timeline: readonly TimelineEntry[], from: Date, to: Date): CostLine[] {
  if (to <= from || d.replicas <= 0 || d.hourlyCents <= 0) return [];
  const spans = billedSpans(timeline, to);
  const lines: CostLine[] = [];
  for (let h = floorHour(from).getTime(); h < to.getTime(); h += HOUR_MS) {
    const end = Math.min(h + HOUR_MS, to.getTime());
    const ms = billedMsIn(spans, h, end);
    if (ms === 0) continue;
    const start = new Date(h);
    lines.push({
      idempotencyKey: `deployment:${d.id}:${start.toISOString()}`,
      type: "compute",
      resourceType: "deployment",
      resourceId: d.id,
      amountMicro: replicaMicroCents(d.hourlyCents, d.replicas, ms),
      periodStart: start,
      periodEnd: new Date(end),
      details: { kind: "deployment", replicas: d.replicas, hourlyCents: d.hourlyCents, billedSeconds: Math.round(ms / 1000) },
    });
  }
  return lines;
}

/** What a deployment in this status costs per hour from now (the forecast's rate). */
export function runningHourlyCents(status: DeploymentStatus, d: Pick<MeteredDeployment, "hourlyCents" | "replicas">): number {
  return BILLED_STATUSES.has(status) ? d.hourlyCents * d.replicas : 0;
}
