import "server-only";
import { UTApi, UTFile } from "uploadthing/server";
import { assertStorageKey, DEFAULT_LINK_TTL_S, type FileStorage, StorageLimitError, StorageNotFoundError } from "./types";

/** How long the links the server itself reads through stay valid. */
const READ_LINK_TTL_S = 5 * 60;

/** Reads a stream into Blob parts, refusing it once it exceeds `maxBytes`. */
async function collect(body: ReadableStream<Uint8Array>, maxBytes: number | undefined): Promise<{ parts: Uint8Array[]; size: number }> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { parts, size };
    size += value.byteLength;
    if (maxBytes !== undefined && size > maxBytes) {
      await reader.cancel();
      throw new StorageLimitError(maxBytes);
    }
    parts.push(value);
  }
}

const contentTypeOf = (res: Response) => res.headers.get("content-type") ?? "application/octet-stream";

/**
 * uploadthing with private files; our storage key is the file's customId. Reads go through signed
 * ufs links the SDK computes locally. Browsers upload dataset files straight to uploadthing (the file
 * route in src/server/datasets/uploadthing-router.ts); the server's own puts use the SDK's
 * uploadFiles, which sends a Blob as multipart form data, so putStream gathers the stream first.
 */
export function uploadthingStorage(api = new UTApi({ defaultKeyType: "customId" }), fetchFile: typeof fetch = fetch): FileStorage {
  const link = async (key: string, expiresIn: number) => (await api.generateSignedURL(assertStorageKey(key), { expiresIn })).ufsUrl;

  async function upload(key: string, parts: BlobPart[], contentType: string) {
    assertStorageKey(key);
    const name = key.split("/").pop()!;
    const result = await api.uploadFiles(new UTFile(parts, name, { type: contentType, customId: key }), { acl: "private" });
    if (result.error) throw new Error(`Upload failed: ${result.error.message}`);
    return { key, size: result.data.size };
  }

  return {
    kind: "uploadthing",
    put(key, body, { contentType }) {
      return upload(key, [body as BlobPart], contentType);
    },
    async putStream(key, body, { contentType, maxBytes }) {
      const { parts } = await collect(body, maxBytes);
      return upload(key, parts as BlobPart[], contentType);
    },
    async read(key) {
      const res = await fetchFile(await link(key, READ_LINK_TTL_S));
      if (res.status === 404) throw new StorageNotFoundError(key);
      if (!res.ok) throw new Error(`Download failed with HTTP ${res.status}`);
      return { body: new Uint8Array(await res.arrayBuffer()), contentType: contentTypeOf(res) };
    },
    async readStream(key) {
      const res = await fetchFile(await link(key, READ_LINK_TTL_S));
      if (res.status === 404) {
        await res.body?.cancel();
        throw new StorageNotFoundError(key);
      }
      if (!res.ok || !res.body) {
        await res.body?.cancel();
        throw new Error(`Download failed with HTTP ${res.status}`);
      }
      const length = Number(res.headers.get("content-length") ?? Number.NaN);
      return { body: res.body, size: Number.isSafeInteger(length) ? length : null, contentType: contentTypeOf(res) };
    },
    async head(key) {
      const res = await fetchFile(await link(key, READ_LINK_TTL_S), { method: "HEAD" });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`File check failed with HTTP ${res.status}`);
      const size = Number(res.headers.get("content-length"));
      if (!Number.isSafeInteger(size)) throw new Error("The file check gave no size.");
      return { size, contentType: contentTypeOf(res) };
    },
    signedUrl(key, opts) {
      return link(key, opts?.expiresInSeconds ?? DEFAULT_LINK_TTL_S);
    },
    async delete(key) {
      await api.deleteFiles(assertStorageKey(key));
    },
  };
}
