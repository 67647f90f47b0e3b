import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { verifyZipSignature } from "@/server/artifacts/links";
import { zipStream } from "@/server/artifacts/zip";
import { getDb } from "@/server/db";
import { modelArtifacts } from "@/server/db/schema";
import { problem } from "@/server/http/problem";
import { route } from "@/server/http/route";
import { getStorage } from "@/server/storage";

const idSchema = z.uuid();

/** "Support bot · Llama 3.1 8B v2" → "Support-bot-Llama-3.1-8B-v2": a file name every system takes. */
function zipName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 100);
  return `${slug || "adapter"}.zip`;
}

/** "Download all": the artifact's files as one streamed zip, for a signed, unexpired link (artifacts.downloadUrls). */
export const GET = route(async (req: Request, ctx: RouteContext<"/api/artifacts/[id]/zip">) => {
  const { id } = await ctx.params;
  const url = new URL(req.url);
  if (!idSchema.safeParse(id).success)
    return problem(req, { status: 400, title: "Bad Request", detail: "Invalid artifact id." });
  const expires = Number(url.searchParams.get("expires"));
  if (!verifyZipSignature(id, expires, url.searchParams.get("sig") ?? "")) {
    return problem(req, { status: 403, title: "Forbidden", detail: "This download link is invalid or has expired." });
  }
  const db = await getDb();
  const [artifact] = await db
    .select({ name: modelArtifacts.name, files: modelArtifacts.files, createdAt: modelArtifacts.createdAt })
    .from(modelArtifacts)
    .where(and(eq(modelArtifacts.id, id), isNull(modelArtifacts.deletedAt)))
    .limit(1);
  if (!artifact) return problem(req, { status: 404, title: "Not Found", detail: "Artifact not found." });
  const storage = await getStorage();
  const body = zipStream(
    artifact.files.map((f) => ({ name: f.name, read: async () => (await storage.read(f.key)).body })),
    artifact.createdAt,
  );
  return new Response(body, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${zipName(artifact.name)}"`,
      "cache-control": "private, no-store",
    },
  });
});
