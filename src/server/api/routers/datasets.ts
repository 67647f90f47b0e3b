// PLACEHOLDER (Helper U): Helper B's `datasets` router's procedures and shapes over an in-memory store, so
// the UI runs before B's branch lands. Dropped at merge.
import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { DATASET_STATUSES } from "@/lib/dataset-lifecycle";
import { DATASET_FORMATS } from "@/lib/datasets/types";
import { createUploadInputSchema, datasetFileIssues, type UploadTarget } from "@/lib/datasets/upload-target";
import { safeText } from "@/lib/zod/text";
import { confirmAndValidate, detail, listItem, logEvent, type PlaceholderDataset, store } from "@/server/datasets/placeholder-store";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const byId = z.object({ id: z.uuid() });

function own(userId: string, id: string): PlaceholderDataset {
  const d = store.get(id);
  if (!d || d.userId !== userId || d.deletedAt) throw new TRPCError({ code: "NOT_FOUND", message: "Dataset not found." });
  return d;
}

export const datasetsRouter = createTRPCRouter({
  createUpload: protectedProcedure.input(createUploadInputSchema).mutation(({ ctx, input }) => {
    const [issue] = datasetFileIssues(input, 1024 ** 3);
    if (issue) throw new TRPCError({ code: "BAD_REQUEST", message: `${issue.path}: ${issue.message}` });
    const id = crypto.randomUUID();
    const now = new Date();
    const d: PlaceholderDataset = {
      id,
      userId: ctx.userId,
      name: input.name,
      description: input.description ?? "",
      fileName: input.fileName,
      fileSize: input.fileSize,
      contentType: input.contentType,
      baseModelId: input.baseModelId ?? null,
      contextLength: input.baseModelId ? 8192 : null,
      validationSplit: input.validationSplit ?? null,
      status: "uploading",
      statusReason: null,
      format: null,
      tokenizer: null,
      stats: null,
      examples: null,
      totalTokens: null,
      preview: [],
      errors: [],
      errorCounts: {},
      totalErrors: 0,
      warnings: [],
      warningCounts: {},
      totalWarnings: 0,
      validatedBytes: 0,
      events: [],
      bytes: null,
      createdAt: now,
      updatedAt: now,
      uploadedAt: null,
      validatedAt: null,
      deletedAt: null,
    };
    logEvent(d, "uploading", "created", "Upload started");
    store.set(id, d);
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
    if (!d.bytes) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The file has not arrived yet." });
    confirmAndValidate(d);
    return { id: d.id, status: d.status };
  }),

  list: protectedProcedure
    .input(
      z
        .object({
          search: safeText().trim().max(200).optional(),
          format: z.enum(DATASET_FORMATS).optional(),
          status: z.enum(DATASET_STATUSES).optional(),
          sort: z.enum(["newest", "oldest", "name", "size"]).default("newest"),
          cursor: safeText().max(2000).nullish(),
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

  byId: protectedProcedure.input(byId).query(({ ctx, input }) => detail(own(ctx.userId, input.id))),

  update: protectedProcedure
    .input(
      z.object({
        id: z.uuid(),
        name: createUploadInputSchema.shape.name.optional(),
        description: safeText().trim().max(2000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const d = own(ctx.userId, input.id);
      if (input.name !== undefined) d.name = input.name;
      if (input.description !== undefined) d.description = input.description;
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
    if (!d.bytes) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The file has not been uploaded yet." });
    return { url: `/api/uploads/datasets/${d.id}?download=1`, expiresAt: new Date(Date.now() + 3600_000).toISOString() };
  }),
});
