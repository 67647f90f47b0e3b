// PLACEHOLDER (Helper U): the planned `datasets` router's shapes over an in-memory store, so the UI runs
// before Helper B's real router lands. Dropped at merge.
import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { DATASET_FORMATS } from "@/lib/datasets/types";
import type { UploadTarget } from "@/lib/datasets/upload-target";
import { safeText } from "@/lib/zod/text";
import { type DatasetStatus, move, type PlaceholderDataset, store, validateLater } from "@/server/datasets/placeholder-store";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const STATUSES = ["uploading", "validating", "ready", "error"] as const satisfies readonly DatasetStatus[];
const byId = z.object({ id: z.uuid() });

function own(userId: string, id: string): PlaceholderDataset {
  const d = store.get(id);
  if (!d || d.userId !== userId || d.deletedAt) throw new TRPCError({ code: "NOT_FOUND", message: "Dataset not found." });
  return d;
}

function listItem(d: PlaceholderDataset) {
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    fileName: d.fileName,
    fileSize: d.fileSize,
    format: d.format,
    status: d.status,
    examples: d.stats?.examples ?? null,
    totalTokens: d.stats?.totalTokens ?? null,
    totalErrors: d.totalErrors,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export const datasetsRouter = createTRPCRouter({
  createUpload: protectedProcedure
    .input(
      z.object({
        name: safeText().trim().min(1).max(200),
        description: safeText().trim().max(2000).optional(),
        fileName: safeText().trim().min(1).max(255),
        fileSize: z.number().int().min(1).max(1024 ** 3),
        contentType: safeText().max(200),
        baseModelId: safeText().max(200).optional(),
        validationSplit: z.number().min(0).max(0.5).optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const id = crypto.randomUUID();
      const now = new Date();
      store.set(id, {
        id,
        userId: ctx.userId,
        name: input.name,
        description: input.description ?? null,
        fileName: input.fileName,
        fileSize: input.fileSize,
        contentType: input.contentType,
        baseModelId: input.baseModelId ?? null,
        validationSplit: input.validationSplit ?? null,
        status: "uploading",
        statusReason: null,
        format: null,
        tokenizer: null,
        stats: null,
        preview: [],
        errors: [],
        errorCounts: {},
        totalErrors: 0,
        warnings: [],
        warningCounts: {},
        totalWarnings: 0,
        events: [{ id: crypto.randomUUID(), fromStatus: null, toStatus: "uploading", message: "Upload started", createdAt: now }],
        bytes: null,
        createdAt: now,
        updatedAt: now,
        validatedAt: null,
        deletedAt: null,
      });
      const upload: UploadTarget = {
        kind: "local",
        url: `/api/uploads/datasets/${id}?expires=0&sig=placeholder`,
        method: "PUT",
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      };
      return { id, upload };
    }),

  confirmUpload: protectedProcedure.input(byId).mutation(({ ctx, input }) => {
    const d = own(ctx.userId, input.id);
    if (d.status !== "uploading" || !d.bytes) throw new TRPCError({ code: "CONFLICT", message: "The file has not arrived yet." });
    move(d, "validating", "Upload complete");
    validateLater(d);
    return { id: d.id, status: d.status };
  }),

  list: protectedProcedure
    .input(
      z
        .object({
          search: safeText().trim().max(100).optional(),
          format: z.enum(DATASET_FORMATS).optional(),
          status: z.enum(STATUSES).optional(),
          sort: z.enum(["newest", "oldest", "name", "size"]).default("newest"),
          cursor: safeText().max(200).nullish(),
          limit: z.number().int().min(1).max(100).default(20),
        })
        .default({ sort: "newest", limit: 20 }),
    )
    .query(({ ctx, input }) => {
      const q = input.search?.toLowerCase();
      const rows = [...store.values()]
        .filter((d) => d.userId === ctx.userId && !d.deletedAt)
        .filter((d) => !q || d.name.toLowerCase().includes(q) || d.fileName.toLowerCase().includes(q))
        .filter((d) => !input.format || d.format === input.format)
        .filter((d) => !input.status || d.status === input.status)
        .sort((a, b) => {
          if (input.sort === "name") return a.name.localeCompare(b.name);
          if (input.sort === "size") return b.fileSize - a.fileSize;
          const diff = a.createdAt.getTime() - b.createdAt.getTime();
          return input.sort === "oldest" ? diff : -diff;
        });
      const start = input.cursor ? Number(input.cursor) : 0;
      const page = rows.slice(start, start + input.limit);
      const next = start + input.limit < rows.length ? String(start + input.limit) : null;
      return { items: page.map(listItem), nextCursor: next };
    }),

  byId: protectedProcedure.input(byId).query(({ ctx, input }) => {
    const { bytes: _bytes, userId: _userId, deletedAt: _deletedAt, ...rest } = own(ctx.userId, input.id);
    return rest;
  }),

  update: protectedProcedure
    .input(
      z.object({
        id: z.uuid(),
        name: safeText().trim().min(1).max(200).optional(),
        description: safeText().trim().max(2000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const d = own(ctx.userId, input.id);
      if (input.name !== undefined) d.name = input.name;
      if (input.description !== undefined) d.description = input.description || null;
      d.updatedAt = new Date();
      return { id: d.id, name: d.name, description: d.description };
    }),

  delete: protectedProcedure.input(byId).mutation(({ ctx, input }) => {
    const d = own(ctx.userId, input.id);
    d.deletedAt = new Date();
    return { id: d.id };
  }),

  downloadUrl: protectedProcedure.input(byId).query(({ ctx, input }) => {
    const d = own(ctx.userId, input.id);
    return { url: `/api/uploads/datasets/${d.id}?download=1`, expiresAt: new Date(Date.now() + 3600_000) };
  }),
});
