/** PLACEHOLDER (dropped at merge): Helper J's fineTuning router, answering the planned shapes from memory. */
import "server-only";
import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { costSoFar } from "@/lib/pricing/training";
import { canCancel, isLive, TRAINING_STATUSES } from "@/lib/training-lifecycle";
import { deepValidateTrainingGraph, GRAPH_ERROR_TRPC_CODE } from "@/lib/training/graph-validation";
import { trainingConfigSchema } from "@/lib/training/schema";
import { trainingWarnings } from "@/lib/training/warnings";
import { models } from "@/server/db/schema";
import {
  completedAtOf,
  costOf,
  ensureArtifact,
  etaOf,
  logsOf,
  makeEstimate,
  PLACEHOLDER_DATASETS,
  type PJob,
  pointAt,
  startedAtOf,
  statusOf,
  stepsDone,
  store,
} from "@/server/placeholder/training-store";
import type {
  MetricsPoint,
  TrainingCheckpointItem,
  TrainingJobDetail,
  TrainingJobListItem,
  TrainingLogPage,
} from "@/server/placeholder/shapes";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const idInput = z.object({ id: z.uuid() });

function own(userId: string, id: string): PJob {
  const job = store.jobs.get(id);
  if (!job || job.userId !== userId) throw new TRPCError({ code: "NOT_FOUND", message: "Training job not found." });
  return job;
}

function metricsOf(job: PJob) {
  const done = stepsDone(job);
  if (done === 0) return null;
  const p = pointAt(job, done);
  let val: number | null = null;
  for (let s = done; s > 0 && val === null; s--) val = pointAt(job, s).validationLoss;
  return { ...p, validationLoss: val };
}

function view(job: PJob): TrainingJobDetail {
  const { status, stage } = statusOf(job);
  const done = status === "completed" ? job.estimate.totalSteps : stepsDone(job);
  const progress = status === "completed" ? 100 : Math.floor((done / job.estimate.totalSteps) * 95);
  const artifactId = ensureArtifact(job);
  const m = metricsOf(job);
  return {
    id: job.id,
    name: job.name,
    status,
    stage,
    progress,
    config: job.config,
    estimate: job.estimate,
    currentEpoch: m?.epoch ?? 0,
    totalEpochs: job.config.hyperparameters.epochs,
    currentStep: done,
    totalSteps: job.estimate.totalSteps,
    currentMetrics: m,
    costSoFarCents: costOf(job),
    finalCostCents: isLive(status) ? null : costOf(job),
    providerKind: "simulator",
    estimatedTotalCents: job.estimate.totalCents,
    estimatedCompletionAt: isLive(status) ? etaOf(job) : null,
    dataset: job.dataset,
    model: job.model,
    artifactId,
    errorMessage: status === "failed" ? "The provider stopped the job: CUDA out of memory on rank 0." : null,
    createdAt: new Date(job.createdAt),
    startedAt: startedAtOf(job),
    completedAt: completedAtOf(job),
    updatedAt: new Date(),
    events: [],
  };
}

export const fineTuningRouter = createTRPCRouter({
  estimate: protectedProcedure.input(z.object({ config: trainingConfigSchema })).query(async ({ ctx, input }) => {
    const [model] = await ctx.db.select().from(models).where(eq(models.id, input.config.baseModelId)).limit(1);
    const dataset = PLACEHOLDER_DATASETS.find((d) => d.id === input.config.datasetId);
    if (!model || !dataset?.stats) throw new TRPCError({ code: "NOT_FOUND", message: "No such model or dataset." });
    return { estimate: makeEstimate(input.config, model, dataset), warnings: trainingWarnings(input.config), budget: null };
  }),

  validateGraph: protectedProcedure.input(z.object({ graph: z.unknown() })).mutation(() => ({ ok: true as const })),

  create: protectedProcedure
    .input(z.object({ graph: z.unknown(), idempotencyKey: z.string().min(8).max(128) }))
    .mutation(async ({ ctx, input }) => {
      const replay = [...store.jobs.values()].find((j) => j.userId === ctx.userId && j.idempotencyKey === input.idempotencyKey);
      if (replay) return { id: replay.id, created: false };
      const g = input.graph as { nodes?: { type?: string; props?: { model_id?: string; dataset_id?: string } }[] };
      const modelId = g?.nodes?.find((n) => n.type === "BaseModel")?.props?.model_id ?? "";
      const datasetId = g?.nodes?.find((n) => n.type === "Dataset")?.props?.dataset_id ?? "";
      const [model] = modelId ? await ctx.db.select().from(models).where(eq(models.id, modelId)).limit(1) : [];
      const dataset = PLACEHOLDER_DATASETS.find((d) => d.id === datasetId) ?? null;
      const active = [...store.jobs.values()].filter((j) => j.userId === ctx.userId && isLive(statusOf(j).status)).length;
      const result = deepValidateTrainingGraph(input.graph, {
        callerId: ctx.userId,
        dataset: dataset && { id: dataset.id, name: dataset.name, ready: dataset.status === "ready", status: dataset.status },
        model: model ?? null,
        capacity: { userActiveJobs: active, userLimit: 3, globalActiveJobs: active, globalLimit: 50, retryAfterSeconds: 240 },
      });
      if (!result.ok) {
        const e = result.error;
        const cause = Object.assign(new Error(e.message), {
          graphError: {
            ...(e.kind === "malformed" ? { graphIssues: e.issues } : {}),
            ...(e.kind === "unprocessable" ? { graphReasons: e.reasons } : {}),
            ...(e.kind === "unavailable" ? { retryAfterSeconds: e.retryAfterSeconds } : {}),
          },
        });
        throw new TRPCError({ code: GRAPH_ERROR_TRPC_CODE[e.kind], message: e.message, cause });
      }
      const id = crypto.randomUUID();
      const n = [...store.jobs.values()].filter((j) => j.userId === ctx.userId).length + 1;
      store.jobs.set(id, {
        id,
        userId: ctx.userId,
        name: `${model!.name.split(" ").slice(0, 3).join(" ")} · ${dataset!.name} #${n}`,
        config: result.config,
        estimate: makeEstimate(result.config, model!, dataset!),
        dataset: { id: dataset!.id, name: dataset!.name },
        model: { id: model!.id, name: model!.name },
        createdAt: Date.now(),
        cancelledAt: null,
        failAtStep: result.config.hyperparameters.learningRate >= 0.005 ? 3 : null,
        idempotencyKey: input.idempotencyKey,
        artifactId: null,
      });
      return { id, created: true };
    }),

  list: protectedProcedure
    .input(
      z
        .object({ status: z.enum(TRAINING_STATUSES).optional(), cursor: z.string().nullish(), limit: z.number().int().min(1).max(100).default(20) })
        .default({ limit: 20 }),
    )
    .query(({ ctx, input }): { items: TrainingJobListItem[]; nextCursor: string | null } => {
      const all = [...store.jobs.values()]
        .filter((j) => j.userId === ctx.userId)
        .map(view)
        .filter((j) => !input.status || j.status === input.status)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      const start = input.cursor ? Number(input.cursor) : 0;
      const page = all.slice(start, start + input.limit);
      return {
        items: page.map((j) => ({
          id: j.id,
          name: j.name,
          status: j.status,
          stage: j.stage,
          progress: j.progress,
          costSoFarCents: j.costSoFarCents,
          estimatedTotalCents: j.estimatedTotalCents,
          model: j.model,
          dataset: j.dataset,
          createdAt: j.createdAt,
        })),
        nextCursor: start + input.limit < all.length ? String(start + input.limit) : null,
      };
    }),

  byId: protectedProcedure.input(idInput).query(({ ctx, input }) => view(own(ctx.userId, input.id))),

  metrics: protectedProcedure
    .input(idInput.extend({ afterStep: z.number().int().min(0).optional() }))
    .query(({ ctx, input }): { points: MetricsPoint[] } => {
      const job = own(ctx.userId, input.id);
      const done = stepsDone(job);
      const points: MetricsPoint[] = [];
      for (let s = (input.afterStep ?? 0) + 1; s <= done; s++) points.push(pointAt(job, s));
      return { points };
    }),

  logs: protectedProcedure.input(idInput.extend({ cursor: z.string().nullish() })).query(({ ctx, input }): TrainingLogPage => {
    const all = logsOf(own(ctx.userId, input.id));
    const from = input.cursor ? Number(input.cursor) : 0;
    const items = all.slice(from, from + 500);
    const last = items.at(-1);
    return { items, nextCursor: last ? String(last.id + 1) : from > 0 ? String(from) : null, hasMore: all.length > from + 500 };
  }),

  checkpoints: protectedProcedure.input(idInput).query(({ ctx, input }): { items: TrainingCheckpointItem[] } => {
    const job = own(ctx.userId, input.id);
    const done = stepsDone(job);
    const items: TrainingCheckpointItem[] = [];
    for (let e = 1; e * job.estimate.stepsPerEpoch <= done; e++) {
      const step = e * job.estimate.stepsPerEpoch;
      const p = pointAt(job, step);
      items.push({
        id: `${job.id}-${step}`,
        step,
        epoch: e,
        trainingLoss: p.trainingLoss,
        validationLoss: p.validationLoss ?? Number((p.trainingLoss + 0.08).toFixed(4)),
        best: false,
        final: step === job.estimate.totalSteps && statusOf(job).status === "completed",
        files: [
          { name: "adapter_config.json", size: 712 },
          { name: "adapter_model.safetensors", size: job.estimate.adapterBytes },
          { name: "tokenizer.json", size: 9_085_657 },
        ],
        createdAt: new Date(p.at),
      });
    }
    const best = items.reduce<(typeof items)[number] | null>((b, c) => (!b || c.validationLoss! < b.validationLoss! ? c : b), null);
    for (const c of items) c.best = c === best;
    return { items };
  }),

  cancel: protectedProcedure.input(idInput).mutation(({ ctx, input }) => {
    const job = own(ctx.userId, input.id);
    const { status } = statusOf(job);
    if (!canCancel(status)) throw new TRPCError({ code: "CONFLICT", message: `Cannot cancel a job that is ${status}.` });
    job.cancelledAt = Date.now();
    costSoFar(job.estimate, stepsDone(job));
    return { id: job.id, status: "cancelled" as const };
  }),
});
