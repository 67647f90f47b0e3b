/** PLACEHOLDER (dropped at merge): Helper J's artifacts router, answering the planned shapes from memory. */
import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { safeText } from "@/lib/zod/text";
import { type PArtifact, pointAt, store } from "@/server/placeholder/training-store";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const idInput = z.object({ id: z.uuid() });

function own(userId: string, id: string): PArtifact {
  const a = store.artifacts.get(id);
  if (!a || a.userId !== userId || a.deletedAt) throw new TRPCError({ code: "NOT_FOUND", message: "Model artifact not found." });
  return a;
}

const ref = (a: PArtifact) => ({ id: a.id, name: a.name, version: a.version, createdAt: a.createdAt });

function files(a: PArtifact) {
  const job = store.jobs.get(a.jobId)!;
  return [
    { name: "adapter_config.json", size: 712 },
    { name: "adapter_model.safetensors", size: job.estimate.adapterBytes },
    { name: "tokenizer.json", size: 9_085_657 },
  ];
}

function detail(a: PArtifact) {
  const job = store.jobs.get(a.jobId)!;
  const last = pointAt(job, job.estimate.totalSteps);
  const finalValidationLoss = last.validationLoss ?? last.trainingLoss + 0.05;
  const gap = finalValidationLoss - last.trainingLoss;
  const rating = gap < 0.1 ? "excellent" : gap < 0.25 ? "good" : gap < 0.5 ? "fair" : "poor";
  const live = [...store.artifacts.values()].filter((x) => !x.deletedAt);
  return {
    id: a.id,
    name: a.name,
    version: a.version,
    description: a.description,
    status: "stored" as const,
    createdAt: a.createdAt,
    jobId: a.jobId,
    baseModel: job.model,
    dataset: job.dataset,
    quality: {
      finalTrainingLoss: last.trainingLoss,
      finalValidationLoss,
      perplexity: Number(Math.exp(finalValidationLoss).toFixed(3)),
      convergence: {
        rating,
        score: { excellent: 5, good: 4, fair: 3, poor: 2 }[rating],
        rule:
          "Excellent: the validation loss ends within 0.1 of the training loss and fell by at least 50%. Good: within 0.25. Fair: within 0.5. Poor: otherwise, or when the validation loss rose over the last epoch.",
      },
    },
    summary: {
      durationSeconds: job.estimate.durationSeconds,
      costCents: job.estimate.totalCents,
      gpu: job.config.gpu,
      epochs: job.config.hyperparameters.epochs,
      steps: job.estimate.totalSteps,
      trainTokens: job.estimate.trainTokensPerEpoch * job.config.hyperparameters.epochs,
    },
    config: job.config,
    files: files(a),
    lineage: {
      parent: a.parentId && store.artifacts.get(a.parentId) ? ref(store.artifacts.get(a.parentId)!) : null,
      children: live.filter((x) => x.parentId === a.id).map(ref),
    },
  };
}

export const artifactsRouter = createTRPCRouter({
  list: protectedProcedure.input(z.object({ cursor: z.string().nullish(), limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 })).query(({ ctx }) => ({
    items: [...store.artifacts.values()].filter((a) => a.userId === ctx.userId && !a.deletedAt).map((a) => {
      const d = detail(a);
      return { id: d.id, name: d.name, version: d.version, baseModel: d.baseModel, dataset: d.dataset, createdAt: d.createdAt, quality: d.quality };
    }),
    nextCursor: null,
  })),

  byId: protectedProcedure.input(idInput).query(({ ctx, input }) => detail(own(ctx.userId, input.id))),

  downloadUrls: protectedProcedure.input(idInput).query(({ ctx, input }) => {
    const a = own(ctx.userId, input.id);
    return {
      files: files(a).map((f) => ({ ...f, url: `data:application/octet-stream;base64,${Buffer.from(`placeholder ${f.name}`).toString("base64")}` })),
      zipUrl: `data:application/zip;base64,${Buffer.from("placeholder zip").toString("base64")}`,
      expiresAt: new Date(Date.now() + 3600_000),
    };
  }),

  update: protectedProcedure
    .input(idInput.extend({ name: safeText().trim().min(1).max(120).optional(), description: safeText().trim().max(2000).optional() }))
    .mutation(({ ctx, input }) => {
      const a = own(ctx.userId, input.id);
      if (input.name !== undefined) a.name = input.name;
      if (input.description !== undefined) a.description = input.description;
      return { id: a.id, name: a.name, description: a.description };
    }),

  delete: protectedProcedure.input(idInput).mutation(({ ctx, input }) => {
    const a = own(ctx.userId, input.id);
    a.deletedAt = new Date();
    return { id: a.id };
  }),
});
