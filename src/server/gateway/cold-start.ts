/**
 * Scale to zero. A deployment with minReplicas 0 that has served nothing for its scale-to-zero
 * timeout (or nothing since this process started) is asked to wake by its compute provider; the
 * request then waits up to GATEWAY_COLD_START_WAIT_MS for it, and past that answers 503 with a
 * Retry-After of the time still expected. What this process last served is kept in memory.
 */
import "server-only";
import type { ComputeProvider } from "@/server/providers/compute/types";
import { errors, type GatewayError } from "./errors";
import type { RoutedDeployment } from "./resolve";

export interface Warmth {
  lastServedAt?: number;
  /** Set while it wakes: when it is expected to serve. */
  readyAt?: number;
}

export type ColdState = { kind: "warm" } | { kind: "waking"; remainingMs: number } | { kind: "idle" };

/** Pure: where a deployment stands, from what this process knows. */
export function coldState(w: Warmth | undefined, scaling: RoutedDeployment["scaling"], now: number): ColdState {
  if (scaling.minReplicas > 0) return { kind: "warm" };
  if (w?.readyAt !== undefined && now < w.readyAt) return { kind: "waking", remainingMs: w.readyAt - now };
  const last = w?.lastServedAt ?? w?.readyAt;
  if (last === undefined) return { kind: "idle" };
  return now - last > scaling.scaleToZeroAfterMinutes * 60_000 ? { kind: "idle" } : { kind: "warm" };
}

const g = globalThis as unknown as { __radiumWarmth?: Map<string, Warmth> };
const warmth = () => (g.__radiumWarmth ??= new Map());

export function markServed(deploymentId: string, now = Date.now()): void {
  const w = warmth().get(deploymentId);
  if (w) {
    w.lastServedAt = now;
    if (w.readyAt !== undefined && w.readyAt <= now) w.readyAt = undefined;
  } else warmth().set(deploymentId, { lastServedAt: now });
}

/** Tests start every deployment cold again. */
export function forgetWarmth(): void {
  warmth().clear();
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
  now = Date.now(),
): Promise<GatewayError | null> {
  const state = coldState(warmth().get(dep.id), dep.scaling, now);
  if (state.kind === "warm") return null;
  let remaining: number;
  if (state.kind === "waking") remaining = state.remainingMs;
  else {
    if (!dep.providerId) return null;
    remaining = await provider()
      .wake(dep.providerId)
      .catch(() => 0);
    if (remaining <= 0) return null;
    const w = warmth().get(dep.id) ?? {};
    warmth().set(dep.id, { ...w, readyAt: now + remaining });
  }
  if (remaining <= waitLimitMs) {
    await sleep(remaining, signal);
    return null;
  }
  await sleep(waitLimitMs, signal);
  return errors.unavailable(dep.name, Math.max(1, Math.ceil((remaining - waitLimitMs) / 1000)), "is scaled to zero and waking up");
}
