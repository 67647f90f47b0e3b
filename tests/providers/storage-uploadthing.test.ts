/**
 * The uploadthing storage adapter through the real UTApi, pointed (apiUrl, ingestUrl, ufsHost) at a
 * wire-faithful local fake of uploadthing's services: private files named by our key as customId, reads
 * and heads through signed ufs links, capped stream puts, deletes by customId.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UTApi } from "uploadthing/server";
import { uploadthingStorage } from "@/server/storage/uploadthing";
import { StorageLimitError, StorageNotFoundError } from "@/server/storage/types";
import { type FakeUploadthing, startFakeUploadthing } from "../fakes/uploadthing-server";

let fake: FakeUploadthing;
let storage: ReturnType<typeof uploadthingStorage>;

beforeAll(async () => {
  fake = await startFakeUploadthing();
  storage = uploadthingStorage(new UTApi({ ...fake.utapiOptions, defaultKeyType: "customId" }));
});
afterAll(async () => {
  await fake?.close();
});

const text = (s: string) => new TextEncoder().encode(s);

function streamOf(parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const p of parts) controller.enqueue(text(p));
      controller.close();
    },
  });
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<string> {
  let out = "";
  const decoder = new TextDecoder();
  for await (const part of stream) out += decoder.decode(part, { stream: true });
  return out + decoder.decode();
}

describe("uploadthing storage against its fake", () => {
  it("puts a private file named by our key, and reads it back through a signed link", async () => {
    const key = "user_abc/ds1/train.jsonl";
    const body = text('{"messages":[]}\n');
    expect(await storage.put(key, body, { contentType: "application/jsonl" })).toEqual({ key, size: body.byteLength });
    const stored = fake.fileByCustomId(key);
    expect(stored).toMatchObject({ customId: key, name: "train.jsonl", acl: "private", size: body.byteLength, type: "application/jsonl" });

    const read = await storage.read(key);
    expect(new TextDecoder().decode(read.body)).toBe('{"messages":[]}\n');
    expect(read.contentType).toBe("application/jsonl");
  });

  it("streams a file in and out, and heads it without reading it", async () => {
    const key = "user_abc/ds2/pairs.csv";
    expect(await storage.putStream(key, streamOf(["input,output\n", "a,b\n"]), { contentType: "text/csv" })).toEqual({ key, size: 17 });
    expect(await storage.head(key)).toEqual({ size: 17, contentType: "text/csv" });
    const read = await storage.readStream(key);
    expect(read.size).toBe(17);
    expect(await drain(read.body)).toBe("input,output\na,b\n");
    const lastGet = fake.requests.filter((r) => r.method === "GET").at(-1);
    expect(lastGet).toMatchObject({ path: `/a/${fake.appId}/${key}`, status: 200 });
  });

  it("refuses a stream over maxBytes before uploading anything", async () => {
    const key = "user_abc/ds3/big.jsonl";
    const before = fake.requests.length;
    await expect(storage.putStream(key, streamOf(["0123456789", "0123456789"]), { contentType: "text/plain", maxBytes: 15 })).rejects.toBeInstanceOf(
      StorageLimitError,
    );
    expect(fake.requests.slice(before)).toEqual([]);
    expect(await storage.head(key)).toBeNull();
  });

  it("signs download links that expire: the fake refuses them once the hour is over, and tampered ones at once", async () => {
    const key = "user_abc/ds4/train.jsonl";
    await storage.put(key, text("x"), { contentType: "application/jsonl" });
    const link = new URL(await storage.signedUrl(key));
    expect(`${link.origin}${link.pathname}`).toBe(`${fake.origin}/a/${fake.appId}/${key}`);
    const expires = Number(link.searchParams.get("expires"));
    expect(expires - Date.now()).toBeGreaterThan(3590_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(3600_000);
    expect((await fetch(link)).status).toBe(200);

    const refusal = async (url: URL) => {
      const res = await fetch(url);
      return { status: res.status, body: await res.json() };
    };
    const tampered = new URL(link);
    tampered.searchParams.set("expires", String(expires + 3600_000));
    expect(await refusal(tampered)).toEqual({ status: 403, body: { error: "Signed URL invalid" } });
    expect(await refusal(new URL(`${link.origin}${link.pathname}`))).toEqual({ status: 403, body: { error: "Signed URL missing" } });

    // An hour and a second later, by the fake's clock, the same link is refused.
    fake.setClockOffset(3601_000);
    try {
      expect(await refusal(link)).toEqual({ status: 403, body: { error: "Signed URL expired" } });
    } finally {
      fake.setClockOffset(0);
    }
    expect((await fetch(link)).status).toBe(200);
  });

  it("reports missing files and deletes by customId", async () => {
    const key = "user_abc/ds5/train.jsonl";
    expect(await storage.head(key)).toBeNull();
    await expect(storage.readStream(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.read(key)).rejects.toBeInstanceOf(StorageNotFoundError);

    await storage.put(key, text("bye"), { contentType: "text/plain" });
    expect(fake.fileByCustomId(key)).toBeDefined();
    await storage.delete(key);
    expect(fake.fileByCustomId(key)).toBeUndefined();
    expect(fake.requests.filter((r) => r.path === "/api/v6/deleteFiles").at(-1)?.status).toBe(200);
    expect(await storage.head(key)).toBeNull();
    // Deleting again is no error.
    await storage.delete(key);
  });

  it("refuses keys outside the user's folder before any request", async () => {
    const before = fake.requests.length;
    const bad = "user_abc/../../x";
    await expect(storage.head(bad)).rejects.toThrow(/Invalid storage key/);
    await expect(storage.signedUrl(bad)).rejects.toThrow(/Invalid storage key/);
    await expect(storage.delete(bad)).rejects.toThrow(/Invalid storage key/);
    expect(fake.requests.length).toBe(before);
  });
});
