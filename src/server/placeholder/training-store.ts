/**
 * PLACEHOLDER (dropped at merge): an in-memory stand-in for Helper J's training jobs and artifacts,
 * and Helper B's datasets, so the fine-tuning UI runs before they land. Jobs move on the wall clock.
 */
import "server-only";
import crypto from "node:crypto";
import type { TrainingStatus } from "@/lib/training-lifecycle";
import { stageOf, type JobStage } from "@/lib/training-lifecycle";
import { costSoFar, datasetSizeFromStats, estimateTraining, type TrainingEstimate } from "@/lib/pricing/training";
import type { TrainingConfig } from "@/lib/training/schema";

export interface PDataset {
  id: string;
  name: string;
  status: "uploading" | "validating" | "ready" | "error";
  statusReason: string | null;
  fileName: string;
  format: "openai-chat" | "conversation" | "csv" | null;
  fileSize: number;
  stats: {
    examples: number;
    trainExamples: number;
    validationExamples: number;
    totalTokens: number;
    tokensPerExample: { min: number; max: number; mean: number; p50: number; p90: number };
  } | null;
  createdAt: Date;
}

export const PLACEHOLDER_DATASETS: PDataset[] = [
  {
    id: "7d1f0c52-93a4-4c43-9d4e-2a9a51f0c001",
    name: "Support answers",
    status: "ready",
    statusReason: null,
    fileName: "support-answers.jsonl",
    format: "openai-chat",
    fileSize: 1_842_112,
    stats: {
      examples: 1240,
      trainExamples: 1116,
      validationExamples: 124,
      totalTokens: 612_480,
      tokensPerExample: { min: 61, max: 3120, mean: 494, p50: 410, p90: 1010 },
    },
    createdAt: new Date(Date.now() - 3 * 86_400_000),
  },
  {
    id: "7d1f0c52-93a4-4c43-9d4e-2a9a51f0c002",
    name: "Contract clauses",
    status: "ready",
    statusReason: null,
    fileName: "clauses.csv",
    format: "csv",
    fileSize: 12_512_000,
    stats: {
      examples: 9800,
      trainExamples: 8820,
      validationExamples: 980,
      totalTokens: 7_840_000,
      tokensPerExample: { min: 120, max: 6400, mean: 800, p50: 700, p90: 2300 },
    },
    createdAt: new Date(Date.now() - 86_400_000),
  },
  {
    id: "7d1f0c52-93a4-4c43-9d4e-2a9a51f0c003",
    name: "Sales emails",
    status: "validating",
    statusReason: null,
    fileName: "sales.jsonl",
    format: null,
    fileSize: 420_000,
    stats: null,
    createdAt: new Date(),
  },
];

export interface PJob {
  id: string;
  userId: string;
  name: string;
  config: TrainingConfig;
  estimate: TrainingEstimate;
  dataset: { id: string; name: string };
  model: { id: string; name: string };
  createdAt: number;
  cancelledAt: number | null;
  failAtStep: number | null;
  idempotencyKey: string;
  artifactId: string | null;
}

export interface PArtifact {
  id: string;
  userId: string;
  jobId: string;
  name: string;
  version: number;
  description: string;
  parentId: string | null;
  createdAt: Date;
  deletedAt: Date | null;
}

const g = globalThis as unknown as { __placeholderTraining?: { jobs: Map<string, PJob>; artifacts: Map<string, PArtifact> } };
g.__placeholderTraining ??= { jobs: new Map(), artifacts: new Map() };
export const store = g.__placeholderTraining;

const QUEUED_MS = 2500;
const INIT_MS = 4000;
const VALIDATE_MS = 2500;
const SAVE_MS = 2000;

function stepMs(job: PJob) {
  return Math.max(120, Math.min(1500, 40_000 / job.estimate.totalSteps));
}

function timeline(job: PJob) {
  const trainStart = job.createdAt + QUEUED_MS + INIT_MS;
  const trainEnd = trainStart + job.estimate.totalSteps * stepMs(job);
  return { initStart: job.createdAt + QUEUED_MS, trainStart, trainEnd, validateEnd: trainEnd + VALIDATE_MS, done: trainEnd + VALIDATE_MS + SAVE_MS };
}

export function stepsDone(job: PJob, now = Date.now()): number {
  const t = timeline(job);
  const at = Math.min(now, job.cancelledAt ?? Number.POSITIVE_INFINITY);
  const steps = Math.max(0, Math.min(job.estimate.totalSteps, Math.floor((at - t.trainStart) / stepMs(job))));
  return job.failAtStep === null ? steps : Math.min(steps, job.failAtStep);
}

export function statusOf(job: PJob, now = Date.now()): { status: TrainingStatus; stage: JobStage } {
  const t = timeline(job);
  const at = Math.min(now, job.cancelledAt ?? Number.POSITIVE_INFINITY);
  const live: TrainingStatus =
    at < t.initStart ? "queued" : at < t.trainStart ? "initializing" : at < t.trainEnd ? "running" : at < t.validateEnd ? "validating" : at < t.done ? "saving" : "completed";
  if (job.failAtStep !== null && live !== "queued" && live !== "initializing" && stepsDone(job, now) >= job.failAtStep && at >= t.trainStart + job.failAtStep * stepMs(job)) {
    return { status: "failed", stage: "training" };
  }
  if (job.cancelledAt !== null && live !== "completed") return { status: "cancelled", stage: stageOf(live) ?? "training" };
  return { status: live, stage: stageOf(live)! };
}

function rand(seed: string, i: number) {
  const h = crypto.createHash("sha256").update(`${seed}:${i}`).digest();
  return h.readUInt32LE(0) / 0xffffffff;
}

export function pointAt(job: PJob, step: number) {
  const total = job.estimate.totalSteps;
  const x = step / total;
  const noise = (rand(job.id, step) - 0.5) * 0.08;
  const trainingLoss = 0.42 + 1.9 * Math.exp(-4.2 * x) + noise;
  const everyVal = Math.max(1, Math.round(job.estimate.stepsPerEpoch / 2));
  const validationLoss = step % everyVal === 0 || step === total ? 0.5 + 1.75 * Math.exp(-3.6 * x) + 0.12 * x * x + noise / 3 : null;
  const warm = Math.max(1, Math.round(total * job.config.hyperparameters.warmupRatio));
  const lr0 = job.config.hyperparameters.learningRate;
  const learningRate = step < warm ? (lr0 * step) / warm : lr0 * 0.5 * (1 + Math.cos((Math.PI * (step - warm)) / Math.max(1, total - warm)));
  const t = timeline(job);
  return {
    step,
    epoch: Math.min(job.config.hyperparameters.epochs, Math.ceil(step / job.estimate.stepsPerEpoch)),
    trainingLoss: Number(trainingLoss.toFixed(4)),
    validationLoss: validationLoss === null ? null : Number(validationLoss.toFixed(4)),
    learningRate: Number(learningRate.toPrecision(4)),
    gradientNorm: Number((0.4 + rand(job.id, step + 99) * 0.8).toFixed(3)),
    throughput: Math.round(job.estimate.tokensPerSecond * (0.92 + rand(job.id, step + 7) * 0.1)),
    gpuUtilization: Math.round(82 + rand(job.id, step + 13) * 14),
    at: new Date(t.trainStart + step * stepMs(job)).toISOString(),
  };
}

export function makeEstimate(config: TrainingConfig, model: { parameterCountB: string | number | null }, dataset: PDataset) {
  return estimateTraining(
    { ...config, dataset: datasetSizeFromStats(dataset.stats!) },
    { parameterCountB: model.parameterCountB },
  );
}

export function costOf(job: PJob, now = Date.now()) {
  const { status } = statusOf(job, now);
  if (status === "queued") return 0;
  const done = status === "completed" ? job.estimate.totalSteps : stepsDone(job, now);
  return costSoFar(job.estimate, done).totalCents;
}

export function logsOf(job: PJob, now = Date.now()) {
  const t = timeline(job);
  const lines: { at: number; level: "info" | "warning" | "error"; message: string }[] = [];
  const push = (at: number, level: "info" | "warning" | "error", message: string) => {
    if (at <= Math.min(now, job.cancelledAt ?? Number.POSITIVE_INFINITY)) lines.push({ at, level, message });
  };
  push(job.createdAt, "info", `Job queued: ${job.model.name} on ${job.dataset.name}`);
  push(t.initStart, "info", `Provisioning ${job.config.gpu.gpuCount} × ${job.config.gpu.instanceTypeId}`);
  push(t.initStart + 1000, "info", `Loading base model weights (${job.config.quantization})`);
  push(t.initStart + 2500, "info", "Tokenizing dataset");
  const done = stepsDone(job, now);
  for (let s = 1; s <= done; s++) {
    const p = pointAt(job, s);
    const at = new Date(p.at).getTime();
    push(at, "info", `step ${s}/${job.estimate.totalSteps} · epoch ${p.epoch} · loss ${p.trainingLoss.toFixed(4)} · lr ${p.learningRate.toExponential(2)}`);
    if (s % job.estimate.stepsPerEpoch === 0) push(at + 1, "info", `Saved checkpoint at step ${s} (epoch ${p.epoch})`);
    if (s === Math.floor(job.estimate.totalSteps / 3)) push(at + 2, "warning", "Gradient norm clipped to 1.0");
  }
  const { status } = statusOf(job, now);
  if (status === "failed") push(now, "error", "Provider error: CUDA out of memory on rank 0");
  if (status === "cancelled") lines.push({ at: job.cancelledAt!, level: "warning", message: "Cancelled by you" });
  if (["validating", "saving", "completed"].includes(status)) push(t.trainEnd, "info", "Running final evaluation");
  if (["saving", "completed"].includes(status)) push(t.validateEnd, "info", "Saving adapter");
  if (status === "completed") push(t.done, "info", "Training completed");
  return lines.map((l, i) => ({ id: i, at: new Date(l.at).toISOString(), level: l.level, message: l.message }));
}

export function etaOf(job: PJob) {
  return new Date(timeline(job).done);
}

export function startedAtOf(job: PJob, now = Date.now()) {
  const t = timeline(job);
  return now >= t.initStart ? new Date(t.initStart) : null;
}

export function completedAtOf(job: PJob, now = Date.now()) {
  const { status } = statusOf(job, now);
  if (status === "completed") return new Date(timeline(job).done);
  if (status === "cancelled") return new Date(job.cancelledAt!);
  return null;
}

/** Creates the artifact of a completed job on first sight. */
export function ensureArtifact(job: PJob): string | null {
  if (statusOf(job).status !== "completed") return null;
  if (job.artifactId) return job.artifactId;
  const id = crypto.randomUUID();
  const siblings = [...store.artifacts.values()].filter((a) => {
    const j = store.jobs.get(a.jobId);
    return a.userId === job.userId && j?.model.id === job.model.id && j?.dataset.id === job.dataset.id;
  });
  const parent = siblings.at(-1);
  store.artifacts.set(id, {
    id,
    userId: job.userId,
    jobId: job.id,
    name: `${job.name}`,
    version: siblings.length + 1,
    description: "",
    parentId: parent?.id ?? null,
    createdAt: new Date(timeline(job).done),
    deletedAt: null,
  });
  job.artifactId = id;
  return id;
}
