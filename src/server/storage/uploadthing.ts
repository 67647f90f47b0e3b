import "server-only";
import { UTApi, UTFile } from "uploadthing/server";
import { assertStorageKey, DEFAULT_LINK_TTL_S, type FileStorage } from "./types";

/** uploadthing with private files; our storage key is the file's customId. */
export function uploadthingStorage(api = new UTApi({ defaultKeyType: "customId" })): FileStorage {
  return {
    kind: "uploadthing",
    async put(key, body, { contentType }) {
      assertStorageKey(key);
      const name = key.split("/").pop()!;
      const result = await api.uploadFiles(new UTFile([body as BlobPart], name, { type: contentType, customId: key }), {
        acl: "private",
      });
      if (result.error) throw new Error(`Upload failed: ${result.error.message}`);
      return { key, size: result.data.size };
    },
    async read(key) {
      const { ufsUrl } = await api.generateSignedURL(assertStorageKey(key), { expiresIn: 60 });
      const res = await fetch(ufsUrl);
      if (!res.ok) throw new Error(`Download failed with HTTP ${res.status}`);
      return { body: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get("content-type") ?? "application/octet-stream" };
    },
    async signedUrl(key, opts) {
      const { ufsUrl } = await api.generateSignedURL(assertStorageKey(key), {
        expiresIn: opts?.expiresInSeconds ?? DEFAULT_LINK_TTL_S,
      });
      return ufsUrl;
    },
    async delete(key) {
      await api.deleteFiles(assertStorageKey(key));
    },
  };
}
