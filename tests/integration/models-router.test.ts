import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODEL_CATALOG } from "@/server/db/seed/model-catalog";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { anonymousCaller, callerFor } from "../helpers/trpc";

describe.each(testBackends())("models router on %s", (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  it("lists the whole seeded catalog", async () => {
    const { caller } = await callerFor(tdb.db);
    const all = await caller.models.list();
    expect(all).toHaveLength(MODEL_CATALOG.length);
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(all.map((m) => m.id)).toContain("meta-llama-3.1-8b-instruct");
  });

  it("filters by provider, type, size and search", async () => {
    const { caller } = await callerFor(tdb.db);
    const meta = await caller.models.list({ provider: "Meta" });
    expect(meta.length).toBeGreaterThan(0);
    expect(meta.every((m) => m.provider === "Meta")).toBe(true);

    const embeddings = await caller.models.list({ type: "embedding" });
    expect(embeddings.map((m) => m.id).sort()).toEqual(["nomic-embed-text-v1.5", "text-embedding-3-small"]);

    const small = await caller.models.list({ size: "small" });
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((m) => m.parameterCountB !== null && Number(m.parameterCountB) < 10)).toBe(true);

    const large = await caller.models.list({ size: "large" });
    expect(large.every((m) => Number(m.parameterCountB) >= 80)).toBe(true);

    const hosted = await caller.models.list({ size: "undisclosed" });
    expect(hosted.every((m) => m.parameterCountB === null)).toBe(true);

    const found = await caller.models.list({ search: "mixtral" });
    expect(found.map((m) => m.id)).toEqual(["mixtral-8x7b-instruct"]);

    // LIKE wildcards in the search are literal, not patterns.
    expect(await caller.models.list({ search: "%" })).toEqual([]);
  });

  it("returns a model by id and NOT_FOUND for an unknown one", async () => {
    const { caller } = await callerFor(tdb.db);
    const m = await caller.models.byId({ id: "gpt-4o" });
    expect(m.contextWindow).toBe(128000);
    expect(m.inputPricePerMillion).toBe("2.5000");
    await expect(caller.models.byId({ id: "no-such-model" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("rejects malformed input with the zod message", async () => {
    const { caller } = await callerFor(tdb.db);
    const err = await caller.models.list({ type: "bogus" as never }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("rejects callers without a session", async () => {
    await expect(anonymousCaller(tdb.db).models.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
