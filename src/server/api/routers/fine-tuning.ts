import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { PricingError } from "@/lib/pricing/price";
import { fineTuneIssue } from "@/lib/training/models";
import { trainingConfigSchema } from "@/lib/training/schema";
import { TRAINING_STATUSES } from "@/lib/training-lifecycle";
import { safeText } from "@/lib/zod/text";
import { estimateAgainstBudget } from "@/lib/costs/budget";
import { budgetView, limitRefusal } from "@/server/costs/budget";
import { kickOutbox } from "@/server/outbox/dispatcher";
import { ownsTrainingJob, trainingJobById } from "@/server/training/by-id";
import { requestTrainingCancel } from "@/server/training/cancel";
import { createTrainingJob } from "@/server/training/create";
import { TrainingGraphError } from "@/server/training/graph-error";
import { listTrainingJobs } from "@/server/training/list";
import { catalogModel, isTrainable, userDataset } from "@/server/training/lookup";
import { checkpointsOf, isPlainSeries, logsFor, metricsFor, parseLogCursor } from "@/server/training/series";
import { estimateFor, validateTrainingRequest, warningsFor } from "@/server/training/validate";
import type { Db } from "@/server/db/types";
import { asPlainJson } from "../plain-json";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Training job not found." });
const unprocessable = (message: string) => new TRPCError({ code: "UNPROCESSABLE_CONTENT", message });

const jobIdSchema = z.uuid({ error: "Not a training job id." });
const byIdInput = z.object({ id: jobIdSchema });

/** A training request: the graph is checked by deep validation (400 with every problem), not here. */
const graphInput = z.object({ graph: z.unknown() });

const idempotencyKeySchema = z
  .string()
  .min(8, { error: "Idempotency key is too short." })
  .max(128, { error: "Idempotency key is too long." })
  .regex(/^[A-Za-z0-9_-]+$/, { error: "Idempotency key may hold letters, digits, dashes and underscores." });

async function ownJob(db: Db, userId: string, id: string): Promise<void> {
  if (!(await ownsTrainingJob(db, userId, id))) throw notFound();
}

export const fineTuningRouter = createTRPCRouter({
  /** The server's estimate for a configuration on one of the caller's ready datasets, and its warnings. */
  estimate: protectedProcedure.input(z.object({ config: trainingConfigSchema })).query(async ({ ctx, input }) => {
    const { config } = input;
    const [dataset, model] = await Promise.all([
      userDataset(ctx.db, ctx.userId, config.datasetId),
      catalogModel(ctx.db, config.baseModelId),
    ]);
    if (!dataset) throw new TRPCError({ code: "NOT_FOUND", message: "That dataset does not exist, or is not yours." });
    if (!isTrainable(dataset))
      throw unprocessable(`Dataset "${dataset.name}" is ${dataset.status}: only a ready dataset can be estimated.`);
    if (!model)
      throw new TRPCError({ code: "NOT_FOUND", message: `There is no model "${config.baseModelId}" in the catalog.` });
    const issue = fineTuneIssue(model);
    if (issue) throw unprocessable(issue);
    try {
      const estimate = estimateFor(config, dataset.stats, model);
      return {
        estimate,
        warnings: warningsFor(config, dataset.stats),
        budget: estimateAgainstBudget(await budgetView(ctx.db, ctx.userId), estimate.totalCents),
      };
    } catch (err) {
      if (err instanceof PricingError) throw unprocessable(err.message);
      throw err;
    }
  }),

  /** Deep validation alone (before Start training): `{ ok: true }`, or the same errors as create. */
  validateGraph: protectedProcedure.input(graphInput).mutation(async ({ ctx, input }) => {
    const result = await validateTrainingRequest(ctx.db, ctx.userId, input.graph);
    if (!result.ok) throw new TrainingGraphError(result.error);
    return { ok: true as const };
  }),

  /** Validates, estimates, stores and starts training; one job per idempotency key. */
  create: protectedProcedure
    .input(graphInput.extend({ idempotencyKey: idempotencyKeySchema }))
    .mutation(async ({ ctx, input }) => {
      const refusal = await limitRefusal(ctx.db, ctx.userId);
      if (refusal) throw unprocessable(refusal);
      const result = await createTrainingJob(ctx.db, ctx.userId, {
        graph: input.graph,
        idempotencyKey: input.idempotencyKey,
      });
      if (!result.ok) {
        if (result.code === "invalid") throw new TrainingGraphError(result.error);
        throw new TRPCError({ code: "CONFLICT", message: `idempotencyKey: ${result.message}` });
      }
      if (result.created) kickOutbox();
      return { id: result.id, created: result.created };
    }),

  /** The caller's jobs, newest first. */
  list: protectedProcedure
    .input(
      z
        .object({
          status: z.enum(TRAINING_STATUSES).optional(),
          cursor: safeText().max(200).nullish(),
          limit: z.number().int().min(1).max(100).default(20),
        })
        .default({ limit: 20 }),
    )
    .query(async ({ ctx, input }) => {
      const page = await listTrainingJobs(ctx.db, ctx.userId, input);
      if (!page) throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: Invalid cursor" });
      return page;
    }),

  /** One job with its timeline (`events`) and the artifact it produced. */
  byId: protectedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    const detail = await trainingJobById(ctx.db, ctx.userId, input.id);
    if (!detail) throw notFound();
    return detail;
  }),

  /** Metrics points after `afterStep`, ascending by step, at most 10,000. */
  metrics: protectedProcedure
    .input(z.object({ id: jobIdSchema, afterStep: z.number().int().min(0).max(1_000_000_000).optional() }))
    .query(async ({ ctx, input }) => {
      const points = await metricsFor(ctx.db, ctx.userId, input.id, input.afterStep ?? 0);
      if (!points) throw notFound();
      const result = { points };
      return isPlainSeries(points) ? asPlainJson(result) : result;
    }),

  /** Log lines from `cursor` on (from the start without one), a page at a time. */
  logs: protectedProcedure
    .input(z.object({ id: jobIdSchema, cursor: safeText().max(20).nullish() }))
    .query(async ({ ctx, input }) => {
      const from = parseLogCursor(input.cursor);
      if (from === null) throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: Invalid cursor" });
      const page = await logsFor(ctx.db, ctx.userId, input.id, from);
      if (!page) throw notFound();
      return asPlainJson(page);
    }),

  /** Every checkpoint, the best (lowest validation loss) marked. */
  checkpoints: protectedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await ownJob(ctx.db, ctx.userId, input.id);
    return { items: await checkpointsOf(ctx.db, input.id) };
  }),

  /** Cancels a live job: cancelled at once, completed steps billed, the provider stopped after. */
  cancel: protectedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    const result = await requestTrainingCancel(ctx.db, ctx.userId, input.id);
    if (!result.ok) {
      if (result.code === "not_found") throw notFound();
      throw new TRPCError({ code: "CONFLICT", message: result.reason });
    }
    kickOutbox();
    return { id: result.id, status: result.status };
  }),
});
