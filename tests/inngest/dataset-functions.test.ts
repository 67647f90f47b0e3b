/**
 * The dataset functions with @inngest/test against a real database (PGlite, and PostgreSQL directly
 * and through the Neon driver when TEST_DATABASE_URL is set): validation streams the stored file
 * through the shared validator and lands ready (statistics, preview) or error (line-numbered errors),
 * with its timeline row and one notification; a deleted dataset's file is removed after the grace.
 * Each run starts from what the router wrote, as the outbox would deliver it.
 */
import { InngestTestEngine } from "@inngest/test";
import { asc, eq } from "drizzle-orm";
import type { InngestFunction } from "inngest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setConnectionForTesting } from "@/server/db";
import { datasetEvents, datasets, notifications, outbox } from "@/server/db/schema";
import { validateStoredDataset } from "@/server/datasets/validate";
import { purgeDatasetFile } from "@/server/inngest/functions/purge-dataset-file";
import { markDatasetValidationFailed, validateDataset } from "@/server/inngest/functions/validate-dataset";
import { setStorageForTesting } from "@/server/storage";
import type { FileStorage } from "@/server/storage/types";
import { brokenJsonl, chatLine, uploadInput, useTempLocalStorage, validJsonl } from "../helpers/datasets";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { callerFor } from "../helpers/trpc";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const EVENTS = { validate: "radium/dataset.validation.requested", deleted: "radium/dataset.deleted" } as const;

function run(fn: InngestFunction.Like, event: keyof typeof EVENTS, data: { datasetId: string; userId: string }) {
  // @inngest/test waits on an unmocked step.sleep; mocked, the grace period passes at once.
  return new InngestTestEngine({ function: fn, events: [{ name: EVENTS[event], data }], steps: [{ id: "grace", handler: () => undefined }] });
}

describe.each(testBackends())("dataset functions on %s", (backend) => {
  let tdb: TestDatabase;
  let files: ReturnType<typeof useTempLocalStorage>;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    setConnectionForTesting(tdb);
    files = useTempLocalStorage();
  });
  afterAll(async () => {
    files?.dispose();
    setConnectionForTesting(undefined);
    await tdb?.dispose();
  });

  const rowOf = async (id: string) => {
    const [row] = await tdb.db.select().from(datasets).where(eq(datasets.id, id));
    if (!row) throw new Error(`no dataset ${id}`);
    return row;
  };
  const timeline = async (id: string) =>
    (await tdb.db.select().from(datasetEvents).where(eq(datasetEvents.datasetId, id)).orderBy(asc(datasetEvents.id))).map(
      (e) => `${e.fromStatus}>${e.toStatus}`,
    );
  const noticesOf = (userId: string) => tdb.db.select().from(notifications).where(eq(notifications.userId, userId));

  /** Uploaded and confirmed through the router: validating, its event in the outbox. */
  async function uploaded(body: string, over: Parameters<typeof uploadInput>[1] = {}) {
    const user = await callerFor(tdb.db);
    const { id } = await user.caller.datasets.createUpload(uploadInput(body, over));
    await files.storage.put((await rowOf(id)).storageKey, Buffer.from(body), { contentType: "application/jsonl" });
    await user.caller.datasets.confirmUpload({ id });
    const [event] = (await tdb.db.select().from(outbox).where(eq(outbox.name, EVENTS.validate))).filter((e) => e.data.datasetId === id);
    expect(event?.data).toEqual({ datasetId: id, userId: user.id });
    return { user, data: { datasetId: id, userId: user.id } };
  }

  it("validates a good file to ready with statistics and a preview, notifies once, and a second run changes nothing", async () => {
    const body = validJsonl(12);
    const { user, data } = await uploaded(body, { name: "Arithmetic", baseModelId: "mistral-7b-instruct-v0.3" });
    const { result, error } = await run(validateDataset, "validate", data).execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "ready", status: "ready", examples: 12, totalErrors: 0 });

    const row = await rowOf(data.datasetId);
    expect(row).toMatchObject({
      status: "ready",
      statusReason: null,
      format: "openai-chat",
      exampleCount: 12,
      totalErrors: 0,
      errors: [],
      contextLength: 32768,
      validatedBytes: Buffer.byteLength(body),
    });
    expect(row.tokenCount).toBeGreaterThan(12 * 10);
    expect(row.stats).toMatchObject({ bytes: Buffer.byteLength(body), examples: 12, totalTokens: row.tokenCount });
    expect(row.stats?.tokenizer).toEqual(expect.any(String));
    expect(row.stats?.roles.assistant).toBe(12);
    expect(row.preview?.map((p) => p.line)).toEqual([1, 2, 3]);
    expect(row.preview?.[0]?.messages.at(-1)).toEqual({ role: "assistant", content: "1 plus 1 is 2." });
    expect(row.validatedAt).toBeInstanceOf(Date);
    expect(await timeline(data.datasetId)).toEqual(["null>uploading", "uploading>validating", "validating>ready"]);

    const notices = await noticesOf(user.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      type: "dataset_ready",
      priority: "normal",
      title: 'Dataset "Arithmetic" is ready',
      link: `/datasets/${data.datasetId}`,
      dedupeKey: `dataset:${data.datasetId}:ready`,
    });
    expect(notices[0]?.body).toMatch(/^12 examples, [\d,]+ tokens \(.+\)\.$/);

    const detail = await user.caller.datasets.byId({ id: data.datasetId });
    expect(detail).toMatchObject({ status: "ready", examples: 12, tokenizer: row.stats?.tokenizer, format: "openai-chat" });
    expect(detail.preview).toHaveLength(3);

    const again = await run(validateDataset, "validate", data).execute();
    expect(again.result).toEqual({ outcome: "skipped", status: "ready" });
    expect(await timeline(data.datasetId)).toHaveLength(3);
    expect(await noticesOf(user.id)).toHaveLength(1);
  });

  it("a broken file lands in error with its errors on their lines, the first one as the reason", async () => {
    const { user, data } = await uploaded(brokenJsonl(), { name: "Broken" });
    const { result } = await run(validateDataset, "validate", data).execute();
    expect(result).toMatchObject({ outcome: "error", status: "error" });

    const row = await rowOf(data.datasetId);
    expect(row.status).toBe("error");
    expect(row.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ line: 3, rule: "json" }), expect.objectContaining({ line: 5, rule: "no-assistant" })]),
    );
    expect(row.errors?.every((e) => e.line !== 1 && e.line !== 2 && e.line !== 4)).toBe(true);
    expect(row.totalErrors).toBeGreaterThanOrEqual(2);
    expect(row.errorCounts).toMatchObject({ json: 1, "no-assistant": 1 });
    expect(row.statusReason).toMatch(/^Line 3: .+ \(and \d+ more errors?\)$/);
    expect(await timeline(data.datasetId)).toEqual(["null>uploading", "uploading>validating", "validating>error"]);

    const notices = await noticesOf(user.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      type: "dataset_failed",
      priority: "high",
      resourceType: "dataset",
      resourceId: data.datasetId,
      title: 'Dataset "Broken" did not pass validation',
      body: row.statusReason,
      dedupeKey: `dataset:${data.datasetId}:error`,
    });

    const detail = await user.caller.datasets.byId({ id: data.datasetId });
    expect(detail.errors.slice(0, 2).map((e) => [e.line, e.rule])).toEqual([
      [3, "json"],
      [5, "no-assistant"],
    ]);
    const listed = (await user.caller.datasets.list({ status: "error" })).items;
    expect(listed.map((d) => [d.id, d.totalErrors])).toEqual([[data.datasetId, row.totalErrors]]);
  });

  it("too few examples is a whole-file error (line 0)", async () => {
    const { data } = await uploaded(`${chatLine(1)}\n${chatLine(2)}\n`);
    await run(validateDataset, "validate", data).execute();
    const row = await rowOf(data.datasetId);
    expect(row.status).toBe("error");
    expect(row.errors).toEqual([expect.objectContaining({ line: 0, rule: "min-examples" })]);
    expect(row.statusReason).not.toMatch(/^Line/);
  });

  it("a file gone from storage fails the dataset with that reason", async () => {
    const { user, data } = await uploaded(validJsonl());
    await files.storage.delete((await rowOf(data.datasetId)).storageKey);
    const { result } = await run(validateDataset, "validate", data).execute();
    expect(result).toEqual({ outcome: "error", status: "error", examples: 0, totalErrors: 0 });
    expect((await rowOf(data.datasetId)).statusReason).toBe("The uploaded file is missing from storage: upload it again.");
    expect((await noticesOf(user.id)).map((n) => n.dedupeKey)).toEqual([`dataset:${data.datasetId}:error`]);
  });

  it("after its retries, onFailure moves the dataset to error with the run's last error, once", async () => {
    const { user, data } = await uploaded(validJsonl());
    const failure = (message: string) => ({
      event: {
        name: "inngest/function.failed" as const,
        data: { function_id: "radium-validate-dataset", run_id: "run_1", error: { name: "Error", message }, event: { name: EVENTS.validate, data } },
      },
      error: new Error(message),
    });
    await expect(markDatasetValidationFailed(failure("storage unreachable"))).resolves.toMatchObject({ outcome: "error", status: "error" });
    await expect(markDatasetValidationFailed(failure("again"))).resolves.toEqual({ outcome: "skipped", status: "error" });
    expect((await rowOf(data.datasetId)).statusReason).toBe("Validation could not run: storage unreachable");
    expect(await timeline(data.datasetId)).toEqual(["null>uploading", "uploading>validating", "validating>error"]);
    expect(await noticesOf(user.id)).toHaveLength(1);
  });

  it("a deleted dataset is not validated (and a delete cancels a run in flight)", async () => {
    expect(validateDataset.opts.cancelOn).toEqual([expect.objectContaining({ match: "data.datasetId" })]);
    expect(validateDataset.opts.cancelOn?.[0]?.event).toMatchObject({ name: EVENTS.deleted });
    const { user, data } = await uploaded(validJsonl());
    await user.caller.datasets.delete({ id: data.datasetId });
    const { result } = await run(validateDataset, "validate", data).execute();
    expect(result).toEqual({ outcome: "skipped", status: null });
    expect((await rowOf(data.datasetId)).status).toBe("validating");
    expect(await noticesOf(user.id)).toEqual([]);
  });

  it("writes how far it has read while validating, so the list can show progress", async () => {
    const body = validJsonl(400);
    const { user, data } = await uploaded(body);
    const key = (await rowOf(data.datasetId)).storageKey;
    // The stored file, handed out half now and half once the progress shows in the list.
    const half = Math.floor(Buffer.byteLength(body) / 2);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const gated: FileStorage = {
      ...files.storage,
      async readStream(k) {
        expect(k).toBe(key);
        const bytes = Buffer.from(body);
        let step = 0;
        return {
          size: bytes.byteLength,
          contentType: "application/jsonl",
          body: new ReadableStream({
            async pull(controller) {
              if (step === 0) controller.enqueue(bytes.subarray(0, half));
              else if (step === 1) {
                await gate;
                controller.enqueue(bytes.subarray(half));
              } else controller.close();
              step++;
            },
          }),
        };
      },
    };
    setStorageForTesting({ local: gated });
    try {
      const running = validateStoredDataset(tdb.db, data.datasetId, { progressEveryMs: 0 });
      await vi.waitFor(
        async () => {
          const [item] = (await user.caller.datasets.list()).items;
          expect(item?.validatedBytes).toBe(half);
          expect(item?.status).toBe("validating");
        },
        { timeout: 10_000, interval: 20 },
      );
      release();
      await expect(running).resolves.toMatchObject({ outcome: "ready" });
    } finally {
      release();
      setStorageForTesting({ local: files.storage });
    }
    expect((await rowOf(data.datasetId)).validatedBytes).toBe(Buffer.byteLength(body));
  });

  it("removes a deleted dataset's file after the grace period, once, and never a live dataset's", async () => {
    const { user, data } = await uploaded(validJsonl());
    await run(validateDataset, "validate", data).execute();
    const key = (await rowOf(data.datasetId)).storageKey;

    const early = await run(purgeDatasetFile, "deleted", data).execute();
    expect(early.result).toEqual({ removed: false, reason: "not_deleted" });
    expect(await files.storage.head(key)).not.toBeNull();

    await user.caller.datasets.delete({ id: data.datasetId });
    const engine = run(purgeDatasetFile, "deleted", data);
    const { result, ctx } = await engine.execute();
    expect(ctx.step.sleep).toHaveBeenCalledWith("grace", "10m");
    expect(result).toEqual({ removed: true });
    expect(await files.storage.head(key)).toBeNull();
    const row = await rowOf(data.datasetId);
    expect(row.fileRemovedAt).toBeInstanceOf(Date);
    expect((await timeline(data.datasetId)).slice(-2)).toEqual(["ready>ready", "ready>ready"]);
    const steps = async () =>
      (await tdb.db.select().from(datasetEvents).where(eq(datasetEvents.datasetId, data.datasetId)).orderBy(asc(datasetEvents.id))).map((e) => e.step);
    expect((await steps()).slice(-2)).toEqual(["deleted", "file_removed"]);

    const again = await run(purgeDatasetFile, "deleted", data).execute();
    expect(again.result).toEqual({ removed: false, reason: "already_removed" });
    expect((await steps()).filter((s) => s === "file_removed")).toHaveLength(1);
  });
});
