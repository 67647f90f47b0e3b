// Per-run flow-control values: the function's key expressions evaluated against the run's event.
// They are stored on the run (`runs.flow`), so admission never re-evaluates CEL and a re-synced
// config does not change the rules for runs already queued.
import { evaluateValue } from "../expression";
import type { InngestEvent } from "../types";
import { MAX_PRIORITY_SECONDS, type FlowConfig } from "./config";

export interface SlotLimit {
  /** Slot key shared by every run counted against this limit. */
  key: string;
  limit: number;
  /** What the dashboard shows ("deployment-42", or the scope when there is no key). */
  label: string;
}

export interface RunFlow {
  concurrency?: SlotLimit[];
  throttle?: { key: string; label: string; limit: number; periodMs: number; burst: number };
  timeouts?: FlowConfig["timeouts"];
}

/** A key expression's value as text: strings as they are, anything else as JSON. */
export function keyText(expression: string | undefined, event: InngestEvent): string {
  if (!expression) return "";
  const v = evaluateValue(expression, { event });
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "bigint") return v.toString();
  return JSON.stringify(v);
}

/** The priority factor in seconds (integer, clamped to ±600); 0 when there is none or it errors. */
export function priorityOf(expression: string | undefined, event: InngestEvent): number {
  if (!expression) return 0;
  const v = evaluateValue(expression, { event });
  const n = typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : 0;
  if (!Number.isFinite(n)) return 0;
  return Math.max(-MAX_PRIORITY_SECONDS, Math.min(MAX_PRIORITY_SECONDS, Math.trunc(n)));
}

export function evaluateRunFlow(fnId: string, flow: FlowConfig, event: InngestEvent): RunFlow {
  const out: RunFlow = {};
  if (flow.concurrency.length) {
    out.concurrency = flow.concurrency.map((c) => {
      const value = keyText(c.key, event);
      // A function-scoped limit is the function's own; env and account scopes share the key's
      // value with every function that uses it.
      const key = c.scope === "fn" ? `c:fn:${fnId}:${value}` : `c:${c.scope}:${value}`;
      return { key, limit: c.limit, label: c.key ? value || '""' : c.scope === "fn" ? fnId : `${c.scope} scope` };
    });
  }
  if (flow.throttle) {
    const value = keyText(flow.throttle.key, event);
    out.throttle = {
      key: `t:${fnId}:${value}`,
      label: flow.throttle.key ? value || '""' : fnId,
      limit: flow.throttle.limit,
      periodMs: flow.throttle.periodMs,
      burst: flow.throttle.burst,
    };
  }
  if (flow.timeouts) out.timeouts = flow.timeouts;
  return out;
}

export function isEmptyFlow(f: RunFlow | null | undefined): boolean {
  return !f || (!f.concurrency?.length && !f.throttle && !f.timeouts);
}
