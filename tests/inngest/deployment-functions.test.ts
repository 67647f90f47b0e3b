/**
 * The four deployment functions end to end with @inngest/test, against a real database and the
 * simulator (COMPUTE_SIMULATOR_SPEED=0: every phase is immediate, @inngest/test skips the sleeps).
 * Each run starts from what the router wrote, as the outbox would deliver it.
 */
import { InngestTestEngine } from "@inngest/test";
import { asc, eq } from "drizzle-orm";
import type { InngestFunction } from "inngest";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setConnectionForTesting } from "@/server/db";
import { deploymentEvents, deployments, notifications } from "@/server/db/schema";
import { MAX_POLLS, markDeploymentFailed } from "@/server/deployments/machine";
import { requestDeploymentChange } from "@/server/deployments/requests";
import { pauseDeployment } from "@/server/inngest/functions/pause-deployment";
import { provisionDeployment } from "@/server/inngest/functions/provision-deployment";
import { resumeDeployment } from "@/server/inngest/functions/resume-deployment";
import { teardownDeployment } from "@/server/inngest/functions/teardown-deployment";
import { computeProvider, ProviderError } from "@/server/providers/compute";
import { createInput } from "../helpers/deployments";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { callerFor } from "../helpers/trpc";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const EVENTS = {
  provision: "radium/deployment.provision.requested",
  pause: "radium/deployment.pause.requested",
  resume: "radium/deployment.resume.requested",
  delete: "radium/deployment.delete.requested",
} as const;

// @inngest/test waits on an unmocked step.sleep; mocked, the polls run back to back.
const sleeps = Array.from({ length: MAX_POLLS }, (_, i) => ({ id: `wait-${i}`, handler: () => undefined }));

function run(
  fn: InngestFunction.Like,
  event: keyof typeof EVENTS,
  data: { deploymentId: string; userId: string },
  steps: Array<{ id: string; handler: () => unknown }> = [],
) {
  return new InngestTestEngine({ function: fn, events: [{ name: EVENTS[event], data }], steps: [...sleeps, ...steps] });
}

describe.each(testBackends())("deployment functions on %s", (backend) => {
  let tdb: TestDatabase;
  const saved = { speed: process.env.COMPUTE_SIMULATOR_SPEED, rate: process.env.COMPUTE_SIMULATOR_FAILURE_RATE };
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    setConnectionForTesting(tdb);
  });
  afterAll(async () => {
    setConnectionForTesting(undefined);
    await tdb?.dispose();
  });
  beforeEach(() => {
    process.env.COMPUTE_SIMULATOR_SPEED = "0";
    process.env.COMPUTE_SIMULATOR_FAILURE_RATE = "0";
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const [k, v] of [["COMPUTE_SIMULATOR_SPEED", saved.speed], ["COMPUTE_SIMULATOR_FAILURE_RATE", saved.rate]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  async function newDeployment() {
    const user = await callerFor(tdb.db);
    const { id } = await user.caller.deployments.create(
      createInput({ environment: { secrets: [{ key: "HF_TOKEN", value: "hf_secret" }] } }),
    );
    return { user, data: { deploymentId: id, userId: user.id } };
  }

  const rowOf = async (id: string) => {
    const [row] = await tdb.db.select().from(deployments).where(eq(deployments.id, id));
    if (!row) throw new Error(`no deployment ${id}`);
    return row;
  };

  const noticesOf = async (userId: string) =>
    (await tdb.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => [n.type, n.priority, n.link]);

  /** The timeline as "from>to", checked to be one unbroken chain: nothing repeated, nothing backwards. */
  async function timeline(id: string): Promise<string[]> {
    const rows = await tdb.db.select().from(deploymentEvents).where(eq(deploymentEvents.deploymentId, id)).orderBy(asc(deploymentEvents.id));
    rows.forEach((r, i) => {
      expect(r.fromStatus, `row ${i} of ${id}`).toBe(i === 0 ? null : rows[i - 1]?.toStatus);
    });
    return rows.map((r) => `${r.fromStatus}>${r.toStatus}`);
  }

  it("provisions a deployment to active, once, however often the event is delivered", async () => {
    const { user, data } = await newDeployment();
    const { result, error } = await run(provisionDeployment, "provision", data).execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "active", status: "active" });

    const row = await rowOf(data.deploymentId);
    expect(row).toMatchObject({ status: "active", statusReason: null, providerKind: "simulator" });
    expect(row.providerId).toBeTruthy();
    expect(row.endpointUrl).toContain(data.deploymentId);
    expect(await timeline(data.deploymentId)).toEqual(["null>pending", "pending>provisioning", "provisioning>starting", "starting>active"]);
    expect(await noticesOf(user.id)).toEqual([["deployment_active", "normal", `/deployments/${data.deploymentId}`]]);

    const again = await run(provisionDeployment, "provision", data).execute();
    expect(again.result).toEqual({ outcome: "skipped", status: "active" });
    expect(await timeline(data.deploymentId)).toHaveLength(4);

    const detail = await user.caller.deployments.byId({ id: data.deploymentId });
    expect(detail.status).toBe("active");
    expect(detail.logs.length).toBeGreaterThan(0);
    expect(detail.logs.join("\n")).not.toContain("hf_secret");
  });

  it("lands in failed with the provider's reason when the endpoint fails to start", async () => {
    process.env.COMPUTE_SIMULATOR_FAILURE_RATE = "1";
    const { data } = await newDeployment();
    const { result } = await run(provisionDeployment, "provision", data).execute();
    expect(result).toEqual({ outcome: "stopped", status: "failed" });
    const row = await rowOf(data.deploymentId);
    expect(row.status).toBe("failed");
    expect(row.statusReason).toMatch(/^Endpoint failed to start: /);
    const events = await timeline(data.deploymentId);
    expect(events.at(-1)).toMatch(/>failed$/);
    expect(await noticesOf(data.userId)).toEqual([["deployment_failed", "high", `/deployments/${data.deploymentId}`]]);
  });

  it("fails the run on a provider error retrying cannot fix, and onFailure records the provider's message", async () => {
    const { data } = await newDeployment();
    vi.spyOn(computeProvider(), "create").mockRejectedValue(
      new ProviderError("Quota exceeded for nvidia-l4 in us-east-1", { code: "invalid", retryable: false, status: 400 }),
    );
    const { error } = await run(provisionDeployment, "provision", data).execute();
    expect(error).toBeDefined();
    const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
    expect(message).toContain("Quota exceeded for nvidia-l4 in us-east-1");
    expect((await rowOf(data.deploymentId)).status).toBe("provisioning");

    const failed = await markDeploymentFailed({
      event: {
        name: "inngest/function.failed",
        data: { function_id: "radium-provision-deployment", run_id: "run_1", error: { name: "Error", message }, event: { name: EVENTS.provision, data } },
      },
      error: new Error(message),
    });
    expect(failed).toMatchObject({ ok: true, from: "provisioning", to: "failed" });
    const row = await rowOf(data.deploymentId);
    expect(row.status).toBe("failed");
    expect(row.statusReason).toContain("Quota exceeded for nvidia-l4 in us-east-1");
    expect((await timeline(data.deploymentId)).at(-1)).toBe("provisioning>failed");
  });

  it("a delete during provisioning cancels it and the teardown removes what was made", async () => {
    expect(provisionDeployment.opts.cancelOn).toEqual([expect.objectContaining({ match: "data.deploymentId" })]);
    expect(provisionDeployment.opts.cancelOn?.[0]?.event).toMatchObject({ name: EVENTS.delete });

    const { user, data } = await newDeployment();
    // Provisioning has created the endpoint and is polling it when the user deletes.
    await run(provisionDeployment, "provision", data).executeStep("create-endpoint");
    const { providerId } = await rowOf(data.deploymentId);
    if (!providerId) throw new Error("the endpoint was not created");
    await expect(user.caller.deployments.delete({ id: data.deploymentId })).resolves.toMatchObject({ status: "deleting" });

    const teardown = await run(teardownDeployment, "delete", data).execute();
    expect(teardown.result).toEqual({ outcome: "deleted", status: "deleted" });
    await expect(computeProvider().get(providerId)).rejects.toMatchObject({ code: "not_found" });
    const row = await rowOf(data.deploymentId);
    expect(row.status).toBe("deleted");
    expect(row.deletedAt).toBeInstanceOf(Date);

    // Had the cancellation arrived late, the provisioning run, polling on, would change nothing.
    const late = await run(provisionDeployment, "provision", data, [
      { id: "start-provisioning", handler: () => ({ go: true, status: "provisioning" }) },
      { id: "create-endpoint", handler: () => ({ kind: "simulator", status: "provisioning" }) },
    ]).execute();
    expect(late.result).toMatchObject({ outcome: "stopped", status: "deleted" });
    expect(await timeline(data.deploymentId)).toEqual(["null>pending", "pending>provisioning", "provisioning>deleting", "deleting>deleted"]);
  });

  it("removes an endpoint whose creation finished after the delete arrived", async () => {
    const { data } = await newDeployment();
    const provider = computeProvider();
    const create = provider.create.bind(provider);
    let made: string | undefined;
    vi.spyOn(provider, "create").mockImplementation(async (spec) => {
      const handle = await create(spec);
      made = handle.providerId;
      expect(await requestDeploymentChange(tdb.db, data.userId, data.deploymentId, "delete")).toMatchObject({ ok: true });
      return handle;
    });
    const { result } = await run(provisionDeployment, "provision", data).execute();
    expect(result).toEqual({ outcome: "stopped", status: "deleting" });
    if (!made) throw new Error("create was not called");
    await expect(provider.get(made)).rejects.toMatchObject({ code: "not_found" });

    const teardown = await run(teardownDeployment, "delete", data).execute();
    expect(teardown.result).toEqual({ outcome: "deleted", status: "deleted" });
  });

  it("a delete before provisioning started creates nothing", async () => {
    const { user, data } = await newDeployment();
    const create = vi.spyOn(computeProvider(), "create");
    await user.caller.deployments.delete({ id: data.deploymentId });
    expect((await run(teardownDeployment, "delete", data).execute()).result).toEqual({ outcome: "deleted", status: "deleted" });
    expect((await run(provisionDeployment, "provision", data).execute()).result).toEqual({ outcome: "skipped", status: "deleted" });
    expect(create).not.toHaveBeenCalled();
    expect(await timeline(data.deploymentId)).toEqual(["null>pending", "pending>deleting", "deleting>deleted"]);
  });

  it("pauses and resumes an active deployment", async () => {
    const { user, data } = await newDeployment();
    await run(provisionDeployment, "provision", data).execute();
    const pause = vi.spyOn(computeProvider(), "pause");

    await user.caller.deployments.pause({ id: data.deploymentId });
    expect((await run(pauseDeployment, "pause", data).execute()).result).toEqual({ status: "paused" });
    expect(pause).toHaveBeenCalledTimes(1);
    const paused = await rowOf(data.deploymentId);
    expect(paused.status).toBe("paused");
    expect((await computeProvider().get(paused.providerId ?? "")).phase).toBe("paused");
    // A redelivered pause event finds nothing to do.
    expect((await run(pauseDeployment, "pause", data).execute()).result).toEqual({ outcome: "stopped", status: "paused" });
    expect(pause).toHaveBeenCalledTimes(1);

    await user.caller.deployments.resume({ id: data.deploymentId });
    expect((await run(resumeDeployment, "resume", data).execute()).result).toEqual({ status: "active" });
    const resumed = await rowOf(data.deploymentId);
    expect(resumed.endpointUrl).toContain(data.deploymentId);
    expect(await timeline(data.deploymentId)).toEqual([
      "null>pending",
      "pending>provisioning",
      "provisioning>starting",
      "starting>active",
      "active>pausing",
      "pausing>paused",
      "paused>resuming",
      "resuming>active",
    ]);
  });
});
