// One line per flow-control option, as the functions page shows them.
import type { FlowConfig } from "./config";

export function flowSummary(flow: FlowConfig): string[] {
  const out: string[] = [];
  const key = (k?: string) => (k ? ` per ${k}` : "");
  for (const c of flow.concurrency) out.push(`concurrency ${c.limit}${key(c.key)}${c.scope !== "fn" ? ` (${c.scope})` : ""}`);
  if (flow.throttle) out.push(`throttle ${flow.throttle.limit}/${flow.throttle.period}${flow.throttle.burst ? ` +${flow.throttle.burst} burst` : ""}${key(flow.throttle.key)}`);
  if (flow.rateLimit) out.push(`rateLimit ${flow.rateLimit.limit}/${flow.rateLimit.period}${key(flow.rateLimit.key)}`);
  if (flow.debounce) out.push(`debounce ${flow.debounce.period}${flow.debounce.timeout ? ` (max ${flow.debounce.timeout})` : ""}${key(flow.debounce.key)}`);
  if (flow.idempotency) out.push(`idempotency ${flow.idempotency}`);
  if (flow.priority) out.push(`priority ${flow.priority}`);
  if (flow.singleton) out.push(`singleton ${flow.singleton.mode}${key(flow.singleton.key)}`);
  if (flow.timeouts?.start) out.push(`timeouts.start ${flow.timeouts.start}`);
  if (flow.timeouts?.finish) out.push(`timeouts.finish ${flow.timeouts.finish}`);
  return out;
}
