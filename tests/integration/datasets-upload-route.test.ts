/**
 * PUT /api/uploads/datasets/<id>?expires=&sig=: the signed, expiring link is the credential; the body
 * is streamed to disk, capped at the declared size and DATASET_MAX_BYTES, kept only when complete, and
 * a complete upload confirms itself. Errors are problem+json with a code and a sentence for the user.
 * The proxy does not run for this path (it would buffer the body in memory).
 */
import { asc, eq } from "drizzle-orm";
import { unstable_doesMiddlewareMatch } from "next/dist/experimental/testing/server/middleware-testing-utils";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PUT } from "@/app/api/uploads/datasets/[id]/route";
import { formatBytes } from "@/lib/datasets/upload-target";
import { config as proxyConfig } from "@/proxy";
import { datasetEvents, datasets, outbox } from "@/server/db/schema";
import { UPLOAD_LINK_TTL_S } from "@/server/datasets/upload-link";
import { uploadInput, useTempLocalStorage, validJsonl } from "../helpers/datasets";
import { newUser, suiteDatabase, type TestUser } from "../chat/helpers";

const kicks = vi.hoisted(() => ({ n: 0 }));
vi.mock("@/server/outbox/dispatcher", () => ({
  kickOutbox: () => {
    kicks.n++;
  },
}));

const tdb = suiteDatabase();
let files: ReturnType<typeof useTempLocalStorage>;
let user: TestUser;
beforeAll(async () => {
  files = useTempLocalStorage();
  user = await newUser(tdb.db, "Uploader");
});
afterAll(() => files?.dispose());
afterEach(() => {
  vi.useRealTimers();
  delete process.env.DATASET_MAX_BYTES;
});

/** A body that arrives in `count` chunks of `size` bytes (no Content-Length, like a streamed upload). */
function chunked(count: number, size: number): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i++ === count) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
}

function put(url: string, body: BodyInit | ReadableStream<Uint8Array> | null, headers: Record<string, string> = {}) {
  const target = new URL(url, "http://localhost");
  const id = target.pathname.split("/").pop() ?? "";
  const init: RequestInit & { duplex?: "half" } = { method: "PUT", headers: { "content-type": "application/jsonl", ...headers }, body };
  if (body instanceof ReadableStream) init.duplex = "half";
  return PUT(new Request(target, init), { params: Promise.resolve({ id }) });
}

async function problemOf(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  const body = (await res.json()) as { status: number; code: string; detail: string; title: string };
  expect(body.status).toBe(res.status);
  return { status: res.status, code: body.code, detail: body.detail };
}

async function start(body: string, over: Parameters<typeof uploadInput>[1] = {}) {
  const { id, upload } = await user.caller.datasets.createUpload(uploadInput(body, over));
  if (upload.kind !== "local") throw new Error("expected a local target");
  return { id, url: upload.url };
}

const rowOf = async (id: string) => (await tdb.db.select().from(datasets).where(eq(datasets.id, id)))[0]!;

describe("PUT /api/uploads/datasets/<id>", () => {
  it("streams the file to storage and confirms the upload: validating, its event queued", async () => {
    const body = validJsonl(40);
    const { id, url } = await start(body);
    kicks.n = 0;
    const res = await put(url, body, { "content-length": String(Buffer.byteLength(body)) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id, status: "validating", size: Buffer.byteLength(body) });
    expect(kicks.n).toBe(1);

    const row = await rowOf(id);
    expect(row.status).toBe("validating");
    const stored = await files.storage.read(row.storageKey);
    expect(Buffer.from(stored.body).toString()).toBe(body);
    expect(stored.contentType).toBe("application/jsonl");
    const events = await tdb.db.select().from(outbox).where(eq(outbox.name, "radium/dataset.validation.requested"));
    expect(events.filter((e) => e.data.datasetId === id)).toHaveLength(1);
    // The client's own confirmation afterwards changes nothing.
    await expect(user.caller.datasets.confirmUpload({ id })).resolves.toEqual({ id, status: "validating" });
    // Nor does sending the file again.
    expect(await problemOf(await put(url, body))).toEqual({
      status: 409,
      code: "already_uploaded",
      detail: "This dataset's file has already been uploaded.",
    });
  });

  it("takes a chunked body with no Content-Length", async () => {
    const { id, url } = await start("a".repeat(64 * 1024 * 3), { fileName: "big.csv", contentType: "text/csv" });
    const res = await put(url, chunked(3, 64 * 1024), { "content-type": "text/csv; charset=utf-8" });
    expect(res.status).toBe(200);
    expect((await files.storage.head((await rowOf(id)).storageKey))?.size).toBe(64 * 1024 * 3);
  });

  it("refuses a link whose signature does not match: tampered, for another dataset, or missing", async () => {
    const { id, url } = await start(validJsonl());
    const other = await start(validJsonl());
    const link = new URL(url, "http://localhost");
    const sig = link.searchParams.get("sig") ?? "";
    const expires = link.searchParams.get("expires") ?? "";
    const invalid = { status: 403, code: "link_invalid", detail: "This upload link is not valid." };
    const flipped = `${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`;
    for (const bad of [
      `/api/uploads/datasets/${id}?expires=${expires}&sig=${flipped}`,
      `/api/uploads/datasets/${id}?expires=${Number(expires) + 3600}&sig=${sig}`,
      `/api/uploads/datasets/${other.id}?expires=${expires}&sig=${sig}`,
      `/api/uploads/datasets/${id}?expires=${expires}`,
      `/api/uploads/datasets/${id}`,
    ]) {
      expect(await problemOf(await put(bad, validJsonl())), bad).toEqual(invalid);
    }
    expect((await rowOf(id)).status).toBe("uploading");
    expect(await files.storage.head((await rowOf(id)).storageKey)).toBeNull();
  });

  it("refuses a link after its hour, saying so", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { id, url } = await start(validJsonl());
    vi.setSystemTime(Date.now() + UPLOAD_LINK_TTL_S * 1000 - 1000);
    const stillOk = await put(url, validJsonl());
    expect(stillOk.status).toBe(200);

    const second = await start(validJsonl());
    vi.setSystemTime(Date.now() + UPLOAD_LINK_TTL_S * 1000 + 1000);
    expect(await problemOf(await put(second.url, validJsonl()))).toEqual({
      status: 403,
      code: "link_expired",
      detail: "This upload link has expired: start the upload again.",
    });
    expect((await rowOf(second.id)).status).toBe("uploading");
    expect((await rowOf(id)).status).toBe("validating");
  });

  it("refuses a body over the declared size from its Content-Length, before reading it", async () => {
    const body = validJsonl();
    const { id, url } = await start(body);
    const bigger = `${body}${validJsonl(1)}`;
    const res = await put(url, bigger, { "content-length": String(Buffer.byteLength(bigger)) });
    expect(await problemOf(res)).toEqual({
      status: 413,
      code: "too_large",
      detail: `The upload is larger than the ${formatBytes(Buffer.byteLength(body))} (${Buffer.byteLength(body)} bytes) declared when it started.`,
    });
    expect(await files.storage.head((await rowOf(id)).storageKey)).toBeNull();
    expect((await rowOf(id)).status).toBe("uploading");
  });

  it("cuts off a streamed body once it passes the declared size, and keeps nothing", async () => {
    const { id, url } = await start("a".repeat(1000), { contentType: "" });
    const res = await put(url, chunked(50, 100), { "content-type": "" });
    expect(await problemOf(res)).toMatchObject({ status: 413, code: "too_large" });
    const row = await rowOf(id);
    expect(await files.storage.head(row.storageKey)).toBeNull();
    expect(row.status).toBe("uploading");
    // The same link still works for the right file.
    expect((await put(url, "a".repeat(1000), { "content-type": "" })).status).toBe(200);
  });

  it("enforces DATASET_MAX_BYTES where the bytes arrive, even for a dataset started under a higher cap", async () => {
    const body = "a".repeat(5000);
    const { id, url } = await start(body);
    process.env.DATASET_MAX_BYTES = "4096";
    expect(await problemOf(await put(url, body, { "content-length": "5000" }))).toEqual({
      status: 413,
      code: "too_large",
      detail: "The file is 4.9 KB; a dataset can be at most 4 KB.",
    });
    expect(await problemOf(await put(url, chunked(5, 1000)))).toEqual({
      status: 413,
      code: "too_large",
      detail: "The file is 4.9 KB; a dataset can be at most 4 KB.",
    });
    expect(await files.storage.head((await rowOf(id)).storageKey)).toBeNull();
  });

  it("refuses a body shorter than declared and keeps nothing", async () => {
    const { id, url } = await start("a".repeat(1000));
    expect(await problemOf(await put(url, "a".repeat(600)))).toEqual({
      status: 400,
      code: "incomplete",
      detail: "The upload ended after 600 of 1000 bytes: send the whole file again.",
    });
    expect(await files.storage.head((await rowOf(id)).storageKey)).toBeNull();
    expect((await rowOf(id)).status).toBe("uploading");
  });

  it("refuses content types that are not JSONL or CSV", async () => {
    const { id, url } = await start(validJsonl());
    for (const type of ["image/png", "application/zip", "text/html"]) {
      expect(await problemOf(await put(url, validJsonl(), { "content-type": type }))).toEqual({
        status: 415,
        code: "unsupported_type",
        detail: "Upload a JSONL or CSV file (.jsonl, .ndjson, .json, .csv).",
      });
    }
    expect((await rowOf(id)).status).toBe("uploading");
  });

  it("answers 404 for an unknown, deleted, malformed or uploadthing-bound dataset, even with a valid-looking link", async () => {
    const { id, url } = await start(validJsonl());
    const query = new URL(url, "http://localhost").search;
    await user.caller.datasets.delete({ id });
    const notFound = { status: 404, code: "not_found", detail: "No such upload." };
    expect(await problemOf(await put(url, validJsonl()))).toEqual(notFound);
    expect(await problemOf(await put(`/api/uploads/datasets/not-a-uuid${query}`, validJsonl()))).toEqual(notFound);

    const kept = await start(validJsonl());
    await tdb.db.update(datasets).set({ storageKind: "uploadthing" }).where(eq(datasets.id, kept.id));
    expect(await problemOf(await put(kept.url, validJsonl()))).toEqual(notFound);
    const events = await tdb.db.select().from(datasetEvents).where(eq(datasetEvents.datasetId, kept.id)).orderBy(asc(datasetEvents.id));
    expect(events.map((e) => e.step)).toEqual(["created"]);
  });

  it("is left alone by the proxy (which would buffer the body), unlike the other session API routes", () => {
    const matches = (url: string) => unstable_doesMiddlewareMatch({ config: proxyConfig, url });
    for (const url of ["/api/uploads/datasets/1f0c5c5e-0000-4000-8000-000000000000?expires=1&sig=x", "/api/uploads/anything"]) {
      expect(matches(url), url).toBe(false);
    }
    for (const url of ["/api/chat", "/api/uploadthing", "/api/files/user_a/b/c.csv", "/api/uploadsx", "/datasets", "/"]) {
      expect(matches(url), url).toBe(true);
    }
  });
});
