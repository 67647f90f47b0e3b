// PLACEHOLDER (Helper U): stands in for Helper B's signed, streamed upload route (which also confirms the
// upload once the bytes are in). Dropped at merge.
import { confirmAndValidate, store } from "@/server/datasets/placeholder-store";

export async function PUT(req: Request, ctx: RouteContext<"/api/uploads/datasets/[id]">) {
  const { id } = await ctx.params;
  const d = store.get(id);
  if (d?.status !== "uploading") return Response.json({ title: "Not Found", detail: "No such upload." }, { status: 404 });
  d.bytes = new Uint8Array(await req.arrayBuffer());
  confirmAndValidate(d);
  return new Response(null, { status: 204 });
}

export async function GET(_req: Request, ctx: RouteContext<"/api/uploads/datasets/[id]">) {
  const { id } = await ctx.params;
  const d = store.get(id);
  if (!d?.bytes || d.deletedAt) return Response.json({ title: "Not Found", detail: "Not found." }, { status: 404 });
  return new Response(d.bytes.slice().buffer, {
    headers: { "content-type": d.contentType || "application/octet-stream", "content-disposition": `attachment; filename="${d.fileName}"` },
  });
}
