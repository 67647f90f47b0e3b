/**
 * The datasets router against a real database (PGlite, and PostgreSQL directly and through the Neon
 * driver when TEST_DATABASE_URL is set): upload targets, size and type limits with field-level errors,
 * idempotent confirmation with its outbox event, search/filters/sorts/paging, rename, soft delete,
 * download links, and a second user who can neither see nor change the first user's datasets.
 */
import { and, asc, eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as filesGET } from "@/app/api/files/[...key]/route";
import { datasetEvents, datasets, models, outbox } from "@/server/db/schema";
import { checkDatasetUploadLink } from "@/server/datasets/upload-link";
import { setConnectionForTesting } from "@/server/db";
import { brokenJsonl, uploadInput, useTempLocalStorage, validJsonl } from "../helpers/datasets";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { anonymousCaller, callerFor } from "../helpers/trpc";
import { errorOf, trpcMutation } from "../helpers/trpc-http";
import { newUser, suiteDatabase } from "../chat/helpers";

const kicks = vi.hoisted(() => ({ n: 0 }));
vi.mock("@/server/outbox/dispatcher", () => ({
  kickOutbox: () => {
    kicks.n++;
  },
}));

process.env.AUTH_SECRET ??= "datasets-router-secret";

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(err)}`);
  return err;
}

function issuesOf(err: TRPCError): Array<{ path: string; message: string }> {
  const cause = err.cause as unknown as { issues?: Array<{ path: PropertyKey[]; message: string }> };
  return (cause?.issues ?? []).map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

type Caller = Awaited<ReturnType<typeof callerFor>>["caller"];

describe.each(testBackends())("datasets router on %s", (backend) => {
  let tdb: TestDatabase;
  let files: ReturnType<typeof useTempLocalStorage>;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    files = useTempLocalStorage();
  });
  afterAll(async () => {
    files?.dispose();
    await tdb?.dispose();
  });
  beforeEach(() => {
    kicks.n = 0;
  });
  afterEach(() => {
    delete process.env.DATASET_MAX_BYTES;
    delete process.env.UPLOADTHING_TOKEN;
  });

  const rowOf = async (id: string) => {
    const [row] = await tdb.db.select().from(datasets).where(eq(datasets.id, id));
    if (!row) throw new Error(`no dataset ${id}`);
    return row;
  };
  const outboxFor = async (id: string) =>
    (await tdb.db.select().from(outbox).orderBy(asc(outbox.id))).filter((r) => r.data.datasetId === id).map((r) => ({ name: r.name, data: r.data }));
  const timeline = async (id: string) =>
    (await tdb.db.select().from(datasetEvents).where(eq(datasetEvents.datasetId, id)).orderBy(asc(datasetEvents.id))).map(
      (e) => `${e.fromStatus}>${e.toStatus}:${e.step}`,
    );

  /** A dataset whose file is in storage, confirmed (so validating). */
  async function uploaded(caller: Caller, body = validJsonl(), over: Parameters<typeof uploadInput>[1] = {}) {
    const { id } = await caller.datasets.createUpload(uploadInput(body, over));
    await files.storage.put((await rowOf(id)).storageKey, Buffer.from(body), { contentType: "application/jsonl" });
    await caller.datasets.confirmUpload({ id });
    return id;
  }

  it("createUpload records an uploading dataset and hands out a signed local link for an hour", async () => {
    const alice = await callerFor(tdb.db);
    const body = validJsonl();
    const before = Date.now();
    const { id, upload } = await alice.caller.datasets.createUpload(
      uploadInput(body, { name: "  Support answers ", description: "Tickets from March", baseModelId: "meta-llama-3.1-8b-instruct", validationSplit: 0.1 }),
    );
    const after = Date.now();
    if (upload.kind !== "local") throw new Error("expected a local upload target");
    expect(upload.method).toBe("PUT");
    const url = new URL(upload.url, "http://localhost");
    expect(url.pathname).toBe(`/api/uploads/datasets/${id}`);
    expect(checkDatasetUploadLink(id, url.searchParams.get("expires"), url.searchParams.get("sig"))).toBe("ok");
    const expiresAt = Date.parse(upload.expiresAt);
    // An hour from the call, in whole seconds (the link carries Unix seconds): the call may cross a second.
    expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3600_000);
    expect(expiresAt).toBeLessThanOrEqual(Math.floor(after / 1000) * 1000 + 3600_000);
    expect(Number(url.searchParams.get("expires")) * 1000).toBe(expiresAt);

    expect(await rowOf(id)).toMatchObject({
      userId: alice.id,
      name: "Support answers",
      description: "Tickets from March",
      fileName: "train.jsonl",
      fileSize: Buffer.byteLength(body),
      contentType: "application/jsonl",
      storageKind: "local",
      storageKey: `${alice.id}/${id}/train.jsonl`,
      status: "uploading",
      baseModelId: "meta-llama-3.1-8b-instruct",
      validationSplit: 0.1,
      deletedAt: null,
      uploadedAt: null,
    });
    expect(await timeline(id)).toEqual(["null>uploading:created"]);
    expect(await outboxFor(id)).toEqual([]);
  });

  it("hands out uploadthing's file route when UPLOADTHING_TOKEN is set", async () => {
    process.env.UPLOADTHING_TOKEN = Buffer.from(JSON.stringify({ apiKey: "sk_test_x", appId: "app", regions: ["r"] })).toString("base64");
    const alice = await callerFor(tdb.db);
    const { id, upload } = await alice.caller.datasets.createUpload(uploadInput("x", { fileName: "My Data (v2).JSONL" }));
    expect(upload).toEqual({ kind: "uploadthing", endpoint: "datasetFile", input: { datasetId: id } });
    expect(await rowOf(id)).toMatchObject({ storageKind: "uploadthing", storageKey: `${alice.id}/${id}/My-Data-v2.jsonl`, fileName: "My Data (v2).JSONL" });
  });

  it("refuses files over the size cap, of the wrong type, or empty, and unknown base models, naming each field", async () => {
    process.env.DATASET_MAX_BYTES = "1000";
    const alice = await callerFor(tdb.db);
    const cases: Array<[Parameters<typeof uploadInput>[1], string, string]> = [
      [{ fileSize: 1001 }, "fileSize", "The file is 1001 bytes; a dataset can be at most 1000 bytes."],
      [{ fileSize: 1500 }, "fileSize", "The file is 1.5 KB; a dataset can be at most 1000 bytes."],
      [{ fileSize: 0 }, "fileSize", "The file is empty."],
      [{ fileName: "photo.png", contentType: "image/png" }, "fileName", "Upload a JSONL or CSV file (.jsonl, .ndjson, .json, .csv)."],
      [{ contentType: "application/zip" }, "contentType", "Upload a JSONL or CSV file (.jsonl, .ndjson, .json, .csv). This file is application/zip."],
      [{ baseModelId: "no-such-model" }, "baseModelId", "Choose a base model from the catalog."],
    ];
    for (const [over, path, message] of cases) {
      const err = await rejection(alice.caller.datasets.createUpload(uploadInput("x".repeat(10), over)));
      expect(err.code, path).toBe("BAD_REQUEST");
      expect(issuesOf(err), path).toEqual([{ path, message }]);
    }
    // Exactly at the cap is fine.
    await expect(alice.caller.datasets.createUpload(uploadInput("x", { fileSize: 1000 }))).resolves.toMatchObject({ upload: { kind: "local" } });
    // Schema-level problems never reach the database either.
    for (const bad of [{ name: "" }, { validationSplit: 0.9 }, { fileSize: -5 }]) {
      await expect(alice.caller.datasets.createUpload(uploadInput("x", bad))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await tdb.db.select().from(datasets).where(eq(datasets.userId, alice.id))).toHaveLength(1);
  });

  it("confirmUpload needs the file, then moves to validating once, with its timeline row and validation event", async () => {
    const alice = await callerFor(tdb.db);
    const body = validJsonl();
    const { id } = await alice.caller.datasets.createUpload(uploadInput(body));
    const early = await rejection(alice.caller.datasets.confirmUpload({ id }));
    expect(early.code).toBe("PRECONDITION_FAILED");
    expect(early.message).toBe("The file has not arrived yet: upload it, then confirm.");
    expect((await rowOf(id)).status).toBe("uploading");

    await files.storage.put((await rowOf(id)).storageKey, Buffer.from(body), { contentType: "application/jsonl" });
    const results = await Promise.all([alice.caller.datasets.confirmUpload({ id }), alice.caller.datasets.confirmUpload({ id })]);
    expect(results).toEqual([
      { id, status: "validating" },
      { id, status: "validating" },
    ]);
    await expect(alice.caller.datasets.confirmUpload({ id })).resolves.toEqual({ id, status: "validating" });
    expect(kicks.n).toBe(1);
    expect(await outboxFor(id)).toEqual([{ name: "radium/dataset.validation.requested", data: { datasetId: id, userId: alice.id } }]);
    expect(await timeline(id)).toEqual(["null>uploading:created", "uploading>validating:upload_confirmed"]);
    expect((await rowOf(id)).uploadedAt).toBeInstanceOf(Date);
  });

  it("a stored file of the wrong size fails the upload with the reason, and starts nothing", async () => {
    const alice = await callerFor(tdb.db);
    const { id } = await alice.caller.datasets.createUpload(uploadInput(validJsonl()));
    await files.storage.put((await rowOf(id)).storageKey, Buffer.from("short"), { contentType: "application/jsonl" });
    await expect(alice.caller.datasets.confirmUpload({ id })).resolves.toEqual({ id, status: "error" });
    const row = await rowOf(id);
    expect(row.statusReason).toMatch(/^The uploaded file is 5 bytes \(5 bytes\), but \d+ bytes were expected\. Upload it again\.$/);
    expect(await outboxFor(id)).toEqual([]);
    expect(await timeline(id)).toEqual(["null>uploading:created", "uploading>error:upload_failed"]);
  });

  it("lists the caller's datasets: search, format and status filters, four orders, a page at a time", async () => {
    const alice = await callerFor(tdb.db);
    const specs = [
      { name: "Billing FAQ", fileName: "billing.jsonl", size: 300 },
      { name: "alpha chats", fileName: "alpha.jsonl", size: 100 },
      { name: "Zeta 100% pairs", fileName: "zeta.csv", size: 500 },
      { name: "Beta", fileName: "support_beta.jsonl", size: 200 },
      { name: "Gamma", fileName: "gamma.jsonl", size: 400 },
    ];
    const ids: string[] = [];
    for (const s of specs) {
      const { id } = await alice.caller.datasets.createUpload(uploadInput("x".repeat(s.size), { name: s.name, fileName: s.fileName, contentType: "" }));
      ids.push(id);
    }
    const [billing, alpha, zeta, beta, gamma] = ids as [string, string, string, string, string];
    await tdb.db.update(datasets).set({ format: "csv", status: "ready" }).where(eq(datasets.id, zeta));
    await tdb.db.update(datasets).set({ format: "openai-chat", status: "ready" }).where(eq(datasets.id, beta));
    await tdb.db.update(datasets).set({ format: "openai-chat", status: "error" }).where(eq(datasets.id, gamma));
    const gone = (await alice.caller.datasets.createUpload(uploadInput("x", { name: "Deleted one" }))).id;
    await alice.caller.datasets.delete({ id: gone });

    async function all(input: { sort?: "newest" | "oldest" | "name" | "size"; search?: string; format?: "csv" | "openai-chat"; status?: "ready" | "error" }) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = await alice.caller.datasets.list({ ...input, limit: 2, cursor });
        seen.push(...page.items.map((d) => d.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      return seen;
    }
    expect(await all({})).toEqual([gamma, beta, zeta, alpha, billing]);
    expect(await all({ sort: "oldest" })).toEqual([billing, alpha, zeta, beta, gamma]);
    expect(await all({ sort: "name" })).toEqual([alpha, beta, billing, gamma, zeta]);
    expect(await all({ sort: "size" })).toEqual([zeta, gamma, billing, beta, alpha]);
    // Search matches name or file name, ignoring case; % and _ are plain characters.
    expect(await all({ search: "BETA" })).toEqual([beta]);
    expect(await all({ search: "ta.jsonl" })).toEqual([beta]);
    expect(await all({ search: "a.jsonl" })).toEqual([gamma, beta, alpha]);
    expect(await all({ search: "100%" })).toEqual([zeta]);
    expect(await all({ search: "%" })).toEqual([zeta]);
    expect(await all({ search: "t_b" })).toEqual([beta]);
    expect(await all({ format: "openai-chat" })).toEqual([gamma, beta]);
    expect(await all({ status: "ready", sort: "name" })).toEqual([beta, zeta]);
    expect(await all({ format: "openai-chat", status: "error" })).toEqual([gamma]);

    const first = await alice.caller.datasets.list({ limit: 2 });
    expect(first.items[0]).toEqual({
      id: gamma,
      name: "Gamma",
      description: "",
      fileName: "gamma.jsonl",
      fileSize: 400,
      format: "openai-chat",
      status: "error",
      statusReason: null,
      baseModelId: null,
      examples: null,
      totalTokens: null,
      totalErrors: 0,
      totalWarnings: 0,
      validatedBytes: 0,
      createdAt: (await rowOf(gamma)).createdAt,
      updatedAt: (await rowOf(gamma)).updatedAt,
    });
    // A cursor belongs to its order, and must be one of ours.
    const err = await rejection(alice.caller.datasets.list({ sort: "name", cursor: first.nextCursor }));
    expect(err.code).toBe("BAD_REQUEST");
    for (const cursor of ["bogus", Buffer.from('["newest","2020-01-01T00:00:00.000Z","not-a-uuid"]').toString("base64url")]) {
      await expect(alice.caller.datasets.list({ cursor })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });

  it("byId gives the whole dataset with its timeline; update renames and describes", async () => {
    const alice = await callerFor(tdb.db);
    const id = await uploaded(alice.caller, brokenJsonl());
    const detail = await alice.caller.datasets.byId({ id });
    expect(detail).toMatchObject({
      id,
      name: "Support answers",
      status: "validating",
      contentType: "application/jsonl",
      stats: null,
      tokenizer: null,
      preview: [],
      errors: [],
      errorCounts: {},
      warnings: [],
      warningCounts: {},
    });
    expect(detail.uploadedAt).toBeInstanceOf(Date);
    expect(detail.events.map((e) => [e.fromStatus, e.toStatus, e.step])).toEqual([
      [null, "uploading", "created"],
      ["uploading", "validating", "upload_confirmed"],
    ]);
    expect(JSON.stringify(detail)).not.toContain((await rowOf(id)).storageKey);

    await expect(alice.caller.datasets.update({ id, name: "  Renamed  " })).resolves.toEqual({ id, name: "Renamed", description: "" });
    await expect(alice.caller.datasets.update({ id, description: "Now described" })).resolves.toEqual({
      id,
      name: "Renamed",
      description: "Now described",
    });
    const empty = await rejection(alice.caller.datasets.update({ id }));
    expect(empty.code).toBe("BAD_REQUEST");
    await expect(alice.caller.datasets.update({ id, name: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await rowOf(id)).toMatchObject({ name: "Renamed", description: "Now described" });
  });

  it("delete is soft: the dataset leaves every list, its file stays for the purge, and the event is queued", async () => {
    const alice = await callerFor(tdb.db);
    const id = await uploaded(alice.caller);
    kicks.n = 0;
    await expect(alice.caller.datasets.delete({ id })).resolves.toEqual({ id });
    expect(kicks.n).toBe(1);
    const row = await rowOf(id);
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.fileRemovedAt).toBeNull();
    expect(await files.storage.head(row.storageKey)).not.toBeNull();
    expect((await alice.caller.datasets.list()).items.map((d) => d.id)).not.toContain(id);
    for (const call of [
      () => alice.caller.datasets.byId({ id }),
      () => alice.caller.datasets.delete({ id }),
      () => alice.caller.datasets.update({ id, name: "x" }),
      () => alice.caller.datasets.downloadUrl({ id }),
      () => alice.caller.datasets.confirmUpload({ id }),
    ]) {
      expect((await rejection(call())).code).toBe("NOT_FOUND");
    }
    expect((await outboxFor(id)).map((e) => e.name)).toEqual(["radium/dataset.validation.requested", "radium/dataset.deleted"]);
    expect((await timeline(id)).at(-1)).toBe("validating>validating:deleted");
  });

  it("downloadUrl: a link for an hour once the file is there, and it downloads the file", async () => {
    const alice = await callerFor(tdb.db);
    const { id } = await alice.caller.datasets.createUpload(uploadInput(validJsonl()));
    const early = await rejection(alice.caller.datasets.downloadUrl({ id }));
    expect(early.code).toBe("PRECONDITION_FAILED");

    const body = validJsonl();
    const done = await uploaded(alice.caller, body);
    const before = Date.now();
    const { url, expiresAt } = await alice.caller.datasets.downloadUrl({ id: done });
    const link = new URL(url, "http://localhost");
    const key = (await rowOf(done)).storageKey;
    expect(link.pathname).toBe(`/api/files/${key}`);
    expect(Date.parse(expiresAt) - before).toBeGreaterThan(3590_000);
    expect(Date.parse(expiresAt)).toBeLessThanOrEqual(Number(link.searchParams.get("expires")) * 1000);

    const res = await filesGET(new Request(link), { params: Promise.resolve({ key: key.split("/") }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="train.jsonl"');
    expect(await res.text()).toBe(body);
  });

  it("a second user can neither see nor change the first user's datasets", async () => {
    const alice = await callerFor(tdb.db);
    const bob: { id: string; caller: Caller } = await callerFor(tdb.db);
    const id = await uploaded(alice.caller);
    const pending = (await alice.caller.datasets.createUpload(uploadInput(validJsonl()))).id;
    const pendingRow = await rowOf(pending);
    await files.storage.put(pendingRow.storageKey, Buffer.from(validJsonl()), { contentType: "application/jsonl" });
    const before = await rowOf(id);
    const eventsBefore = await timeline(id);

    expect((await bob.caller.datasets.list()).items).toEqual([]);
    expect((await bob.caller.datasets.list({ search: "Support" })).items).toEqual([]);
    expect((await bob.caller.datasets.list({ status: "validating" })).items).toEqual([]);
    for (const target of [id, pending]) {
      for (const call of [
        () => bob.caller.datasets.byId({ id: target }),
        () => bob.caller.datasets.confirmUpload({ id: target }),
        () => bob.caller.datasets.update({ id: target, name: "Mine now" }),
        () => bob.caller.datasets.delete({ id: target }),
        () => bob.caller.datasets.downloadUrl({ id: target }),
      ]) {
        const err = await rejection(call());
        expect(err.code).toBe("NOT_FOUND");
        expect(err.message).toBe("Dataset not found.");
      }
    }
    // Alice's pages handed to Bob show him nothing of hers.
    const alicePage = await alice.caller.datasets.list({ limit: 1 });
    expect(alicePage.nextCursor).not.toBeNull();
    expect((await bob.caller.datasets.list({ limit: 1, cursor: alicePage.nextCursor })).items).toEqual([]);
    // Bob's own upload is his own.
    const bobs = await bob.caller.datasets.createUpload(uploadInput(validJsonl()));
    expect((await rowOf(bobs.id)).storageKey.startsWith(`${bob.id}/`)).toBe(true);

    expect(await rowOf(id)).toEqual(before);
    expect(await timeline(id)).toEqual(eventsBefore);
    expect(await rowOf(pending)).toMatchObject({ status: "uploading", name: "Support answers", deletedAt: null });
    expect((await outboxFor(pending)).length).toBe(0);
    const aliceRows = await tdb.db.select().from(datasets).where(and(eq(datasets.userId, alice.id)));
    expect(aliceRows.every((r) => r.deletedAt === null)).toBe(true);
  });

  it("refuses callers without a session", async () => {
    const anon = anonymousCaller(tdb.db);
    const id = crypto.randomUUID();
    for (const call of [
      () => anon.datasets.createUpload(uploadInput("x")),
      () => anon.datasets.confirmUpload({ id }),
      () => anon.datasets.list(),
      () => anon.datasets.byId({ id }),
      () => anon.datasets.update({ id, name: "x" }),
      () => anon.datasets.delete({ id }),
      () => anon.datasets.downloadUrl({ id }),
    ]) {
      expect((await rejection(call())).code).toBe("UNAUTHORIZED");
    }
  });

  it("the catalog's models are there to check against", async () => {
    const [model] = await tdb.db.select().from(models).where(eq(models.id, "meta-llama-3.1-8b-instruct"));
    expect(model?.contextWindow).toBe(131072);
  });
});

describe("datasets.createUpload errors on the wire", () => {
  const tdb = suiteDatabase();
  afterEach(() => {
    delete process.env.DATASET_MAX_BYTES;
    setConnectionForTesting(undefined);
  });

  it("names the field and the limit in data.issues and the message", async () => {
    process.env.DATASET_MAX_BYTES = String(1024 ** 3);
    const { POST } = await import("@/app/api/trpc/[trpc]/route");
    const user = await newUser(tdb.db, "Wire");
    const res = await POST(trpcMutation("datasets.createUpload", uploadInput("x", { fileSize: 2 * 1024 ** 3 }), { cookie: user.cookie }));
    const err = errorOf(await res.json());
    expect(err.data.httpStatus).toBe(400);
    expect(err.data.issues).toEqual([{ path: ["fileSize"], message: "The file is 2 GB; a dataset can be at most 1 GB." }]);
    expect(err.message).toBe("fileSize: The file is 2 GB; a dataset can be at most 1 GB.");
  });
});
