/**
 * Scale to zero. A deployment with minReplicas 0 that this process has not served within its
 * scale-to-zero timeout (or at all) may have no replica: its compute provider is asked to wake it
 * and says how long that takes, and is asked again until it serves or the request has waited
 * GATEWAY_COLD_START_WAIT_MS, when it answers 503 with a Retry-After of the time still expected.
 */
import "server-only";
import type { ComputeProvider } from "@/server/providers/compute/types";
import { errors, type GatewayError } from "./errors";
import type { RoutedDeployment } from "./resolve";

/** Pure: whether a deployment may be scaled to zero, from when this process last served it. */
export function mayBeCold(lastServedAt: number | undefined, scaling: RoutedDeployment["scaling"], now: number): boolean {
  if (scaling.minReplicas > 0) return false;
  if (lastServedAt === undefined) return true;
  return now - lastServedAt > scaling.scaleToZeroAfterMinutes * 60_000;
}

const POLL_MS = 1_000;

const g = globalThis as unknown as { __radiumLastServed?: Map<string, number> };
const lastServed = () => (g.__radiumLastServed ??= new Map());

export function markServed(deploymentId: string, now = Date.now()): void {
  lastServed().set(deploymentId, now);
}

/** Tests start every deployment cold again. */
export function forgetWarmth(): void {
  lastServed().clear();
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Null when the request may go on (the deployment is up, or woke within the wait). */
export async function awaitWarm(
  dep: RoutedDeployment,
  provider: () => ComputeProvider,
  waitLimitMs: number,
  signal: AbortSignal,
): Promise<GatewayError | null> {
  if (!dep.providerId || !mayBeCold(lastServed().get(dep.id), dep.scaling, Date.now())) return null;
  const deadline = Date.now() + waitLimitMs;
  const providerId = dep.providerId;
  for (;;) {
    // A provider that cannot tell is assumed up: the upstream's own answer decides then.
    const remaining = await provider()
      .wake(providerId)
      .catch(() => 0);
    if (remaining <= 0) {
      markServed(dep.id);
      return null;
    }
    const left = deadline - Date.now();
    if (left <= 0 || signal.aborted) {
      return errors.unavailable(dep.name, Math.max(1, Math.ceil(remaining / 1000)), "is scaled to zero and waking up");
    }
    await sleep(Math.min(remaining, left, POLL_MS), signal);
  }
}
