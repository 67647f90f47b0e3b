import { storageFor, StorageNotFoundError } from "@/server/storage";
import { verifyFileSignature } from "@/server/storage/local";
import { assertStorageKey } from "@/server/storage/types";
import { problem } from "@/server/http/problem";
import { route } from "@/server/http/route";

/** The storage key named by the path, or null for a bad one (including malformed percent-encoding: "%", "%E0%A4%A"). */
function keyOf(parts: string[]): string | null {
  try {
    return assertStorageKey(parts.map(decodeURIComponent).join("/"));
  } catch {
    return null;
  }
}

/** Serves local-disk files for signed, unexpired links (the offline stand-in for uploadthing URLs). */
export const GET = route(async (req: Request, ctx: RouteContext<"/api/files/[...key]">) => {
  const { key: parts } = await ctx.params;
  const url = new URL(req.url);
  const key = keyOf(parts);
  if (key === null) return problem(req, { status: 400, title: "Bad Request", detail: "Invalid file key." });
  const expires = Number(url.searchParams.get("expires"));
  const sig = url.searchParams.get("sig") ?? "";
  if (!verifyFileSignature(key, expires, sig)) {
    return problem(req, { status: 403, title: "Forbidden", detail: "This download link is invalid or has expired." });
  }
  try {
    // Streamed: a dataset file can be a gigabyte.
    const file = await (await storageFor("local")).readStream(key);
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        ...(file.size === null ? {} : { "content-length": String(file.size) }),
        "content-disposition": `attachment; filename="${key.split("/").pop()}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof StorageNotFoundError) return problem(req, { status: 404, title: "Not Found", detail: "File not found." });
    throw err;
  }
});
