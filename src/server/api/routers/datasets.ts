import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { DATASET_STATUSES } from "@/lib/dataset-lifecycle";
import { DATASET_FORMATS } from "@/lib/datasets/types";
import { createUploadInputSchema } from "@/lib/datasets/upload-target";
import { safeText } from "@/lib/zod/text";
import { datasetById } from "@/server/datasets/by-id";
import { confirmDatasetUpload } from "@/server/datasets/confirm";
import { createDatasetUpload, type DatasetFieldIssue } from "@/server/datasets/create";
import { datasetMaxBytes } from "@/server/datasets/limits";
import { DATASET_SORTS, listDatasets } from "@/server/datasets/list";
import { datasetDownloadLink, deleteDataset, updateDataset } from "@/server/datasets/manage";
import { kickOutbox } from "@/server/outbox/dispatcher";
import { storageAdapter } from "@/server/storage/adapter";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Dataset not found." });

/** Carries `issues` as a failed input schema does, so the error formatter sends them field by field. */
class FieldValidationError extends Error {
  constructor(readonly issues: DatasetFieldIssue[]) {
    super("The dataset upload is not valid.");
    this.name = "FieldValidationError";
  }
}

const byIdInput = z.object({ id: z.uuid({ error: "Not a dataset id." }) });

const listInput = z
  .object({
    search: safeText().trim().max(200).optional(),
    format: z.enum(DATASET_FORMATS).optional(),
    status: z.enum(DATASET_STATUSES).optional(),
    sort: z.enum(DATASET_SORTS).default("newest"),
    cursor: safeText().max(2000).nullish(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .default({ sort: "newest", limit: 20 });

const updateInput = byIdInput
  .extend({
    name: createUploadInputSchema.shape.name.optional(),
    description: safeText().trim().max(2000, { error: "At most 2,000 characters." }).optional(),
  })
  .refine((v) => v.name !== undefined || v.description !== undefined, { error: "Change the name or the description." });

export const datasetsRouter = createTRPCRouter({
  /**
   * Checks the file's declared name, type and size (the same limits apply where the bytes arrive),
   * records the dataset as uploading and says where to send the file.
   */
  createUpload: protectedProcedure.input(createUploadInputSchema).mutation(async ({ ctx, input }) => {
    const result = await createDatasetUpload(ctx.db, ctx.userId, input, { maxBytes: datasetMaxBytes(), storageKind: storageAdapter() });
    if (!result.ok) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "The dataset upload is not valid.", cause: new FieldValidationError(result.issues) });
    }
    return { id: result.id, upload: result.upload };
  }),

  /** The file is uploaded: validation starts (idempotent; the place the bytes arrived may have confirmed first). */
  confirmUpload: protectedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    const result = await confirmDatasetUpload(ctx.db, ctx.userId, input.id, { maxBytes: datasetMaxBytes() });
    if (!result.ok) {
      if (result.code === "not_found") throw notFound();
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: result.reason });
    }
    if (result.started) kickOutbox();
    return { id: result.id, status: result.status };
  }),

  /** The caller's datasets: search, format and status filters, four orders, a page at a time. */
  list: protectedProcedure.input(listInput).query(async ({ ctx, input }) => {
    const page = await listDatasets(ctx.db, ctx.userId, input);
    if (!page) throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: Invalid cursor" });
    return page;
  }),

  /** One dataset with its statistics, preview, line-numbered issues and timeline. */
  byId: protectedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    const detail = await datasetById(ctx.db, ctx.userId, input.id);
    if (!detail) throw notFound();
    return detail;
  }),

  update: protectedProcedure.input(updateInput).mutation(async ({ ctx, input }) => {
    const { id, ...patch } = input;
    if (!(await updateDataset(ctx.db, ctx.userId, id, patch))) throw notFound();
    const detail = await datasetById(ctx.db, ctx.userId, id);
    if (!detail) throw notFound();
    return { id, name: detail.name, description: detail.description };
  }),

  /** Soft delete; the file is removed later by a background function. */
  delete: protectedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    if (!(await deleteDataset(ctx.db, ctx.userId, input.id))) throw notFound();
    kickOutbox();
    return { id: input.id };
  }),

  /** A fresh link to the file that works for an hour (fetch it on click: `utils.datasets.downloadUrl.fetch`). */
  downloadUrl: protectedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    const link = await datasetDownloadLink(ctx.db, ctx.userId, input.id);
    if (!link.ok) {
      if (link.code === "not_found") throw notFound();
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The file has not been uploaded yet." });
    }
    return { url: link.url, expiresAt: link.expiresAt.toISOString() };
  }),
});
