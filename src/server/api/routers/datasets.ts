/** PLACEHOLDER (dropped at merge): the two procedures of Helper B's datasets router the configurator reads. */
import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { PLACEHOLDER_DATASETS } from "@/server/placeholder/training-store";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const STATUSES = ["uploading", "validating", "ready", "error"] as const;

export const datasetsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ status: z.enum(STATUSES).optional(), search: z.string().optional(), limit: z.number().int().default(20), cursor: z.string().nullish() }).default({ limit: 20 }))
    .query(({ input }) => ({
      items: PLACEHOLDER_DATASETS.filter((d) => !input.status || d.status === input.status).map((d) => ({
        id: d.id,
        name: d.name,
        status: d.status,
        format: d.format,
        fileName: d.fileName,
        fileSize: d.fileSize,
        examples: d.stats?.examples ?? null,
        totalTokens: d.stats?.totalTokens ?? null,
        createdAt: d.createdAt,
      })),
      nextCursor: null,
    })),

  byId: protectedProcedure.input(z.object({ id: z.uuid({ error: "Not a dataset id." }) })).query(({ input }) => {
    const d = PLACEHOLDER_DATASETS.find((x) => x.id === input.id);
    if (!d) throw new TRPCError({ code: "NOT_FOUND", message: "Dataset not found." });
    return {
      id: d.id,
      name: d.name,
      status: d.status,
      statusReason: d.statusReason,
      format: d.format,
      fileName: d.fileName,
      fileSize: d.fileSize,
      examples: d.stats?.examples ?? null,
      totalTokens: d.stats?.totalTokens ?? null,
      stats: d.stats,
      createdAt: d.createdAt,
    };
  }),
});
