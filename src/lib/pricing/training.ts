/**
 * The one place a training job's cost and duration are estimated: the configurator calls it on every
 * change (no network round trip) and `fineTuning.create` calls it again to store its own figures.
 *
 * - Tokens per epoch: the training split's tokens, each example cut at max sequence length.
 * - Duration = setup + (training tokens × epochs + validation tokens × epochs ÷ 3) ÷ the GPUs'
 *   throughput (./training-throughput.ts). Validation runs once an epoch and is forward-only: 2 of
 *   the 6 FLOPs a trained token costs. Setup (provisioning, loading the base model, writing the last
 *   adapter) is a flat SETUP_SECONDS.
 * - Compute: the GPU instance's hourly list price (./instance-types.ts, us-east-1) for the whole
 *   duration, billed by the second.
 * - Storage: one adapter per epoch checkpoint (all kept) plus the delivered adapter, for the first
 *   month, at STORAGE_MILLS_PER_GB_MONTH; adapter size from @/lib/training/adapter.
 * All amounts are integer cents, each line rounded once from integer mills; the total is the sum of
 * the lines.
 */
import type { ModelSpec } from "@/lib/model-spec";
import { parameterCountB } from "@/lib/model-spec";
import { adapterBytes } from "@/lib/training/adapter";
import type { GpuConfig, Hyperparameters, Quantization } from "@/lib/training/schema";
import { instanceSize, instanceTypeById } from "./instance-types";
import { ceilDiv, divRound } from "./money";
import { PricingError } from "./price";
import { trainingTokensPerSecond } from "./training-throughput";

export const SETUP_SECONDS = 300;
/** Amazon S3 Standard, us-east-1, first 50 TB: $0.023 per GB-month (AWS price list, read 2026-12-02). */
export const STORAGE_MILLS_PER_GB_MONTH = 23;
/** A forward-only validation token costs this fraction (1 / n) of a trained one: 2 of 6 FLOPs. */
const VALIDATION_COST_DIVISOR = 3;
const MILLS_PER_CENT = 10;
const SECONDS_PER_HOUR = 3600;
const BYTES_PER_GB = 1e9;

/** The dataset's size as the estimate needs it (see datasetSizeFromStats). */
export interface TrainingDatasetSize {
  trainExamples: number;
  trainTokens: number;
  validationExamples: number;
  validationTokens: number;
}

export interface TrainingEstimateInput {
  quantization: Quantization;
  hyperparameters: Pick<Hyperparameters, "epochs" | "batchSize" | "loraRank" | "maxSequenceLength">;
  gpu: GpuConfig;
  dataset: TrainingDatasetSize;
}

export interface TrainingPriceLine {
  id: "compute" | "storage";
  label: string;
  /** e.g. "$2.50/h × 1 h 23 min" or "6 adapters × 84 MB at $0.023/GB-month". */
  detail: string;
  cents: number;
}

export interface TrainingEstimate {
  /** The chosen GPUs together. */
  tokensPerSecond: number;
  trainTokensPerEpoch: number;
  validationTokensPerEpoch: number;
  stepsPerEpoch: number;
  totalSteps: number;
  setupSeconds: number;
  trainingSeconds: number;
  durationSeconds: number;
  /** Epoch checkpoints; storage counts one more adapter, the delivered one. */
  checkpoints: number;
  adapterBytes: number;
  storageBytes: number;
  /** The instance's list price per hour, in mills (what compute is billed at). */
  hourlyMills: number;
  computeCents: number;
  storageCents: number;
  totalCents: number;
  lines: TrainingPriceLine[];
}

/**
 * The split's sizes from a dataset's statistics (which count tokens for the whole file): tokens are
 * shared between the splits in proportion to their examples.
 */
export function datasetSizeFromStats(stats: {
  examples: number;
  trainExamples: number;
  validationExamples: number;
  totalTokens: number;
}): TrainingDatasetSize {
  const trainTokens = stats.examples > 0 ? divRound(stats.totalTokens * stats.trainExamples, stats.examples) : 0;
  return {
    trainExamples: stats.trainExamples,
    trainTokens,
    validationExamples: stats.validationExamples,
    validationTokens: Math.max(0, stats.totalTokens - trainTokens),
  };
}

/** Compute cents for `seconds` at an instance's hourly list price in mills, rounded once. */
export function trainingComputeCents(hourlyMills: number, seconds: number): number {
  return divRound(hourlyMills * seconds, MILLS_PER_CENT * SECONDS_PER_HOUR);
}

/** Storage cents for keeping `bytes` for one month, rounded once. */
export function storageCentsPerMonth(bytes: number): number {
  return divRound(bytes * STORAGE_MILLS_PER_GB_MONTH, MILLS_PER_CENT * BYTES_PER_GB);
}

const STORAGE_RATE_TEXT = `$${(STORAGE_MILLS_PER_GB_MONTH / 1000).toFixed(3)}/GB-month`;
const dollarsPerHour = (mills: number) => `$${(mills / 1000).toFixed(2)}/h`;

/** "45 s", "12 min", "1 h 23 min" (rounded up to the minute past a minute). */
export function formatTrainingDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function formatBytes(bytes: number): string {
  if (bytes >= BYTES_PER_GB) return `${(bytes / BYTES_PER_GB).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** Throws PricingError for a GPU type or count that does not exist, or a model of undisclosed size. */
export function estimateTraining(
  input: TrainingEstimateInput,
  model: Pick<ModelSpec, "parameterCountB">,
): TrainingEstimate {
  const { hyperparameters: h, gpu, dataset } = input;
  const type = instanceTypeById(gpu.instanceTypeId);
  if (type?.accelerator !== "gpu") throw new PricingError(`Unknown GPU type ${gpu.instanceTypeId}.`);
  const size = instanceSize(type, gpu.gpuCount);
  if (!size) throw new PricingError(`${type.label} has no size with ${gpu.gpuCount} GPUs.`);
  const paramsB = parameterCountB(model);
  const bytesPerAdapter = adapterBytes(model, h.loraRank);
  if (paramsB === null || bytesPerAdapter === null) throw new PricingError("The model's size is not disclosed.");
  const counts = [h.epochs, h.batchSize, h.loraRank, h.maxSequenceLength, ...Object.values(dataset)];
  if (!counts.every(isCount) || h.epochs < 1 || h.batchSize < 1 || h.maxSequenceLength < 1) {
    throw new PricingError("Epochs, batch size, sequence length and dataset sizes must be whole numbers.");
  }

  const tokensPerSecond = trainingTokensPerSecond(
    type.id,
    size.gpuCount,
    Math.round(paramsB * 1000),
    input.quantization,
  );
  if (!tokensPerSecond) throw new PricingError(`No training throughput is known for ${type.label}.`);

  const trainTokensPerEpoch = Math.min(dataset.trainTokens, dataset.trainExamples * h.maxSequenceLength);
  const validationTokensPerEpoch = Math.min(dataset.validationTokens, dataset.validationExamples * h.maxSequenceLength);
  // (train × epochs + validation × epochs ÷ 3) ÷ throughput, as one division rounded up.
  const work = h.epochs * (VALIDATION_COST_DIVISOR * trainTokensPerEpoch + validationTokensPerEpoch);
  const trainingSeconds = ceilDiv(work, VALIDATION_COST_DIVISOR * tokensPerSecond);
  const durationSeconds = SETUP_SECONDS + trainingSeconds;
  const stepsPerEpoch = ceilDiv(dataset.trainExamples, h.batchSize);

  const hourlyMills = size.hourlyMills;
  const computeCents = trainingComputeCents(hourlyMills, durationSeconds);
  const adapters = h.epochs + 1;
  const storageBytes = adapters * bytesPerAdapter;
  const storageCents = storageCentsPerMonth(storageBytes);
  const lines: TrainingPriceLine[] = [
    {
      id: "compute",
      label: `Compute: ${size.gpuCount} × ${type.label}`,
      detail: `${dollarsPerHour(hourlyMills)} × ${formatTrainingDuration(durationSeconds)}`,
      cents: computeCents,
    },
    {
      id: "storage",
      label: "Storage (first month)",
      detail: `${adapters} adapters × ${formatBytes(bytesPerAdapter)} at ${STORAGE_RATE_TEXT}`,
      cents: storageCents,
    },
  ];
  return {
    tokensPerSecond,
    trainTokensPerEpoch,
    validationTokensPerEpoch,
    stepsPerEpoch,
    totalSteps: stepsPerEpoch * h.epochs,
    setupSeconds: SETUP_SECONDS,
    trainingSeconds,
    durationSeconds,
    checkpoints: h.epochs,
    adapterBytes: bytesPerAdapter,
    storageBytes,
    hourlyMills,
    computeCents,
    storageCents,
    totalCents: computeCents + storageCents,
    lines,
  };
}

/** For a draft the user is still editing: the estimate, or null while it cannot be computed. */
export function tryEstimateTraining(
  input: TrainingEstimateInput,
  model: Pick<ModelSpec, "parameterCountB"> | null | undefined,
): TrainingEstimate | null {
  if (!model) return null;
  try {
    return estimateTraining(input, model);
  } catch (e) {
    if (e instanceof PricingError || e instanceof RangeError) return null;
    throw e;
  }
}

export interface TrainingCostSoFar {
  /** Setup plus the completed steps' share of the training time, to the second. */
  billedSeconds: number;
  computeCents: number;
  storageCents: number;
  totalCents: number;
}

/**
 * What a job has cost after `completedSteps` of the estimate's steps: setup plus the completed share
 * of the training time (rounded to the second, billed by the second), and the adapters written so far
 * (one per finished epoch, and the delivered one once every step is done). A cancelled job is billed
 * this, so only completed steps count; at the last step it equals the estimate.
 */
export function costSoFar(estimate: TrainingEstimate, completedSteps: number): TrainingCostSoFar {
  const total = estimate.totalSteps;
  const done = Math.min(Math.max(0, Math.floor(completedSteps)), total);
  const finished = done === total;
  const billedSeconds = finished
    ? estimate.durationSeconds
    : estimate.setupSeconds + divRound(estimate.trainingSeconds * done, total);
  const computeCents = trainingComputeCents(estimate.hourlyMills, billedSeconds);
  const epochsDone = estimate.stepsPerEpoch > 0 ? Math.floor(done / estimate.stepsPerEpoch) : 0;
  const adapters = finished ? estimate.checkpoints + 1 : epochsDone;
  const storageCents = storageCentsPerMonth(adapters * estimate.adapterBytes);
  return { billedSeconds, computeCents, storageCents, totalCents: computeCents + storageCents };
}
