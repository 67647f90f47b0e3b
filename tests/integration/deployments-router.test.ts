/**
 * The deployments router against a real database: server-side validation with field-level errors,
 * idempotent create, per-user names, secrets encrypted at rest and never returned, lifecycle-checked
 * pause/resume/delete with their outbox events, paging, and a second user who can neither read nor
 * change the first user's deployments.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { priceDeployment } from "@/lib/pricing";
import { apiKeys, deploymentEvents, deploymentSecrets, deployments, models, outbox } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { advance } from "@/server/deployments/advance";
import { hashApiToken } from "@/server/deployments/api-token";
import { openSecret } from "@/server/deployments/secrets-crypto";
import { createInput, DEPLOYABLE_MODEL } from "../helpers/deployments";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { anonymousCaller, callerFor } from "../helpers/trpc";
import { errorOf, trpcMutation } from "../helpers/trpc-http";
import { newUser, suiteDatabase } from "../chat/helpers";

// The router kicks the outbox after a commit; here the outbox rows themselves are what is checked.
const kicks = vi.hoisted(() => ({ n: 0 }));
vi.mock("@/server/outbox/dispatcher", () => ({
  kickOutbox: () => {
    kicks.n++;
  },
}));

type Caller = Awaited<ReturnType<typeof callerFor>>["caller"];

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(err)}`);
  return err;
}

/** The field paths ("config.scaling.maxReplicas") and messages a BAD_REQUEST carries. */
function issuesOf(err: TRPCError): Array<{ path: string; message: string }> {
  const cause = err.cause as unknown as { issues?: Array<{ path: PropertyKey[]; message: string }> };
  return (cause?.issues ?? []).map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

async function activate(db: Db, id: string) {
  expect((await advance(db, id, "pending", "provision_started")).ok).toBe(true);
  expect((await advance(db, id, "provisioning", "provider_ready")).ok).toBe(true);
  expect((await advance(db, id, "starting", "became_active", { patch: { endpointUrl: "http://x/v1" } })).ok).toBe(true);
}

describe.each(testBackends())("deployments router on %s", (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });
  beforeEach(() => {
    kicks.n = 0;
  });

  const rowOf = async (id: string) => (await tdb.db.select().from(deployments).where(eq(deployments.id, id)))[0];
  const outboxFor = async (id: string) =>
    (await tdb.db.select().from(outbox)).filter((r) => r.data.deploymentId === id).map((r) => ({ name: r.name, data: r.data }));

  it("creates a pending deployment with the server's own price, a one-time token, a timeline row and the provision event", async () => {
    const alice = await callerFor(tdb.db);
    const input = createInput({ scaling: { minReplicas: 0, maxReplicas: 3 }, security: { requestLogging: true } });
    const created = await alice.caller.deployments.create(input);
    expect(created.created).toBe(true);
    expect(created.apiToken).toMatch(/^rad_/);
    expect(kicks.n).toBe(1);

    const row = await rowOf(created.id);
    const [model] = await tdb.db.select().from(models).where(eq(models.id, DEPLOYABLE_MODEL));
    const price = priceDeployment(input.config, model);
    expect(row).toMatchObject({
      userId: alice.id,
      name: input.config.name,
      status: "pending",
      hourlyCents: price.hourlyCents,
      monthlyMinCents: price.monthly.minCents,
      monthlyExpectedCents: price.monthly.expectedCents,
      monthlyMaxCents: price.monthly.maxCents,
      termsVersion: input.terms.version,
      paymentBrand: "visa",
      paymentLast4: "4242",
    });
    // The wizard's token is an API key scoped to the new deployment.
    const [key] = await tdb.db.select().from(apiKeys).where(eq(apiKeys.deploymentId, created.id));
    expect(key).toMatchObject({ userId: alice.id, hash: hashApiToken(created.apiToken ?? ""), prefix: created.apiToken?.slice(0, 12) });
    expect(row?.termsAcceptedAt).toBeInstanceOf(Date);
    expect(price.monthly.minCents).toBe(0); // scale to zero

    const detail = await alice.caller.deployments.byId({ id: created.id });
    expect(detail.cost.monthly).toEqual(price.monthly);
    expect(detail.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, "pending"]]);
    expect(detail.logs).toEqual([]);
    expect(JSON.stringify(detail)).not.toContain(created.apiToken);
    expect(detail.apiTokenPrefix).toBe(created.apiToken?.slice(0, 12));
    expect(JSON.stringify(detail)).not.toContain(key?.hash);
    expect(await outboxFor(created.id)).toEqual([
      { name: "radium/deployment.provision.requested", data: { deploymentId: created.id, userId: alice.id } },
    ]);
  });

  it("makes one deployment for one idempotency key, however often it is submitted", async () => {
    const alice = await callerFor(tdb.db);
    const input = createInput();
    const burst = await Promise.all(Array.from({ length: 5 }, () => alice.caller.deployments.create(input)));
    const again = await alice.caller.deployments.create(input);
    const all = [...burst, again];
    const a = all[0]!;
    expect(new Set(all.map((r) => r.id)).size).toBe(1);
    expect(all.filter((r) => r.created)).toHaveLength(1);
    expect(all.filter((r) => r.apiToken !== null)).toHaveLength(1);
    const rows = await tdb.db.select().from(deployments).where(eq(deployments.userId, alice.id));
    expect(rows).toHaveLength(1);
    expect(await outboxFor(a.id)).toHaveLength(1);

    // The same key for a different deployment is a mistake, not a replay.
    const reused = await rejection(alice.caller.deployments.create({ ...input, config: { ...input.config, name: "another-name" } }));
    expect(reused.code).toBe("CONFLICT");
    expect(reused.message).toMatch(/^idempotencyKey: /);
  });

  it("rejects invalid configurations with a message on each field", async () => {
    const alice = await callerFor(tdb.db);
    const cases: Array<[Parameters<typeof createInput>[0], string, RegExp]> = [
      [{ scaling: { minReplicas: 3, maxReplicas: 2 } }, "config.scaling.maxReplicas", /at least min replicas/],
      [{ environment: { envVars: [{ key: "lower-case", value: "x" }] } }, "config.environment.envVars.0.key", /capital letters/],
      [{ environment: { secrets: [{ key: "TOKEN", value: "" }] } }, "config.environment.secrets.0.value", /needs a value/],
      [{ name: "Bad Name!" }, "config.name", /lowercase/],
      [{ hardware: { instanceTypeId: "nvidia-t4", gpuCount: 3 } }, "config.hardware.gpuCount", /GPUs/],
      [{ modelId: "no-such-model" }, "config.modelId", /catalog/],
      [{ modelId: "meta-llama-3.1-70b-instruct", hardware: { instanceTypeId: "nvidia-l4", gpuCount: 1 } }, "config.hardware.instanceTypeId", /needs ≈ \d+ GB/],
      [{ modelId: "gpt-4o" }, "config.hardware.instanceTypeId", /hosted only/],
    ];
    for (const [over, path, message] of cases) {
      const err = await rejection(alice.caller.deployments.create(createInput(over)));
      expect(err.code, path).toBe("BAD_REQUEST");
      const issues = issuesOf(err);
      expect(issues.map((i) => i.path), path).toContain(path);
      expect(issues.find((i) => i.path === path)?.message).toMatch(message);
    }
    const badTerms = createInput();
    const err = await rejection(alice.caller.deployments.create({ ...badTerms, terms: { accepted: true, version: "1999-01-01" } as never }));
    expect(issuesOf(err).map((i) => i.path)).toContain("terms.version");
    expect(await tdb.db.select().from(deployments).where(eq(deployments.userId, alice.id))).toEqual([]);
  });

  it("refuses a second live deployment with the same name, and frees the name once deleted", async () => {
    const alice = await callerFor(tdb.db);
    const first = await alice.caller.deployments.create(createInput({ name: "my-endpoint" }));
    const dup = await rejection(alice.caller.deployments.create(createInput({ name: "my-endpoint" })));
    expect(dup.code).toBe("CONFLICT");
    expect(dup.message).toBe('config.name: You already have an endpoint named "my-endpoint": choose another name.');

    // Another user may use the same name.
    const bob = await callerFor(tdb.db);
    await expect(bob.caller.deployments.create(createInput({ name: "my-endpoint" }))).resolves.toMatchObject({ created: true });

    await alice.caller.deployments.delete({ id: first.id });
    await expect(alice.caller.deployments.create(createInput({ name: "my-endpoint" }))).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await advance(tdb.db, first.id, "deleting", "deleted")).ok).toBe(true);
    await expect(alice.caller.deployments.create(createInput({ name: "my-endpoint" }))).resolves.toMatchObject({ created: true });
  });

  it("keeps secrets encrypted at rest and returns only their names", async () => {
    const alice = await callerFor(tdb.db);
    const plaintext = "hf_plaintextSecretValue123";
    const input = createInput({
      environment: { envVars: [{ key: "MAX_TOKENS", value: "512" }], secrets: [{ key: "HF_TOKEN", value: plaintext }] },
    });
    const { id } = await alice.caller.deployments.create(input);
    const stored = await tdb.db.select().from(deploymentSecrets).where(eq(deploymentSecrets.deploymentId, id));
    expect(stored).toHaveLength(1);
    const [secret] = stored;
    if (!secret) throw new Error("no secret row");
    expect(secret.key).toBe("HF_TOKEN");
    expect(secret.ciphertext).not.toBe(plaintext);
    expect(Buffer.from(secret.ciphertext, "base64").toString("latin1")).not.toContain("plaintextSecret");
    expect(openSecret(id, "HF_TOKEN", secret)).toBe(plaintext);

    const row = await rowOf(id);
    expect(JSON.stringify(row)).not.toContain(plaintext);
    const detail = await alice.caller.deployments.byId({ id });
    expect(detail.config.environment.secrets).toEqual([{ key: "HF_TOKEN" }]);
    expect(detail.config.environment.envVars).toEqual([{ key: "MAX_TOKENS", value: "512" }]);
    const list = await alice.caller.deployments.list();
    for (const shown of [detail, list]) expect(JSON.stringify(shown)).not.toContain(plaintext);
  });

  it("pauses, resumes and deletes only where the lifecycle allows, each with a timeline row and its event", async () => {
    const alice = await callerFor(tdb.db);
    const { id } = await alice.caller.deployments.create(createInput());
    const early = await rejection(alice.caller.deployments.pause({ id }));
    expect(early.code).toBe("CONFLICT");
    expect(early.message).toBe("Cannot pause a deployment that is pending.");

    await activate(tdb.db, id);
    kicks.n = 0;
    await expect(alice.caller.deployments.pause({ id })).resolves.toEqual({ id, status: "pausing" });
    await expect(alice.caller.deployments.resume({ id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await advance(tdb.db, id, "pausing", "paused")).ok).toBe(true);
    await expect(alice.caller.deployments.resume({ id })).resolves.toEqual({ id, status: "resuming" });
    await expect(alice.caller.deployments.delete({ id })).resolves.toEqual({ id, status: "deleting" });
    await expect(alice.caller.deployments.delete({ id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(kicks.n).toBe(3);

    const events = await tdb.db.select().from(deploymentEvents).where(eq(deploymentEvents.deploymentId, id)).orderBy(deploymentEvents.id);
    expect(events.map((e) => `${e.fromStatus}>${e.toStatus}`)).toEqual([
      "null>pending",
      "pending>provisioning",
      "provisioning>starting",
      "starting>active",
      "active>pausing",
      "pausing>paused",
      "paused>resuming",
      "resuming>deleting",
    ]);
    expect((await outboxFor(id)).map((e) => e.name)).toEqual([
      "radium/deployment.provision.requested",
      "radium/deployment.pause.requested",
      "radium/deployment.resume.requested",
      "radium/deployment.delete.requested",
    ]);
  });

  it("lists the caller's deployments newest first, by status, a page at a time", async () => {
    const alice = await callerFor(tdb.db);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await alice.caller.deployments.create(createInput({ name: `page-${i}` }))).id);
    const [gone] = ids;
    if (!gone) throw new Error("no deployment");
    await alice.caller.deployments.delete({ id: gone });
    await advance(tdb.db, gone, "deleting", "deleted");

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = await alice.caller.deployments.list({ limit: 2, cursor });
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids.slice(1).reverse());
    expect((await alice.caller.deployments.list({ status: "deleted" })).items.map((d) => d.id)).toEqual([gone]);
    expect((await alice.caller.deployments.list({ status: "pending" })).items).toHaveLength(4);
    await expect(alice.caller.deployments.list({ cursor: "bogus" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a list row carries exactly what the table shows: no config beyond hardware and replicas, no token, no payment", async () => {
    const alice = await callerFor(tdb.db);
    const input = createInput({ hardware: { instanceTypeId: "nvidia-a10g", gpuCount: 2 }, scaling: { minReplicas: 0, maxReplicas: 3 } });
    const { id } = await alice.caller.deployments.create(input);
    const [model] = await tdb.db.select().from(models).where(eq(models.id, DEPLOYABLE_MODEL));
    const { items } = await alice.caller.deployments.list();
    const row = await rowOf(id);
    expect(items).toEqual([
      {
        id,
        name: input.config.name,
        modelId: DEPLOYABLE_MODEL,
        status: "pending",
        hardware: input.config.hardware,
        replicas: { minReplicas: 0, maxReplicas: 3 },
        monthly: priceDeployment(input.config, model).monthly,
        createdAt: row?.createdAt,
      },
    ]);
  });

  it("a second user can neither read nor change the first user's deployments", async () => {
    const alice = await callerFor(tdb.db);
    const bob: { caller: Caller } = await callerFor(tdb.db);
    const input = createInput();
    const { id } = await alice.caller.deployments.create(input);
    await activate(tdb.db, id);
    const before = await rowOf(id);

    expect((await bob.caller.deployments.list()).items).toEqual([]);
    expect((await bob.caller.deployments.list({ status: "active" })).items).toEqual([]);
    for (const call of [
      () => bob.caller.deployments.byId({ id }),
      () => bob.caller.deployments.pause({ id }),
      () => bob.caller.deployments.resume({ id }),
      () => bob.caller.deployments.delete({ id }),
    ]) {
      expect((await rejection(call())).code).toBe("NOT_FOUND");
    }
    // Replaying Alice's idempotency key makes Bob his own deployment, not a window onto hers.
    const bobs = await bob.caller.deployments.create(input);
    expect(bobs.id).not.toBe(id);
    expect(bobs.created).toBe(true);

    expect(await rowOf(id)).toEqual(before);
    const events = await tdb.db.select().from(deploymentEvents).where(eq(deploymentEvents.deploymentId, id));
    expect(events).toHaveLength(4);
    expect((await outboxFor(id)).map((e) => e.name)).toEqual(["radium/deployment.provision.requested"]);
    const aliceRows = await tdb.db.select().from(deployments).where(and(eq(deployments.id, id), eq(deployments.status, "active")));
    expect(aliceRows).toHaveLength(1);
  });

  it("refuses callers without a session", async () => {
    const anon = anonymousCaller(tdb.db);
    const id = crypto.randomUUID();
    for (const call of [
      () => anon.deployments.create(createInput()),
      () => anon.deployments.list(),
      () => anon.deployments.byId({ id }),
      () => anon.deployments.pause({ id }),
      () => anon.deployments.resume({ id }),
      () => anon.deployments.delete({ id }),
    ]) {
      expect((await rejection(call())).code).toBe("UNAUTHORIZED");
    }
  });
});

describe("deployments.create errors on the wire", () => {
  const tdb = suiteDatabase();

  it("names each field in data.issues and the message, for schema and server-side checks alike", async () => {
    const { POST } = await import("@/app/api/trpc/[trpc]/route");
    const user = await newUser(tdb.db, "Wire");
    const send = async (input: unknown) => errorOf(await (await POST(trpcMutation("deployments.create", input, { cookie: user.cookie }))).json());

    const schema = await send(createInput({ scaling: { minReplicas: 4, maxReplicas: 2 } }));
    expect(schema.data.httpStatus).toBe(400);
    expect(schema.data.issues).toEqual([{ path: ["config", "scaling", "maxReplicas"], message: "Max replicas must be at least min replicas (4)." }]);
    expect(schema.message).toBe("config.scaling.maxReplicas: Max replicas must be at least min replicas (4).");

    const fit = await send(createInput({ modelId: "meta-llama-3.1-70b-instruct", hardware: { instanceTypeId: "nvidia-t4", gpuCount: 1 } }));
    expect(fit.data.httpStatus).toBe(400);
    expect(fit.data.issues).toEqual([{ path: ["config", "hardware", "instanceTypeId"], message: expect.stringMatching(/needs ≈ \d+ GB; T4 has 16 GB/) }]);
    expect(fit.message).toMatch(/^config\.hardware\.instanceTypeId: Llama 3\.1 70B Instruct needs/);

    await user.caller.deployments.create(createInput({ name: "taken" }));
    const dup = await send(createInput({ name: "taken" }));
    expect(dup.data).toMatchObject({ code: "CONFLICT", httpStatus: 409 });
    expect(dup.message).toMatch(/^config\.name: You already have an endpoint named "taken"/);
  });
});
