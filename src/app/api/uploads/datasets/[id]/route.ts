// PLACEHOLDER (Helper U): stands in for Helper B's signed, streamed upload route. Dropped at merge.
import { store } from "@/server/datasets/placeholder-store";

export async function PUT(req: Request, ctx: RouteContext<"/api/uploads/datasets/[id]">) {
  const { id } = await ctx.params;
  const d = store.get(id);
  if (d?.status !== "uploading") return Response.json({ error: "Unknown upload." }, { status: 404 });
  d.bytes = new Uint8Array(await req.arrayBuffer());
  return new Response(null, { status: 204 });
}

export async function GET(_req: Request, ctx: RouteContext<"/api/uploads/datasets/[id]">) {
  const { id } = await ctx.params;
  const d = store.get(id);
  if (!d?.bytes || d.deletedAt) return Response.json({ error: "Not found." }, { status: 404 });
  return new Response(d.bytes.slice().buffer, {
    headers: { "content-type": d.contentType, "content-disposition": `attachment; filename="${d.fileName}"` },
  });
}
