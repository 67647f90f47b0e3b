/**
 * The simulator's whole state for one job, carried in the provider job id the caller stores (as the
 * compute simulator does): the sizes and durations fixed at submit, the failure drawn for the job,
 * and the cancellation time once cancelled. Every answer is a pure function of it and the clock, so
 * it survives restarts and agrees across processes. It holds nothing secret and no dataset content.
 */
import { z } from "zod";
import { seededRandom } from "../compute/seeded";
import type { CurveParams } from "./simulator-curves";
import { ProviderError } from "./types";

const PREFIX = "simtrain1_";

/** Realistic durations in ms before scaling by the speed factor. */
export const BASE_MS = { queued: 8_000, initializing: 30_000, validating: 6_000, saving: 5_000, step: 3_000 };
/** A step's realistic time stays within these bounds whatever the configuration. */
const STEP_MS_BOUNDS = [500, 30_000] as const;

const FAILURES = [
  { duringInit: true, message: "CUDA out of memory: tried to allocate 2.00 GiB while loading the base model" },
  { duringInit: true, message: "Failed to download the base model: connection reset by peer (after 3 retries)" },
  { duringInit: false, message: "Training diverged: loss is NaN at this step (try a lower learning rate)" },
  { duringInit: false, message: "GPU worker lost: NCCL watchdog timed out waiting for rank 0" },
];

const recordSchema = z.object({
  v: z.literal(1),
  jobId: z.string(),
  seed: z.number().int(),
  model: z.string(),
  gpu: z.object({ type: z.string(), count: z.number().int().min(1) }),
  hp: z.object({
    learningRate: z.number(),
    batchSize: z.number().int().min(1),
    epochs: z.number().int().min(1),
    loraRank: z.number().int().min(1),
    loraAlpha: z.number(),
    loraDropout: z.number(),
    warmupRatio: z.number(),
    maxSeqLength: z.number().int().min(1),
  }),
  data: z.object({
    fileName: z.string(),
    examples: z.number().int().min(1),
    validationExamples: z.number().int().min(1),
    /** "held-out" when the validation set is a tenth of the training file. */
    validationSource: z.string(),
    tokensPerExample: z.number().int().min(1),
  }),
  stepsPerEpoch: z.number().int().min(1),
  checkpointEvery: z.number().int().min(1).optional(),
  submittedAt: z.number(),
  /** TRAINING_SIMULATOR_SPEED at submit: the clock runs `ms` × speed (fixed per job, so a changed variable cannot warp it). */
  speed: z.number().min(0),
  /** Realistic phase and step durations, before the speed factor. */
  ms: z.object({
    queued: z.number(),
    initializing: z.number(),
    step: z.number(),
    validating: z.number(),
    saving: z.number(),
  }),
  /** The job fails after `afterStep` completed steps (-1: while initializing), with `message`. */
  failure: z.object({ afterStep: z.number().int(), message: z.string() }).optional(),
  cancelledAt: z.number().optional(),
});

export type SimTrainingRecord = z.infer<typeof recordSchema>;

export interface TrainingSimulatorTuning {
  /** Multiplies every duration (0 → the whole job is over at submit; 0.01 for e2e). */
  speed: number;
  /** Share of jobs (0..1) that fail; decided per job id. */
  failureRate: number;
}

export interface DatasetSize {
  examples: number;
  validationExamples: number;
  validationSource: string;
  tokensPerExample: number;
}

export interface RecordInput {
  jobId: string;
  seed: number;
  model: string;
  gpu: { type: string; count: number };
  hp: SimTrainingRecord["hp"];
  fileName: string;
  checkpointEvery?: number;
}

const jittered = (base: number, jitter: number) => Math.round(base * (0.8 + jitter * 0.4));

export function createRecord(input: RecordInput, data: DatasetSize, at: number, tuning: TrainingSimulatorTuning): SimTrainingRecord {
  const rand = seededRandom(`${input.jobId}:timeline`);
  const { hp } = input;
  const stepsPerEpoch = Math.ceil(data.examples / hp.batchSize);
  const totalSteps = stepsPerEpoch * hp.epochs;
  const tokensPerStep = hp.batchSize * data.tokensPerExample;
  // A step's time grows with the tokens in a batch and shrinks with the GPUs (imperfectly).
  const step = Math.round(
    Math.min(STEP_MS_BOUNDS[1], Math.max(STEP_MS_BOUNDS[0], (BASE_MS.step * tokensPerStep) / (8 * 512) / input.gpu.count ** 0.9)),
  );
  const fails = rand() < tuning.failureRate;
  const kind = FAILURES[Math.floor(rand() * FAILURES.length)]!;
  const afterStep = kind.duringInit ? -1 : Math.floor(rand() * totalSteps * 0.9);
  return {
    v: 1,
    jobId: input.jobId,
    seed: input.seed,
    model: input.model,
    gpu: input.gpu,
    hp,
    data: { fileName: input.fileName, ...data },
    stepsPerEpoch,
    ...(input.checkpointEvery ? { checkpointEvery: input.checkpointEvery } : {}),
    submittedAt: at,
    speed: tuning.speed,
    ms: {
      queued: jittered(BASE_MS.queued, rand()),
      initializing: jittered(BASE_MS.initializing, rand()),
      step,
      validating: jittered(BASE_MS.validating, rand()),
      saving: jittered(BASE_MS.saving, rand()),
    },
    ...(fails ? { failure: { afterStep, message: kind.message } } : {}),
  };
}

export function totalStepsOf(record: SimTrainingRecord): number {
  return record.stepsPerEpoch * record.hp.epochs;
}

export function curveParams(record: SimTrainingRecord): CurveParams {
  return {
    seed: record.seed,
    learningRate: record.hp.learningRate,
    loraRank: record.hp.loraRank,
    loraDropout: record.hp.loraDropout,
    warmupRatio: record.hp.warmupRatio,
    batchSize: record.hp.batchSize,
    examples: record.data.examples,
    stepsPerEpoch: record.stepsPerEpoch,
    totalSteps: totalStepsOf(record),
    tokensPerExample: record.data.tokensPerExample,
    realStepMs: record.ms.step,
  };
}

export function encodeRecord(record: SimTrainingRecord): string {
  return PREFIX + Buffer.from(JSON.stringify(record)).toString("base64url");
}

export function decodeRecord(providerJobId: string): SimTrainingRecord {
  const unknown = () =>
    new ProviderError(`Unknown simulated training job "${providerJobId.slice(0, 40)}"`, { code: "not_found", retryable: false });
  if (!providerJobId.startsWith(PREFIX)) throw unknown();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(providerJobId.slice(PREFIX.length), "base64url").toString("utf8"));
  } catch {
    throw unknown();
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) throw unknown();
  return parsed.data;
}
