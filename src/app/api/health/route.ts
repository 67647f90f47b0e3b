import { health } from "@/server/health";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const body = await health();
  return Response.json(body, { status: body.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
});
