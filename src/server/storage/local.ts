import "server-only";
import crypto from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sessionSecret } from "@/server/auth/local-session";
import { assertStorageKey, DEFAULT_LINK_TTL_S, type FileStorage, StorageLimitError, StorageNotFoundError } from "./types";

function sign(key: string, expires: number, secret: Buffer) {
  return crypto.createHmac("sha256", secret).update(`file:${key}:${expires}`).digest("base64url");
}

/** True when `sig` was issued for this key and `expires` (unix seconds) has not passed. */
export function verifyFileSignature(key: string, expires: number, sig: string, secret = sessionSecret(), now = Date.now()) {
  if (!Number.isFinite(expires) || expires * 1000 < now) return false;
  const expected = Buffer.from(sign(key, expires, secret));
  const given = Buffer.from(sig);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

const isMissing = (err: unknown) => err instanceof Error && "code" in err && err.code === "ENOENT";

/** Counts what passes and fails the stream once it exceeds `maxBytes`. */
function byteLimit(maxBytes: number | undefined, counted: { bytes: number }) {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counted.bytes += chunk.byteLength;
      if (maxBytes !== undefined && counted.bytes > maxBytes) done(new StorageLimitError(maxBytes));
      else done(null, chunk);
    },
  });
}

/** Files on local disk; links are served by /api/files with an HMAC signature and expiry. */
export function localStorage(root = path.join(process.cwd(), ".data", "uploads"), secret?: Buffer): FileStorage {
  // Uploads are runtime data, not part of the server bundle: without the ignore comment Turbopack
  // cannot bound this path and traces the whole project into the build output.
  const file = (key: string) => path.join(/*turbopackIgnore: true*/ root, assertStorageKey(key));
  const metaOf = (target: string) => `${target}.meta.json`;

  async function contentTypeOf(target: string): Promise<string> {
    const meta = await fs.readFile(metaOf(target), "utf8").catch(() => "{}");
    return (JSON.parse(meta) as { contentType?: string }).contentType ?? "application/octet-stream";
  }

  return {
    kind: "local",
    async put(key, body, { contentType }) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, body);
      await fs.writeFile(metaOf(target), JSON.stringify({ contentType }));
      return { key, size: body.byteLength };
    },
    async putStream(key, body, { contentType, maxBytes }) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Written beside the target and renamed over it once complete: a reader never sees half a file,
      // and two uploads racing for one key each write their own part.
      const part = `${target}.part-${crypto.randomUUID()}`;
      const counted = { bytes: 0 };
      try {
        await pipeline(Readable.from(body), byteLimit(maxBytes, counted), createWriteStream(part, { flags: "wx" }));
        await fs.writeFile(metaOf(target), JSON.stringify({ contentType }));
        await fs.rename(part, target);
      } catch (err) {
        await fs.rm(part, { force: true });
        throw err;
      }
      return { key, size: counted.bytes };
    },
    async read(key) {
      const target = file(key);
      const [body, contentType] = await Promise.all([fs.readFile(target), contentTypeOf(target)]);
      return { body, contentType };
    },
    async readStream(key) {
      const target = file(key);
      // Opened before returning, so a missing file fails here rather than on the first read.
      const handle = await fs.open(target, "r").catch((err: unknown) => {
        throw isMissing(err) ? new StorageNotFoundError(key) : err;
      });
      const stat = await handle.stat();
      if (!stat.isFile()) {
        await handle.close();
        throw new StorageNotFoundError(key);
      }
      const { size } = stat;
      const contentType = await contentTypeOf(target);
      // The stream closes the handle when it ends, fails or is cancelled.
      return { body: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>, size, contentType };
    },
    async head(key) {
      const target = file(key);
      try {
        const stat = await fs.stat(target);
        return stat.isFile() ? { size: stat.size, contentType: await contentTypeOf(target) } : null;
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async signedUrl(key, opts) {
      assertStorageKey(key);
      const expires = Math.floor(Date.now() / 1000) + (opts?.expiresInSeconds ?? DEFAULT_LINK_TTL_S);
      const sig = sign(key, expires, secret ?? sessionSecret());
      return `/api/files/${key.split("/").map(encodeURIComponent).join("/")}?expires=${expires}&sig=${sig}`;
    },
    async delete(key) {
      const target = file(key);
      await Promise.all([fs.rm(target, { force: true }), fs.rm(metaOf(target), { force: true })]);
    },
  };
}
