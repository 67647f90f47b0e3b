import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localStorage, verifyFileSignature } from "@/server/storage/local";
import { assertStorageKey } from "@/server/storage/types";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "radium-storage-"));
const secret = Buffer.from("storage-test-secret");
const storage = localStorage(root, secret);
const key = "user_abc123/datasets/train.jsonl";

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("local file storage", () => {
  it("stores, reads and deletes a file with its content type", async () => {
    const body = new TextEncoder().encode('{"prompt":"hi","completion":"hello"}\n');
    expect(await storage.put(key, body, { contentType: "application/jsonl" })).toEqual({ key, size: body.byteLength });
    const read = await storage.read(key);
    expect(new TextDecoder().decode(read.body)).toContain('"completion":"hello"');
    expect(read.contentType).toBe("application/jsonl");
    await storage.delete(key);
    await expect(storage.read(key)).rejects.toThrow();
  });

  it("issues signed links that verify until they expire", async () => {
    const link = new URL(await storage.signedUrl(key, { expiresInSeconds: 60 }), "http://x");
    expect(link.pathname).toBe(`/api/files/${key}`);
    const expires = Number(link.searchParams.get("expires"));
    const sig = link.searchParams.get("sig")!;
    expect(verifyFileSignature(key, expires, sig, secret)).toBe(true);
    expect(verifyFileSignature("user_abc123/datasets/other.jsonl", expires, sig, secret)).toBe(false);
    expect(verifyFileSignature(key, expires + 60, sig, secret)).toBe(false);
    expect(verifyFileSignature(key, expires, sig, secret, (expires + 1) * 1000)).toBe(false);
  });

  it("rejects keys that escape the user's folder", () => {
    for (const bad of ["../etc/passwd", "user_a/../../x", "user_a/file", "/abs/path/x", "user_a/datasets/../x"]) {
      expect(() => assertStorageKey(bad)).toThrow(/Invalid storage key/);
    }
  });
});
