import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { sessionSecret } from "@/server/auth/local-session";
import { assertStorageKey, DEFAULT_LINK_TTL_S, type FileStorage } from "./types";

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

/** Files on local disk; links are served by /api/files with an HMAC signature and expiry. */
export function localStorage(root = path.join(process.cwd(), ".data", "uploads"), secret?: Buffer): FileStorage {
  // Uploads are runtime data, not part of the server bundle: without the ignore comment Turbopack
  // cannot bound this path and traces the whole project into the build output.
  const file = (key: string) => path.join(/*turbopackIgnore: true*/ root, assertStorageKey(key));
  return {
    kind: "local",
    async put(key, body, { contentType }) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, body);
      await fs.writeFile(`${target}.meta.json`, JSON.stringify({ contentType }));
      return { key, size: body.byteLength };
    },
    async read(key) {
      const target = file(key);
      const [body, meta] = await Promise.all([fs.readFile(target), fs.readFile(`${target}.meta.json`, "utf8").catch(() => "{}")]);
      return { body, contentType: (JSON.parse(meta) as { contentType?: string }).contentType ?? "application/octet-stream" };
    },
    async signedUrl(key, opts) {
      assertStorageKey(key);
      const expires = Math.floor(Date.now() / 1000) + (opts?.expiresInSeconds ?? DEFAULT_LINK_TTL_S);
      const sig = sign(key, expires, secret ?? sessionSecret());
      return `/api/files/${key.split("/").map(encodeURIComponent).join("/")}?expires=${expires}&sig=${sig}`;
    },
    async delete(key) {
      const target = file(key);
      await Promise.all([fs.rm(target, { force: true }), fs.rm(`${target}.meta.json`, { force: true })]);
    },
  };
}
