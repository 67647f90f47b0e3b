/**
 * The one interface every training provider implements: the simulator by default, Together AI's
 * fine-tuning API when TOGETHER_API_KEY is set. A training function (Inngest) drives it:
 *
 *   const handle = await step.run("submit", () => provider.submit(spec));      // store handle.providerJobId
 *   let cursor = INITIAL_CURSOR;
 *   while (true) {
 *     const { phase, cursor: next } = await step.run(`poll-${i}`, async () => {
 *       const u = await provider.poll(providerJobIdFromDb, cursor);
 *       // insert u.points / u.logs / u.checkpoints with ON CONFLICT DO NOTHING on
 *       // (job, step) / (job, seq) / (job, step), update the job row from u's status fields
 *       return { phase: u.phase, cursor: u.cursor };
 *     });
 *     cursor = next;
 *     if (isTerminalPhase(phase)) break;
 *     await step.sleep(`wait-${i}`, "5s");
 *   }
 *
 * Idempotence: `poll(id, cursor)` returns everything after `cursor` (and possibly more than last
 * time, never less), each item carrying its natural key (a metrics point's and a checkpoint's `step`,
 * a log line's `seq`), so a step retried with the same cursor re-inserts the same rows. The cursor
 * is plain JSON, safe to return from a step. A poll whose phase is terminal has returned every item
 * the job will ever have.
 */
export { ProviderError, type ProviderErrorCode } from "../compute/types";

export type TrainingAdapterKind = "simulator" | "together";

/**
 * Our reading of a provider's state, in src/lib/training-lifecycle.ts's words:
 * - `queued`: waiting for hardware (Together: pending, queued);
 * - `initializing`: hardware allocated, downloading the base model and the data;
 * - `running`: training steps are running (periodic evaluations included);
 * - `validating`: the final evaluation on the validation set after the last step;
 * - `saving`: writing, compressing and uploading the adapter;
 * - `completed`, `failed` (`message` says why), `cancelled`: final.
 * A provider may skip a phase it cannot observe (Together has no separate final validation).
 */
export type TrainingPhase =
  | "queued"
  | "initializing"
  | "running"
  | "validating"
  | "saving"
  | "completed"
  | "failed"
  | "cancelled";

export const TERMINAL_PHASES: readonly TrainingPhase[] = ["completed", "failed", "cancelled"];

export function isTerminalPhase(phase: TrainingPhase): boolean {
  return TERMINAL_PHASES.includes(phase);
}

/** A dataset file as the provider needs it: uploaded to Together, read (to size the run) by the simulator. */
export interface TrainingFile {
  /** Where our storage keeps it (for the logs; the adapter never reads storage itself). */
  storageKey: string;
  /** The name shown to the provider, e.g. "support-chats.jsonl". */
  fileName: string;
  format: "jsonl" | "csv" | "parquet";
  /** The file's bytes (called at most once per submit). */
  read(): Promise<Uint8Array>;
  /** Known statistics spare the simulator counting (examples = lines of JSONL / rows). */
  examples?: number;
  tokens?: number;
}

export interface TrainingHyperparameters {
  learningRate: number;
  batchSize: number;
  epochs: number;
  loraRank: number;
  loraAlpha: number;
  loraDropout: number;
  /** Share of the steps (0..1) over which the learning rate ramps up linearly. */
  warmupRatio: number;
  maxSeqLength: number;
}

/** Everything a provider needs to train one LoRA adapter. Built by the server from the stored job. */
export interface TrainingSpec {
  /** Our training job id: the simulator's seed, and (in Together's `suffix`) the idempotence of a retried submit. */
  jobId: string;
  baseModel: {
    /** Hugging Face repository id from the catalog, e.g. "meta-llama/Llama-3.1-8B-Instruct". */
    repository: string;
    /** The provider's name for it when it differs (Together: e.g. "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"). */
    providerModelId?: string;
  };
  hyperparameters: TrainingHyperparameters;
  /** What the user chose and pays for. Together picks its own hardware and ignores it. */
  gpu: { type: string; count: number };
  dataset: TrainingFile;
  /** Without it the simulator evaluates on a held-out tenth and Together runs no evaluations. */
  validationDataset?: TrainingFile;
  /** A checkpoint every N steps besides the one at the end of each epoch. */
  checkpointEverySteps?: number;
  /** The training's random seed (data order, initialisation); derived from `jobId` when unset. */
  seed?: number;
}

/** One measurement, as seed 003's MetricsPoint. Optional fields are those a provider may not report. */
export interface TrainingMetricsPoint {
  /** 1-based optimizer step; unique per job. */
  step: number;
  /** 1-based epoch the step belongs to. */
  epoch: number;
  /** ISO time it was measured. */
  at: string;
  trainingLoss: number;
  /** Only at evaluation steps. */
  validationLoss?: number;
  learningRate: number;
  gradNorm?: number;
  /** Tokens per second. */
  throughput?: number;
  /** Percent, 0..100. */
  gpuUtilization?: number;
}

export type TrainingLogLevel = "INFO" | "WARNING" | "ERROR";

export interface TrainingLogLine {
  /** 0-based position in the job's log; unique per job and stable across polls. */
  seq: number;
  at: string;
  level: TrainingLogLevel;
  message: string;
  metadata?: Record<string, string | number | boolean>;
}

/** A saved adapter. Its files come from `downloadCheckpoint(providerJobId, step)`. */
export interface TrainingCheckpoint {
  /** Unique per job. */
  step: number;
  epoch: number;
  at: string;
  /** The last training loss at or before this step, when the provider reports it with the checkpoint. */
  trainingLoss?: number;
  /** The evaluation at this step, if one ran. */
  validationLoss?: number;
  /** The adapter the job finishes with (its files are also what `downloadCheckpoint(id)` returns). */
  final: boolean;
}

/** The position up to which a caller has recorded a job's items. */
export interface TrainingCursor {
  /** Points with a step above this are new. */
  metricsStep: number;
  /** Log lines with a seq at or above this are new. */
  logSeq: number;
  /** Checkpoints with a step above this are new. */
  checkpointStep: number;
}

export const INITIAL_CURSOR: TrainingCursor = Object.freeze({ metricsStep: 0, logSeq: 0, checkpointStep: 0 });

/** The cursor after recording these items (each list in key order). */
export function advanceCursor(
  cursor: TrainingCursor,
  items: { points: readonly { step: number }[]; logs: readonly { seq: number }[]; checkpoints: readonly { step: number }[] },
): TrainingCursor {
  return {
    metricsStep: Math.max(cursor.metricsStep, items.points.at(-1)?.step ?? 0),
    logSeq: Math.max(cursor.logSeq, (items.logs.at(-1)?.seq ?? -1) + 1),
    checkpointStep: Math.max(cursor.checkpointStep, items.checkpoints.at(-1)?.step ?? 0),
  };
}

export interface TrainingStatus {
  phase: TrainingPhase;
  /** The provider's own word, for the logs (the simulator's are its phase names). */
  providerStatus: string;
  /** The provider's explanation, e.g. why it failed. */
  message?: string;
  /** Completed optimizer steps (what is billed) out of the total (0 until the provider knows it). */
  step: number;
  totalSteps: number;
  /** The epoch in progress, 1-based (0 before training starts). */
  epoch: number;
  totalEpochs: number;
  /** 0..1: completed steps / total steps (1 once completed). */
  progress: number;
  /** Seconds until the job should finish, when the provider estimates it. */
  etaSeconds?: number;
}

/**
 * What submit and cancel hand back. Store `providerJobId` after EVERY call: the simulator carries
 * its (non-secret) timeline in it, so a cancel changes it; Together's stays the `ft-…` id.
 */
export interface TrainingHandle {
  providerJobId: string;
  phase: TrainingPhase;
  providerStatus: string;
  message?: string;
}

export interface TrainingUpdate extends TrainingStatus {
  /** New since the cursor, in step order. */
  points: TrainingMetricsPoint[];
  /** New since the cursor, in seq order. */
  logs: TrainingLogLine[];
  /** New since the cursor, in step order. */
  checkpoints: TrainingCheckpoint[];
  /** The cursor after recording everything above. */
  cursor: TrainingCursor;
}

/** One file of a saved adapter: adapter_config.json, adapter_model.safetensors, tokenizer.json, … */
export interface ArtifactFile {
  name: string;
  contentType: string;
  data: Uint8Array;
}

export interface TrainingProvider {
  readonly kind: TrainingAdapterKind;
  /**
   * Uploads the data and starts the job (phase `queued` on return). A retried submit for the same
   * `jobId` never starts a second paid job: Together's answers with the job the first call made.
   */
  submit(spec: TrainingSpec): Promise<TrainingHandle>;
  /** Status and everything new after `cursor` (default: from the start). Unknown id → ProviderError "not_found". */
  poll(providerJobId: string, cursor?: TrainingCursor): Promise<TrainingUpdate>;
  /** Stops the job. Idempotent: a job already finished answers with its final phase. */
  cancel(providerJobId: string): Promise<TrainingHandle>;
  /**
   * The files of the checkpoint at `step`, or of the final adapter without `step` (once completed).
   * A checkpoint not saved (yet) → ProviderError "not_found".
   */
  downloadCheckpoint(providerJobId: string, step?: number): Promise<ArtifactFile[]>;
}
