import { describe, expect, it } from "vitest";
import { ComputeSimulator } from "@/server/providers/compute/simulator";
import { decodeRecord } from "@/server/providers/compute/simulator-timeline";
import { type ComputePhase, ProviderError } from "@/server/providers/compute/types";
import { spec } from "./spec";

const T0 = Date.parse("2025-06-01T10:00:00Z");

function clock(start = T0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) };
}

function simulator(opts: { speed?: number; failureRate?: number; now?: () => number } = {}) {
  return new ComputeSimulator({
    baseUrl: "http://localhost:3000/",
    speed: opts.speed ?? 1,
    failureRate: opts.failureRate ?? 0,
    now: opts.now ?? (() => T0),
  });
}

/** Phase at every second for two minutes after creation, as [seconds, phase] at each change. */
async function phaseChanges(sim: ComputeSimulator, providerId: string, c: ReturnType<typeof clock>, stepMs = 1000, steps = 120) {
  const changes: [number, ComputePhase][] = [];
  for (let i = 0; i <= steps; i++) {
    c.set(T0 + i * stepMs);
    const { phase } = await sim.get(providerId);
    if (changes.at(-1)?.[1] !== phase) changes.push([i, phase]);
  }
  return changes;
}

describe("compute simulator", () => {
  it("comes up provisioning → starting → active in tens of seconds at speed 1, with the URL only once active", async () => {
    const c = clock();
    const sim = simulator({ now: c.now });
    const created = await sim.create(spec());
    expect(created).toMatchObject({ phase: "provisioning", providerState: "pending", replicas: { ready: 0, target: 1 } });
    expect(created.url).toBeUndefined();
    const changes = await phaseChanges(sim, created.providerId, c);
    expect(changes.map(([, p]) => p)).toEqual(["provisioning", "starting", "active"]);
    const startingAt = changes[1]![0];
    const activeAt = changes[2]![0];
    expect(startingAt).toBeGreaterThanOrEqual(11);
    expect(startingAt).toBeLessThanOrEqual(19);
    expect(activeAt - startingAt).toBeGreaterThanOrEqual(33);
    expect(activeAt - startingAt).toBeLessThanOrEqual(57);
    expect(await sim.get(created.providerId)).toEqual({
      phase: "active",
      providerState: "running",
      message: "Endpoint is ready",
      url: "http://localhost:3000/api/v1/deployments/dep_01",
      replicas: { ready: 1, target: 1 },
    });
  });

  it("is deterministic per deployment id, and differs between deployments", async () => {
    const runs = await Promise.all(
      ["dep_a", "dep_a", "dep_b"].map(async (deploymentId) => {
        const c = clock();
        const sim = simulator({ now: c.now });
        const { providerId } = await sim.create(spec({ deploymentId }));
        return phaseChanges(sim, providerId, c, 250, 480);
      }),
    );
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[2]).not.toEqual(runs[0]);
  });

  it("scales every duration by the speed factor", async () => {
    const at = async (speed: number, stepMs: number) => {
      const c = clock();
      const sim = simulator({ speed, now: c.now });
      const { providerId } = await sim.create(spec());
      return phaseChanges(sim, providerId, c, stepMs, 120);
    };
    const slow = await at(1, 1000);
    const fast = await at(0.01, 10);
    // The same phases, changing at the same step (± one, durations are rounded to whole ms) of a 100× shorter step.
    expect(fast.map(([, p]) => p)).toEqual(slow.map(([, p]) => p));
    for (const [i, [step]] of fast.entries()) expect(Math.abs(step - slow[i]![0])).toBeLessThanOrEqual(1);
    expect(fast.at(-1)).toEqual([expect.any(Number), "active"]);
    const instant = simulator({ speed: 0 });
    expect((await instant.create(spec())).phase).toBe("active");
  });

  it("answers the same after a restart: a new instance reads the state from the provider id", async () => {
    const c = clock();
    const first = simulator({ now: c.now });
    const { providerId } = await first.create(spec());
    c.advance(120_000);
    const paused = await first.pause(providerId);
    expect(paused.phase).toBe("paused");
    c.advance(60_000);
    const restarted = simulator({ now: c.now });
    expect(await restarted.get(paused.providerId)).toMatchObject({ phase: "paused", replicas: { ready: 0, target: 0 } });
    expect(await restarted.logs(paused.providerId)).toEqual(await first.logs(paused.providerId));
  });

  it("pauses and resumes: starting again, then active; both are idempotent", async () => {
    const c = clock();
    const sim = simulator({ now: c.now });
    const created = await sim.create(spec({ scaling: { minReplicas: 2, maxReplicas: 4 } }));
    c.advance(90_000);
    const paused = await sim.pause(created.providerId);
    expect(paused).toMatchObject({ phase: "paused", providerState: "paused" });
    expect((await sim.pause(paused.providerId)).providerId).toBe(paused.providerId);
    c.advance(5_000);
    const resumed = await sim.resume(paused.providerId);
    expect(resumed).toMatchObject({ phase: "starting", providerState: "initializing", replicas: { ready: 0, target: 2 } });
    expect((await sim.resume(resumed.providerId)).providerId).toBe(resumed.providerId);
    c.advance(30_000);
    expect(await sim.get(resumed.providerId)).toMatchObject({ phase: "active", replicas: { ready: 2, target: 2 } });
    expect(decodeRecord(resumed.providerId).ops.map((op) => op.kind)).toEqual(["create", "pause", "resume"]);
  });

  it("fails the share of deployments the failure rate asks for, always the same ones, with a reason", async () => {
    const ids = Array.from({ length: 400 }, (_, i) => `dep_${i}`);
    const failedIds = async (failureRate: number) => {
      const c = clock();
      const sim = simulator({ failureRate, now: c.now });
      const handles = await Promise.all(ids.map((deploymentId) => sim.create(spec({ deploymentId }))));
      c.advance(10 * 60_000);
      const statuses = await Promise.all(handles.map((h) => sim.get(h.providerId)));
      return statuses.flatMap((s, i) => (s.phase === "failed" ? [{ id: ids[i]!, message: s.message }] : []));
    };
    expect(await failedIds(0)).toEqual([]);
    expect((await failedIds(1)).length).toBe(ids.length);
    const half = await failedIds(0.5);
    expect(half.length).toBeGreaterThan(160);
    expect(half.length).toBeLessThan(240);
    expect(await failedIds(0.5)).toEqual(half);
    expect(half[0]!.message).toMatch(/^Endpoint failed to start: /);
  });

  it("fails while starting, never before it is scheduled, and logs the reason last", async () => {
    const c = clock();
    const sim = simulator({ failureRate: 1, now: c.now });
    const { providerId } = await sim.create(spec());
    const changes = await phaseChanges(sim, providerId, c);
    expect(changes.map(([, p]) => p)).toEqual(["provisioning", "starting", "failed"]);
    const status = await sim.get(providerId);
    const logs = await sim.logs(providerId);
    expect(logs.at(-1)).toContain(`ERROR ${status.message}`);
    expect(logs.join("\n")).not.toContain("Endpoint is running");
  });

  it("writes plausible, time-ordered log lines up to now, and never a secret", async () => {
    const c = clock();
    const sim = simulator({ now: c.now });
    const { providerId } = await sim.create(spec());
    expect(await sim.logs(providerId)).toEqual([
      "2025-06-01T10:00:00.000Z INFO Endpoint My Llama created: meta-llama/Llama-3.1-8B-Instruct on nvidia-a10g x1 on aws/us-east-1",
      "2025-06-01T10:00:00.000Z INFO Waiting for 1 replica to be scheduled",
    ]);
    c.advance(120_000);
    const lines = await sim.logs(providerId);
    expect(lines.length).toBe(7);
    expect(lines.at(-1)).toMatch(/INFO Endpoint is running at http:\/\/localhost:3000\/api\/v1\/deployments\/dep_01$/);
    expect([...lines].sort()).toEqual(lines);
    expect(Buffer.from(providerId.slice(5), "base64url").toString()).not.toMatch(/s3cret|WANDB|MAX_INPUT/);
  });

  it("answers not_found for a deleted or foreign id", async () => {
    const sim = simulator();
    const { providerId } = await sim.create(spec());
    await sim.delete(providerId);
    await expect(sim.get(providerId)).rejects.toMatchObject({ name: "ProviderError", code: "not_found", retryable: false });
    await expect(sim.delete(providerId)).resolves.toBeUndefined();
    await expect(sim.get("ep-elsewhere")).rejects.toBeInstanceOf(ProviderError);
    await expect(sim.logs("sim1_bm90LWpzb24")).rejects.toMatchObject({ code: "not_found" });
  });

  it("wakes a running endpoint from zero in its seeded cold-start time, then serves until asked again", async () => {
    const c = clock();
    const sim = simulator({ now: c.now });
    const { providerId } = await sim.create(spec());
    expect(await sim.wake(providerId)).toBe(0); // still provisioning: nothing to wake
    c.advance(5 * 60_000);
    const cold = await sim.wake(providerId);
    expect(cold).toBeGreaterThanOrEqual(15_000);
    expect(cold).toBeLessThanOrEqual(25_000);
    c.advance(1_000);
    expect(await sim.wake(providerId)).toBe(cold - 1_000);
    c.advance(cold);
    expect(await sim.wake(providerId)).toBe(0);
    expect(await simulator({ now: c.now, speed: 0.01 }).wake(providerId)).toBe(Math.round(cold / 100));
  });
});
