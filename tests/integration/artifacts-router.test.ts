/**
 * The artifacts router and the "Download all" zip route against a real database and temporary
 * storage: the artifact a completed job leaves (quality with its rule, summary, files, lineage),
 * signed expiring links per file and for the zip (whose entries are the stored bytes), rename,
 * soft delete, and a second user who can neither read nor change the first user's artifacts.
 */
import { unzipSync } from "fflate";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { CONVERGENCE_RULE } from "@/lib/training/quality";
import { setConnectionForTesting } from "@/server/db";
import { modelArtifacts } from "@/server/db/schema";
import { getStorage } from "@/server/storage";
import { verifyFileSignature } from "@/server/storage/local";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { createInput } from "../helpers/deployments";
import { idempotencyKey, insertDataset, trainDirectly, trainingGraph } from "../helpers/training";
import { anonymousCaller, callerFor } from "../helpers/trpc";

process.env.AUTH_SECRET ??= "artifact-tests-secret";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const STORAGE_SECRET = vi.hoisted(() => Buffer.from("artifact-storage-secret"));
const storageRoot = vi.hoisted(() => ({ dir: "" }));
vi.mock("@/server/storage", async () => {
  const { localStorage } = await import("@/server/storage/local");
  const fs = await import("node:fs");
  const path = await import("node:path");
  const os = await import("node:os");
  storageRoot.dir = fs.mkdtempSync(path.join(os.tmpdir(), "radium-artifacts-"));
  const storage = localStorage(storageRoot.dir, STORAGE_SECRET);
  return { getStorage: async () => storage };
});

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(err)}`);
  return err;
}

/** The field paths and messages a BAD_REQUEST carries (deployments.create's field-level errors). */
function issuesOf(err: TRPCError): Array<{ path: string; message: string }> {
  const cause = err.cause as unknown as { issues?: Array<{ path: PropertyKey[]; message: string }> };
  return (cause?.issues ?? []).map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

async function zip(url: string) {
  const { GET } = await import("@/app/api/artifacts/[id]/zip/route");
  const id = new URL(url, "http://localhost").pathname.split("/")[3] ?? "";
  return GET(new Request(new URL(url, "http://localhost")), { params: Promise.resolve({ id }) });
}

const saved = process.env.TRAINING_SIMULATOR_SPEED;

describe.each(testBackends())("artifacts router on %s", (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    setConnectionForTesting(tdb);
  });
  afterAll(async () => {
    setConnectionForTesting(undefined);
    await tdb?.dispose();
    (await import("node:fs")).rmSync(storageRoot.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    process.env.TRAINING_SIMULATOR_SPEED = "0";
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TRAINING_SIMULATOR_SPEED;
    else process.env.TRAINING_SIMULATOR_SPEED = saved;
  });

  async function trained(user?: Awaited<ReturnType<typeof callerFor>>, datasetId?: string) {
    const owner = user ?? (await callerFor(tdb.db));
    const dataset = datasetId ?? (await insertDataset(tdb.db, owner.id)).id;
    const { id: jobId } = await owner.caller.fineTuning.create({
      graph: trainingGraph(owner.id, dataset),
      idempotencyKey: idempotencyKey(),
    });
    const done = await trainDirectly(tdb.db, jobId);
    if (!done.artifactId) throw new Error(`job ${jobId} ended ${done.status}`);
    return { user: owner, datasetId: dataset, jobId, artifactId: done.artifactId };
  }

  it("shows the completed job's artifact: quality with its rule, summary, configuration, files", async () => {
    const { user, jobId, artifactId, datasetId } = await trained();
    const detail = await user.caller.artifacts.byId({ id: artifactId });
    const job = await user.caller.fineTuning.byId({ id: jobId });
    const [row] = await tdb.db.select().from(modelArtifacts).where(eq(modelArtifacts.id, artifactId));
    if (!row) throw new Error("no artifact row");
    expect(detail).toMatchObject({
      id: artifactId,
      jobId,
      version: 1,
      name: `${job.name} v1`,
      description: "",
      baseModel: job.model,
      dataset: { id: datasetId, name: job.dataset.name },
      convergence: row.quality.convergence.rating,
      finalValidationLoss: row.quality.finalValidationLoss,
      quality: { ...row.quality, convergenceRule: CONVERGENCE_RULE },
      configuration: job.config,
      parent: null,
      lineage: [],
      children: [],
      checkpointStep: job.totalSteps,
    });
    expect(detail.summary).toMatchObject({
      dataset: job.dataset,
      baseModel: job.model,
      costCents: job.finalCostCents,
      gpu: { instanceTypeId: "nvidia-a100", count: 1, label: expect.stringContaining("A100") },
      epochs: job.totalEpochs,
    });
    expect(detail.files.map((f) => f.name)).toEqual([
      "adapter_config.json",
      "adapter_model.safetensors",
      "tokenizer.json",
    ]);
    expect(detail.sizeBytes).toBe(detail.files.reduce((n, f) => n + f.size, 0));
    expect(JSON.stringify(detail)).not.toContain(user.id); // no storage key leaks

    const { items } = await user.caller.artifacts.list();
    expect(items).toEqual([
      {
        id: artifactId,
        name: detail.name,
        version: 1,
        jobId,
        baseModel: detail.baseModel,
        dataset: detail.dataset,
        convergence: detail.convergence,
        finalValidationLoss: detail.finalValidationLoss,
        sizeBytes: detail.sizeBytes,
        createdAt: detail.createdAt,
      },
    ]);
  });

  it("hands out signed, expiring links per file and a zip of exactly the stored files", async () => {
    const { user, artifactId } = await trained();
    const links = await user.caller.artifacts.downloadUrls({ id: artifactId });
    expect(links.expiresAt.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(links.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 60 * 60_000 + 1000);
    const [row] = await tdb.db.select().from(modelArtifacts).where(eq(modelArtifacts.id, artifactId));
    const storage = await getStorage();
    for (const f of links.files) {
      const url = new URL(f.url, "http://localhost");
      const key = decodeURIComponent(url.pathname.replace(/^\/api\/files\//, ""));
      expect(row?.files.find((s) => s.name === f.name)?.key).toBe(key);
      expect(
        verifyFileSignature(
          key,
          Number(url.searchParams.get("expires")),
          url.searchParams.get("sig") ?? "",
          STORAGE_SECRET,
        ),
      ).toBe(true);
    }

    const res = await zip(links.zipUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.zip"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 4)).toString("latin1")).toBe("PK\u0003\u0004");
    const entries = unzipSync(bytes);
    expect(Object.keys(entries).sort()).toEqual(links.files.map((f) => f.name).sort());
    for (const f of row?.files ?? []) {
      expect(Buffer.from(entries[f.name] ?? []).equals(Buffer.from((await storage.read(f.key)).body))).toBe(true);
    }

    const url = new URL(links.zipUrl, "http://localhost");
    const tampered = `${url.pathname}?expires=${Number(url.searchParams.get("expires")) + 60}&sig=${url.searchParams.get("sig")}`;
    expect((await zip(tampered)).status).toBe(403);
    expect((await zip(`${url.pathname}?expires=${Math.floor(Date.now() / 1000) - 1}&sig=x`)).status).toBe(403);
    expect((await zip(`/api/artifacts/not-a-uuid/zip${url.search}`)).status).toBe(400);
    // Another artifact's signature does not open this one.
    const other = await trained(user);
    const otherLinks = await user.caller.artifacts.downloadUrls({ id: other.artifactId });
    expect((await zip(`${url.pathname}${new URL(otherLinks.zipUrl, "http://localhost").search}`)).status).toBe(403);
  });

  it("renames and describes; deleting hides the artifact, its links and the job's reference to it", async () => {
    const { user, jobId, artifactId } = await trained();
    const links = await user.caller.artifacts.downloadUrls({ id: artifactId });
    await expect(
      user.caller.artifacts.update({ id: artifactId, name: "  support bot  ", description: "First try" }),
    ).resolves.toEqual({
      id: artifactId,
      name: "support bot",
      description: "First try",
    });
    expect(await user.caller.artifacts.byId({ id: artifactId })).toMatchObject({
      name: "support bot",
      description: "First try",
    });
    await expect(user.caller.artifacts.update({ id: artifactId, name: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    await expect(user.caller.artifacts.delete({ id: artifactId })).resolves.toEqual({ id: artifactId, deleted: true });
    expect((await user.caller.artifacts.list()).items).toEqual([]);
    for (const call of [
      () => user.caller.artifacts.byId({ id: artifactId }),
      () => user.caller.artifacts.downloadUrls({ id: artifactId }),
      () => user.caller.artifacts.update({ id: artifactId, name: "again" }),
      () => user.caller.artifacts.delete({ id: artifactId }),
    ]) {
      expect((await rejection(call())).code).toBe("NOT_FOUND");
    }
    expect((await zip(links.zipUrl)).status).toBe(404);
    expect((await user.caller.fineTuning.byId({ id: jobId })).artifactId).toBeNull();
    const [row] = await tdb.db.select().from(modelArtifacts).where(eq(modelArtifacts.id, artifactId));
    expect(row?.deletedAt).toBeInstanceOf(Date);
  });

  it("keeps the version lineage of one base model and dataset, through a deleted version", async () => {
    const first = await trained();
    const second = await trained(first.user, first.datasetId);
    const third = await trained(first.user, first.datasetId);
    const elsewhere = await trained(first.user); // another dataset: a lineage of its own

    const middle = await first.user.caller.artifacts.byId({ id: second.artifactId });
    expect(middle.version).toBe(2);
    expect(middle.parent).toMatchObject({ id: first.artifactId, version: 1, deleted: false });
    expect(middle.children.map((c) => c.id)).toEqual([third.artifactId]);
    expect((await first.user.caller.artifacts.byId({ id: elsewhere.artifactId })).version).toBe(1);

    await first.user.caller.artifacts.delete({ id: second.artifactId });
    const last = await first.user.caller.artifacts.byId({ id: third.artifactId });
    expect(last.version).toBe(3);
    expect(last.lineage.map((a) => [a.version, a.deleted])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(last.parent).toMatchObject({ id: second.artifactId, deleted: true });
    expect((await first.user.caller.artifacts.byId({ id: first.artifactId })).children).toEqual([]);
    // A new version follows the latest live one.
    const fourth = await trained(first.user, first.datasetId);
    expect((await first.user.caller.artifacts.byId({ id: fourth.artifactId })).parent?.id).toBe(third.artifactId);

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await first.user.caller.artifacts.list({
        limit: 2,
        cursor,
      });
      ids.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual([fourth.artifactId, elsewhere.artifactId, third.artifactId, first.artifactId]);
    await expect(first.user.caller.artifacts.list({ cursor: "bogus" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a second user can neither read nor change the first user's artifacts", async () => {
    const { artifactId } = await trained();
    const [before] = await tdb.db.select().from(modelArtifacts).where(eq(modelArtifacts.id, artifactId));
    const bob = await callerFor(tdb.db);
    expect((await bob.caller.artifacts.list()).items).toEqual([]);
    for (const call of [
      () => bob.caller.artifacts.byId({ id: artifactId }),
      () => bob.caller.artifacts.downloadUrls({ id: artifactId }),
      () => bob.caller.artifacts.update({ id: artifactId, name: "mine now" }),
      () => bob.caller.artifacts.delete({ id: artifactId }),
    ]) {
      expect((await rejection(call())).code).toBe("NOT_FOUND");
    }
    const [after] = await tdb.db.select().from(modelArtifacts).where(eq(modelArtifacts.id, artifactId));
    expect(after).toEqual(before);
  });

  it("deploys an artifact as an adapter on its own base model only, and never another user's", async () => {
    const { user, artifactId } = await trained();
    const withAdapter = (over: Parameters<typeof createInput>[0] = {}) => {
      const input = createInput(over);
      return { ...input, config: { ...input.config, adapter: { artifactId } } };
    };
    const deployed = await user.caller.deployments.create(withAdapter());
    const detail = await user.caller.deployments.byId({ id: deployed.id });
    expect(detail.config.adapter).toEqual({ artifactId });

    // Another base model: refused under the model field, naming the model it was trained on.
    const other = await rejection(
      user.caller.deployments.create(
        withAdapter({ modelId: "meta-llama-3.1-70b-instruct", hardware: { instanceTypeId: "nvidia-a100", gpuCount: 2 } }),
      ),
    );
    expect(other.code).toBe("BAD_REQUEST");
    expect(issuesOf(other)).toEqual([{ path: "config.modelId", message: expect.stringMatching(/trained on Llama 3\.1 8B Instruct/) }]);

    // Someone else's artifact and a deleted one are the same "not found".
    const bob = await callerFor(tdb.db);
    const foreign = await rejection(bob.caller.deployments.create(withAdapter()));
    expect(foreign.code).toBe("BAD_REQUEST");
    expect(issuesOf(foreign)).toEqual([{ path: "config.modelId", message: expect.stringMatching(/does not exist, or is not yours/) }]);
    await user.caller.artifacts.delete({ id: artifactId });
    const gone = await rejection(user.caller.deployments.create(withAdapter()));
    expect(issuesOf(gone)).toEqual(issuesOf(foreign));
    expect((await bob.caller.deployments.list({})).items).toEqual([]);
  });

  it("refuses callers without a session", async () => {
    const anon = anonymousCaller(tdb.db);
    const id = crypto.randomUUID();
    for (const call of [
      () => anon.artifacts.list(),
      () => anon.artifacts.byId({ id }),
      () => anon.artifacts.downloadUrls({ id }),
      () => anon.artifacts.update({ id, name: "x" }),
      () => anon.artifacts.delete({ id }),
    ]) {
      expect((await rejection(call())).code).toBe("UNAUTHORIZED");
    }
  });
});
