/** PLACEHOLDER (dropped at merge): Helper J's artifacts router, answering w/j's shapes from memory. */
import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { instanceTypeById } from "@/lib/pricing/instance-types";
import { safeText } from "@/lib/zod/text";
import type { ArtifactDetail, ArtifactDownloads, ArtifactListItem, ConvergenceRating } from "@/server/placeholder/shapes";
import { type PArtifact, pointAt, store } from "@/server/placeholder/training-store";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const idInput = z.object({ id: z.uuid() });

function own(userId: string, id: string): PArtifact {
  const a = store.artifacts.get(id);
  if (!a || a.userId !== userId || a.deletedAt) throw new TRPCError({ code: "NOT_FOUND", message: "Artifact not found." });
  return a;
}

function files(a: PArtifact) {
  const job = store.jobs.get(a.jobId)!;
  return [
    { name: "adapter_config.json", size: 712 },
    { name: "adapter_model.safetensors", size: job.estimate.adapterBytes },
    { name: "tokenizer.json", size: 9_085_657 },
  ];
}

const RULE = [
  "Reduction: how much the training loss fell, from the average of the first 5 recorded steps to the average of the last 5.",
  "Overfitting: how far the final validation loss ended above the lowest validation loss of the run.",
  "Excellent: reduction of at least 50% and overfitting of at most 3%.",
  "Good: reduction of at least 30% and overfitting of at most 10%.",
  "Fair: reduction of at least 10% and overfitting of at most 25%.",
  "Poor: anything less, or a loss that is not a finite number. Without validation losses only the reduction counts.",
].join("\n");

function detail(a: PArtifact): ArtifactDetail {
  const job = store.jobs.get(a.jobId)!;
  const total = job.estimate.totalSteps;
  const points = Array.from({ length: total }, (_, i) => pointAt(job, i + 1));
  const evals = points.filter((p) => p.validationLoss !== null);
  const finalValidationLoss = evals.at(-1)?.validationLoss ?? null;
  const best = evals.reduce<(typeof evals)[number] | null>((b, p) => (!b || p.validationLoss! < b.validationLoss! ? p : b), null);
  const first = points.slice(0, 5).reduce((n, p) => n + p.trainingLoss, 0) / 5;
  const last = points.slice(-5).reduce((n, p) => n + p.trainingLoss, 0) / 5;
  const reduction = 1 - last / first;
  const overfitting = best && finalValidationLoss !== null ? finalValidationLoss / best.validationLoss! - 1 : null;
  const rating: ConvergenceRating =
    reduction >= 0.5 && (overfitting ?? 0) <= 0.03 ? "excellent" : reduction >= 0.3 && (overfitting ?? 0) <= 0.1 ? "good" : reduction >= 0.1 && (overfitting ?? 0) <= 0.25 ? "fair" : "poor";
  const label = rating.charAt(0).toUpperCase() + rating.slice(1);
  const live = [...store.artifacts.values()].filter((x) => x.userId === a.userId);
  const lineage = [];
  for (let p = a.parentId ? store.artifacts.get(a.parentId) : undefined; p; p = p.parentId ? store.artifacts.get(p.parentId) : undefined) {
    lineage.unshift({ id: p.id, name: p.name, version: p.version, deleted: p.deletedAt !== null });
  }
  const fs = files(a);
  return {
    id: a.id,
    name: a.name,
    version: a.version,
    jobId: a.jobId,
    description: a.description,
    baseModel: job.model,
    dataset: job.dataset,
    convergence: rating,
    finalValidationLoss,
    sizeBytes: fs.reduce((n, f) => n + f.size, 0),
    createdAt: a.createdAt,
    updatedAt: a.createdAt,
    quality: {
      finalTrainingLoss: points.at(-1)!.trainingLoss,
      finalValidationLoss,
      bestValidationLoss: best?.validationLoss ?? null,
      bestValidationStep: best?.step ?? null,
      perplexity: finalValidationLoss === null ? null : Math.exp(finalValidationLoss),
      lossReduction: reduction,
      overfitting,
      convergence: {
        rating,
        label,
        stars: { excellent: 5, good: 4, fair: 3, poor: 1 }[rating],
        reasons: [
          `Training loss fell ${(reduction * 100).toFixed(1)}% (${first.toFixed(3)} → ${last.toFixed(3)}).`,
          overfitting === null || overfitting <= 0
            ? "Validation loss ended at its lowest."
            : `Validation loss ended ${(overfitting * 100).toFixed(1)}% above its lowest (${best!.validationLoss!.toFixed(3)} → ${finalValidationLoss!.toFixed(3)}).`,
        ],
      },
      convergenceRule: RULE,
    },
    summary: {
      dataset: job.dataset,
      baseModel: job.model,
      durationSeconds: job.estimate.durationSeconds,
      costCents: job.estimate.totalCents,
      gpu: {
        instanceTypeId: job.config.gpu.instanceTypeId,
        label: instanceTypeById(job.config.gpu.instanceTypeId)?.label ?? job.config.gpu.instanceTypeId,
        count: job.config.gpu.gpuCount,
      },
      totalSteps: total,
      epochs: job.config.hyperparameters.epochs,
      provider: "simulator",
    },
    configuration: job.config,
    files: fs,
    checkpointStep: total,
    parent: lineage.at(-1) ?? null,
    lineage,
    children: live.filter((x) => x.parentId === a.id && !x.deletedAt).map((x) => ({ id: x.id, name: x.name, version: x.version })),
  };
}

export const artifactsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ cursor: z.string().nullish(), limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }))
    .query(({ ctx }): { items: ArtifactListItem[]; nextCursor: string | null } => ({
      items: [...store.artifacts.values()]
        .filter((a) => a.userId === ctx.userId && !a.deletedAt)
        .map((a) => {
          const d = detail(a);
          return {
            id: d.id,
            name: d.name,
            version: d.version,
            jobId: d.jobId,
            baseModel: d.baseModel,
            dataset: d.dataset,
            convergence: d.convergence,
            finalValidationLoss: d.finalValidationLoss,
            sizeBytes: d.sizeBytes,
            createdAt: d.createdAt,
          };
        }),
      nextCursor: null,
    })),

  byId: protectedProcedure.input(idInput).query(({ ctx, input }) => detail(own(ctx.userId, input.id))),

  downloadUrls: protectedProcedure.input(idInput).query(({ ctx, input }): ArtifactDownloads => {
    const a = own(ctx.userId, input.id);
    return {
      files: files(a).map((f) => ({ ...f, url: `data:application/octet-stream;base64,${Buffer.from(`placeholder ${f.name}`).toString("base64")}` })),
      zipUrl: `data:application/zip;base64,${Buffer.from("placeholder zip").toString("base64")}`,
      expiresAt: new Date(Date.now() + 3600_000),
    };
  }),

  update: protectedProcedure
    .input(
      idInput.extend({
        name: safeText().trim().min(1, { error: "Give the artifact a name." }).max(120).optional(),
        description: safeText().trim().max(2000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const a = own(ctx.userId, input.id);
      if (input.name !== undefined) a.name = input.name;
      if (input.description !== undefined) a.description = input.description;
      return { id: a.id, name: a.name, description: a.description };
    }),

  delete: protectedProcedure.input(idInput).mutation(({ ctx, input }) => {
    const a = own(ctx.userId, input.id);
    a.deletedAt = new Date();
    return { id: a.id, deleted: true as const };
  }),
});
