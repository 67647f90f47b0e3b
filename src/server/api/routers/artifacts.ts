import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { safeText } from "@/lib/zod/text";
import { artifactById, userArtifact } from "@/server/artifacts/by-id";
import { artifactDownloads } from "@/server/artifacts/links";
import { listArtifacts } from "@/server/artifacts/list";
import { deleteArtifact, updateArtifact } from "@/server/artifacts/manage";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Artifact not found." });
const byIdInput = z.object({ id: z.uuid({ error: "Not an artifact id." }) });

export const artifactsRouter = createTRPCRouter({
  /** The caller's live artifacts, newest first. */
  list: protectedProcedure
    .input(
      z
        .object({ cursor: safeText().max(200).nullish(), limit: z.number().int().min(1).max(100).default(20) })
        .default({ limit: 20 }),
    )
    .query(async ({ ctx, input }) => {
      const page = await listArtifacts(ctx.db, ctx.userId, input);
      if (!page) throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: Invalid cursor" });
      return page;
    }),

  /** Quality metrics (with the convergence rule), training summary, configuration, files and lineage. */
  byId: protectedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    const detail = await artifactById(ctx.db, ctx.userId, input.id);
    if (!detail) throw notFound();
    return detail;
  }),

  /** Signed, expiring links: one per file and one for the whole zip. */
  downloadUrls: protectedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    const row = await userArtifact(ctx.db, ctx.userId, input.id);
    if (!row) throw notFound();
    return artifactDownloads(row);
  }),

  update: protectedProcedure
    .input(
      byIdInput.extend({
        name: safeText()
          .trim()
          .min(1, { error: "Give the artifact a name." })
          .max(120, { error: "Keep the name to 120 characters." })
          .optional(),
        description: safeText().trim().max(2000, { error: "Keep the description to 2,000 characters." }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { id, ...patch } = input;
      const updated = await updateArtifact(ctx.db, ctx.userId, id, patch);
      if (!updated) throw notFound();
      return updated;
    }),

  /** Soft delete: gone from lists and links; the job keeps its checkpoints. */
  delete: protectedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    if (!(await deleteArtifact(ctx.db, ctx.userId, input.id))) throw notFound();
    return { id: input.id, deleted: true as const };
  }),
});
