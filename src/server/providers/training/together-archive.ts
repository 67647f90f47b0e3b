/**
 * Together's `GET /finetune/download` answers an archive of the adapter's files: a Zstandard-
 * compressed tar (`<model>.tar.zst`, what its clients save for a LoRA adapter or a checkpoint) or a
 * gzipped tar (`.tar.gz`, `application/x-tar`). The format is read from the bytes, not the header.
 * fzstd decodes Zstandard in plain JavaScript (Node's own zstd needs ≥ 22.15); nanotar reads the tar.
 */
import { gunzipSync } from "node:zlib";
import { decompress } from "fzstd";
import { parseTar } from "nanotar";
import type { ArtifactFile } from "./types";

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
const GZIP_MAGIC = [0x1f, 0x8b];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
/** POSIX ustar (and GNU tar) headers say "ustar" at offset 257. */
const isTar = (bytes: Uint8Array) => bytes.byteLength >= 512 && new TextDecoder().decode(bytes.subarray(257, 262)) === "ustar";

export function contentTypeOf(name: string): string {
  if (name.endsWith(".json")) return "application/json";
  if (name.endsWith(".txt") || name.endsWith(".md")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

/** The regular files in an archive, by their base names (directories and macOS `._` files dropped). */
export function unpackArchive(bytes: Uint8Array): ArtifactFile[] {
  let tar = bytes;
  if (startsWith(bytes, ZSTD_MAGIC)) tar = decompress(bytes);
  else if (startsWith(bytes, GZIP_MAGIC)) tar = new Uint8Array(gunzipSync(bytes));
  if (!isTar(tar)) throw new Error("not a tar archive (optionally zstd- or gzip-compressed)");
  const files: ArtifactFile[] = [];
  // nanotar reads `data.buffer` from offset 0, ignoring a view's offset: give it a buffer of its own.
  const own = tar.byteOffset === 0 && tar.byteLength === tar.buffer.byteLength ? tar : tar.slice();
  for (const item of parseTar(own)) {
    if (item.type !== undefined && item.type !== "file" && item.type !== "contiguousFile") continue;
    const name = item.name.split("/").filter(Boolean).pop();
    if (!name || name.startsWith("._") || !item.data) continue;
    files.push({ name, contentType: contentTypeOf(name), data: item.data });
  }
  return files;
}
