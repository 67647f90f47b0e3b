import { localStorage, verifyFileSignature } from "@/server/storage/local";
import { assertStorageKey } from "@/server/storage/types";
import { route } from "@/server/http/route";

/** Serves local-disk files for signed, unexpired links (the offline stand-in for uploadthing URLs). */
export const GET = route(async (req: Request, ctx: RouteContext<"/api/files/[...key]">) => {
  const { key: parts } = await ctx.params;
  const url = new URL(req.url);
  const key = parts.map(decodeURIComponent).join("/");
  try {
    assertStorageKey(key);
  } catch {
    return Response.json({ error: "Invalid file key" }, { status: 400 });
  }
  const expires = Number(url.searchParams.get("expires"));
  const sig = url.searchParams.get("sig") ?? "";
  if (!verifyFileSignature(key, expires, sig)) {
    return Response.json({ error: "This download link is invalid or has expired." }, { status: 403 });
  }
  try {
    const file = await localStorage().read(key);
    return new Response(file.body as BodyInit, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${key.split("/").pop()}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch {
    return Response.json({ error: "File not found" }, { status: 404 });
  }
});
