/**
 * Local disk storage's streaming half: a stream is written to disk as it arrives (whole or not at
 * all, capped), read back as a stream, and looked at without reading it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localStorage } from "@/server/storage/local";
import { StorageLimitError, StorageNotFoundError } from "@/server/storage/types";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "radium-stream-"));
const storage = localStorage(root, Buffer.from("stream-test-secret"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A stream of `count` chunks of `size` bytes, each filled with its index, produced on demand. */
function chunks(count: number, size: number, fail?: Error): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i === count) {
        if (fail) controller.error(fail);
        else controller.close();
        return;
      }
      controller.enqueue(new Uint8Array(size).fill(i++ % 256));
    },
  });
  return { stream, pulled: () => i };
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

describe("local storage streams", () => {
  it("writes a stream to disk and reads it back as one, with its size and content type", async () => {
    const key = "user_abc/ds1/train.jsonl";
    const { stream } = chunks(64, 16 * 1024);
    expect(await storage.putStream(key, stream, { contentType: "application/jsonl" })).toEqual({ key, size: 64 * 16 * 1024 });
    expect(await storage.head(key)).toEqual({ size: 64 * 16 * 1024, contentType: "application/jsonl" });

    const read = await storage.readStream(key);
    expect(read.size).toBe(64 * 16 * 1024);
    expect(read.contentType).toBe("application/jsonl");
    const bytes = await drain(read.body);
    expect(bytes.byteLength).toBe(64 * 16 * 1024);
    expect(bytes[0]).toBe(0);
    expect(bytes[16 * 1024 * 5]).toBe(5);
    expect(bytes.at(-1)).toBe(63);
    // Only the file and its metadata: no part file left behind.
    expect(filesIn(path.join(root, "user_abc/ds1"))).toEqual(["train.jsonl", "train.jsonl.meta.json"]);
  });

  it("stops a stream that grows past maxBytes, stores nothing, and stops reading it", async () => {
    const key = "user_abc/ds2/big.jsonl";
    const source = chunks(1000, 1024);
    const err = await storage.putStream(key, source.stream, { contentType: "text/plain", maxBytes: 10 * 1024 + 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageLimitError);
    expect((err as StorageLimitError).maxBytes).toBe(10 * 1024 + 1);
    // Backpressure: the source was not read to its end once the cap was crossed.
    expect(source.pulled()).toBeLessThan(100);
    expect(await storage.head(key)).toBeNull();
    expect(filesIn(path.join(root, "user_abc/ds2"))).toEqual([]);

    // Exactly at the cap is allowed.
    expect(await storage.putStream(key, chunks(4, 256).stream, { contentType: "text/plain", maxBytes: 1024 })).toMatchObject({ size: 1024 });
  });

  it("keeps the earlier file when a later stream fails midway", async () => {
    const key = "user_abc/ds3/train.csv";
    await storage.putStream(key, chunks(2, 10).stream, { contentType: "text/csv" });
    await expect(storage.putStream(key, chunks(3, 10, new Error("connection reset")).stream, { contentType: "text/csv" })).rejects.toThrow(
      "connection reset",
    );
    expect(await storage.head(key)).toEqual({ size: 20, contentType: "text/csv" });
    expect(filesIn(path.join(root, "user_abc/ds3"))).toEqual(["train.csv", "train.csv.meta.json"]);
  });

  it("reports missing files: head gives null, readStream a not-found error", async () => {
    expect(await storage.head("user_abc/none/x.jsonl")).toBeNull();
    await expect(storage.readStream("user_abc/none/x.jsonl")).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("a reader that stops early releases the file (it can be deleted and read again)", async () => {
    const key = "user_abc/ds4/train.jsonl";
    await storage.putStream(key, chunks(200, 64 * 1024).stream, { contentType: "application/jsonl" });
    const read = await storage.readStream(key);
    const reader = read.body.getReader();
    await reader.read();
    await reader.cancel();
    await storage.delete(key);
    expect(await storage.head(key)).toBeNull();
  });

  it("refuses keys outside the user's folder for every streaming call", async () => {
    const bad = "user_abc/../../etc/passwd";
    await expect(storage.putStream(bad, chunks(1, 1).stream, { contentType: "text/plain" })).rejects.toThrow(/Invalid storage key/);
    await expect(storage.readStream(bad)).rejects.toThrow(/Invalid storage key/);
    await expect(storage.head(bad)).rejects.toThrow(/Invalid storage key/);
  });
});
