/**
 * The datasets file route (/api/uploadthing) end to end against the local fake of uploadthing: the
 * browser's two requests made as uploadthing's client makes them (the upload action, then HEAD and a
 * multipart PUT to the presigned ingest URL), the fake's signed callback to the app, onUploadComplete
 * confirming the upload, then validation and download reading back through signed ufs links, and the
 * purge deleting by customId. The middleware's refusals and a forged callback are checked too.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { InngestTestEngine } from "@inngest/test";
import { NextRequest } from "next/server";
import { UTApi } from "uploadthing/server";
import type { RouteHandlerConfig } from "uploadthing/types";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as routeGET, POST as routePOST } from "@/app/api/uploadthing/route";
import { formatBytes } from "@/lib/datasets/upload-target";
import { datasets, outbox } from "@/server/db/schema";
import { uploadthingSizeLimit } from "@/server/datasets/limits";
import { datasetFileRouter, datasetUploadHandlers } from "@/server/datasets/uploadthing-router";
import { purgeDatasetFile } from "@/server/inngest/functions/purge-dataset-file";
import { validateDataset } from "@/server/inngest/functions/validate-dataset";
import { setStorageForTesting } from "@/server/storage";
import { uploadthingStorage } from "@/server/storage/uploadthing";
import { brokenJsonl, uploadInput, validJsonl } from "../helpers/datasets";
import { newUser, suiteDatabase, type TestUser } from "../chat/helpers";
import { type FakeUploadthing, signPayload, startFakeUploadthing } from "../fakes/uploadthing-server";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const tdb = suiteDatabase();
let fake: FakeUploadthing;

/** The app's /api/uploadthing, served over HTTP so the fake can call it back. */
async function startApp(config: Omit<RouteHandlerConfig, "token" | "ingestUrl">, maxBytes = 1024 ** 3) {
  const handlers = datasetUploadHandlers({ token: fake.token, ingestUrl: fake.ingestUrl, logLevel: "Error", ...config }, datasetFileRouter(maxBytes));
  const server = http.createServer(async (req, res) => {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new NextRequest(`http://localhost:${(server.address() as AddressInfo).port}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === "POST" ? Buffer.concat(parts) : undefined,
    });
    const response = req.method === "POST" ? await handlers.POST(request) : await handlers.GET(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://localhost:${(server.address() as AddressInfo).port}/api/uploadthing`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Presigned = { url: string; key: string; name: string; customId: string | null };

/** What uploadthing's browser client does for `uploadFiles("datasetFile", { files: [file], input })`. */
async function browserUpload(appUrl: string, cookie: string | null, file: File, input: unknown) {
  const action = await fetch(`${appUrl}?actionType=upload&slug=datasetFile`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-uploadthing-version": "7.7.4", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ input, files: [{ name: file.name, size: file.size, type: file.type, lastModified: file.lastModified }] }),
  });
  if (!action.ok) return { status: action.status, error: (await action.json()) as { message: string } };
  const [presigned] = (await action.json()) as Presigned[];
  if (!presigned) throw new Error("no presigned URL");
  const head = await fetch(presigned.url, { method: "HEAD" });
  const start = Number(head.headers.get("x-ut-range-start") ?? "0");
  const form = new FormData();
  form.append("file", file);
  const put = await fetch(presigned.url, { method: "PUT", headers: { Range: `bytes=${start}-`, "x-uploadthing-version": "7.7.4" }, body: form });
  return { status: put.status, presigned, result: (await put.json()) as { ufsUrl: string; serverData: unknown } };
}

const rowOf = async (id: string) => (await tdb.db.select().from(datasets).where(eq(datasets.id, id)))[0]!;

beforeAll(async () => {
  fake = await startFakeUploadthing();
  process.env.UPLOADTHING_TOKEN = fake.token;
  setStorageForTesting({ uploadthing: uploadthingStorage(new UTApi({ ...fake.utapiOptions, defaultKeyType: "customId" })) });
});
afterAll(async () => {
  delete process.env.UPLOADTHING_TOKEN;
  setStorageForTesting(undefined);
  await fake?.close();
});

describe("the datasets file route against uploadthing's fake", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let alice: TestUser;
  beforeAll(async () => {
    app = await startApp({ isDev: false, handleDaemonPromise: "await" });
    alice = await newUser(tdb.db, "Alice");
  });
  afterAll(async () => {
    await app?.close();
  });

  it("uploads a private file named by our key, confirms it from the signed callback, validates it and serves it back", async () => {
    const body = validJsonl(12);
    const { id, upload } = await alice.caller.datasets.createUpload(uploadInput(body, { fileName: "Support tickets.jsonl" }));
    expect(upload).toEqual({ kind: "uploadthing", endpoint: "datasetFile", input: { datasetId: id } });
    const key = (await rowOf(id)).storageKey;
    expect(key).toBe(`${alice.id}/${id}/Support-tickets.jsonl`);

    const file = new File([body], "Support tickets.jsonl", { type: "application/jsonl" });
    const sent = await browserUpload(app.url, alice.cookie, file, upload.kind === "uploadthing" ? upload.input : null);
    expect(sent.status).toBe(200);
    expect(sent.presigned).toMatchObject({ name: "Support-tickets.jsonl", customId: key });
    // awaitServerData: the browser's upload resolves with what onUploadComplete returned.
    expect(sent.result?.serverData).toEqual({ datasetId: id, status: "validating" });
    expect(fake.callbackResults.get(sent.presigned?.key ?? "")).toEqual({ datasetId: id, status: "validating" });

    const stored = fake.fileByCustomId(key);
    expect(stored).toMatchObject({ acl: "private", size: file.size, name: "Support-tickets.jsonl", slug: "datasetFile", contentDisposition: "attachment" });
    expect(stored?.bytes.toString()).toBe(body);
    const ingestKey = `/ingest/${sent.presigned?.key}`;
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(
      expect.arrayContaining([
        "POST /ingest/route-metadata 200",
        `HEAD ${ingestKey} 200`,
        "POST /ingest/callback-result 200",
        `PUT ${ingestKey} 200`,
      ]),
    );

    const row = await rowOf(id);
    expect(row.status).toBe("validating");
    expect(row.uploadedAt).toBeInstanceOf(Date);
    const [event] = (await tdb.db.select().from(outbox).where(eq(outbox.name, "radium/dataset.validation.requested"))).filter(
      (e) => e.data.datasetId === id,
    );
    expect(event?.data).toEqual({ datasetId: id, userId: alice.id });
    // The browser's own confirmation afterwards: already done.
    await expect(alice.caller.datasets.confirmUpload({ id })).resolves.toEqual({ id, status: "validating" });

    // Validation streams the file back from uploadthing through a signed ufs link.
    const data = { datasetId: id, userId: alice.id };
    const validated = await new InngestTestEngine({ function: validateDataset, events: [{ name: "radium/dataset.validation.requested", data }] }).execute();
    expect(validated.result).toMatchObject({ outcome: "ready", examples: 12 });

    const { url } = await alice.caller.datasets.downloadUrl({ id });
    expect(url.startsWith(`${fake.origin}/a/${fake.appId}/${key}?`)).toBe(true);
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(body);

    // Deleting it removes the file from uploadthing after the grace period.
    await alice.caller.datasets.delete({ id });
    const purge = new InngestTestEngine({
      function: purgeDatasetFile,
      events: [{ name: "radium/dataset.deleted", data }],
      steps: [{ id: "grace", handler: () => undefined }],
    });
    expect((await purge.execute()).result).toEqual({ removed: true });
    expect(fake.fileByCustomId(key)).toBeUndefined();
    expect((await fetch(url)).status).toBe(404);
  });

  it("a client confirmation without the callback finds the file through a signed HEAD", async () => {
    const body = brokenJsonl();
    const { id } = await alice.caller.datasets.createUpload(uploadInput(body));
    const key = (await rowOf(id)).storageKey;
    await expect(alice.caller.datasets.confirmUpload({ id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // The bytes arrive by another path (no file route, so no callback).
    await uploadthingStorage(new UTApi({ ...fake.utapiOptions, defaultKeyType: "customId" })).put(key, Buffer.from(body), { contentType: "application/jsonl" });
    await expect(alice.caller.datasets.confirmUpload({ id })).resolves.toEqual({ id, status: "validating" });
  });

  it("the middleware refuses: no session, someone else's dataset, a different file, too large, the wrong type, twice", async () => {
    const bob = await newUser(tdb.db, "Bob");
    const body = validJsonl();
    const { id } = await alice.caller.datasets.createUpload(uploadInput(body));
    const input = { datasetId: id };
    const file = (content: string, name = "train.jsonl", type = "application/jsonl") => new File([content], name, { type });
    const before = fake.requests.length;

    expect(await browserUpload(app.url, null, file(body), input)).toEqual({ status: 403, error: { message: "Sign in to upload." } });
    expect(await browserUpload(app.url, bob.cookie, file(body), input)).toEqual({ status: 404, error: { message: "Dataset not found." } });
    const size = Buffer.byteLength(body);
    expect(await browserUpload(app.url, alice.cookie, file(`${body}x`), input)).toEqual({
      status: 400,
      error: { message: `This file is ${formatBytes(size + 1)} (${size + 1} bytes); the upload was started for ${size} bytes.` },
    });
    expect(await browserUpload(app.url, alice.cookie, file(body, "photo.png", "image/png"), input)).toEqual({
      status: 400,
      error: { message: "Upload a JSONL or CSV file (.jsonl, .ndjson, .json, .csv)." },
    });
    expect(await browserUpload(app.url, alice.cookie, file(body), { datasetId: "not-a-uuid" })).toMatchObject({ status: 400 });
    // Nothing reached uploadthing.
    expect(fake.requests.slice(before)).toEqual([]);
    expect((await rowOf(id)).status).toBe("uploading");

    const small = await startApp({ isDev: false, handleDaemonPromise: "await" }, 100);
    try {
      expect(await browserUpload(small.url, alice.cookie, file(body), input)).toEqual({
        status: 413,
        error: { message: `The file is ${formatBytes(size)}; a dataset can be at most 100 bytes.` },
      });
    } finally {
      await small.close();
    }

    expect((await browserUpload(app.url, alice.cookie, file(body), input)).status).toBe(200);
    expect(await browserUpload(app.url, alice.cookie, file(body), input)).toEqual({
      status: 400,
      error: { message: "This dataset's file has already been uploaded." },
    });
  });

  it("ignores a callback that uploadthing did not sign", async () => {
    const { id } = await alice.caller.datasets.createUpload(uploadInput(validJsonl()));
    const payload = JSON.stringify({
      status: "uploaded",
      metadata: { datasetId: id, userId: alice.id },
      file: { name: "x", size: Buffer.byteLength(validJsonl()), type: "", customId: null, key: "k", url: "u", appUrl: "u", ufsUrl: "u", fileHash: "h" },
      origin: fake.ingestUrl,
    });
    for (const signature of [signPayload(payload, "sk_live_not_the_key"), "hmac-sha256=00", ""]) {
      const res = await fetch(`${app.url}?slug=datasetFile`, {
        method: "POST",
        headers: { "content-type": "application/json", "uploadthing-hook": "callback", "x-uploadthing-signature": signature },
        body: payload,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ message: "Invalid signature" });
    }
    expect((await rowOf(id)).status).toBe("uploading");
  });

  it("states the cap in uploadthing's sizes: the smallest that holds it", () => {
    expect(uploadthingSizeLimit(1)).toBe("1B");
    expect(uploadthingSizeLimit(1000)).toBe("1KB");
    expect(uploadthingSizeLimit(1025)).toBe("2KB");
    expect(uploadthingSizeLimit(1024 ** 2)).toBe("1MB");
    expect(uploadthingSizeLimit(300 * 1024 ** 2)).toBe("512MB");
    expect(uploadthingSizeLimit(1024 ** 3)).toBe("1GB");
    expect(uploadthingSizeLimit(1024 ** 3 + 1)).toBe("2GB");
    expect(uploadthingSizeLimit(5 * 1024 ** 3)).toBe("8GB");
  });

  it("serves the route config (one private file, the cap as uploadthing's size)", async () => {
    const res = await fetch(app.url);
    expect(await res.json()).toEqual([
      {
        slug: "datasetFile",
        config: { blob: { maxFileSize: "1GB", maxFileCount: 1, minFileCount: 1, acl: "private", contentDisposition: "attachment" } },
      },
    ]);
  });
});

describe("the datasets file route in uploadthing's dev mode (callbacks streamed back to the app)", () => {
  it("confirms the upload from the streamed callback", async () => {
    const app = await startApp({ isDev: true, handleDaemonPromise: "void" });
    try {
      const carol = await newUser(tdb.db, "Carol");
      const body = validJsonl();
      const { id } = await carol.caller.datasets.createUpload(uploadInput(body));
      const sent = await browserUpload(app.url, carol.cookie, new File([body], "train.jsonl", { type: "" }), { datasetId: id });
      expect(sent.status).toBe(200);
      expect(sent.result?.serverData).toEqual({ datasetId: id, status: "validating" });
      expect((await rowOf(id)).status).toBe("validating");
    } finally {
      await app.close();
    }
  });
});

describe("/api/uploadthing without UPLOADTHING_TOKEN", () => {
  afterEach(() => {
    process.env.UPLOADTHING_TOKEN = fake.token;
  });

  it("is not there: files go to local storage", async () => {
    delete process.env.UPLOADTHING_TOKEN;
    for (const res of [
      await routeGET(new NextRequest("http://localhost/api/uploadthing")),
      await routePOST(new NextRequest("http://localhost/api/uploadthing?actionType=upload&slug=datasetFile", { method: "POST", body: "{}" })),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect((await res.json()).detail).toBe("Uploads go to local storage here (UPLOADTHING_TOKEN is not set).");
    }
  });
});
