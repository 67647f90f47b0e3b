/**
 * The default training provider: no network, no cost, no GPU. Deterministic per job (curves,
 * durations and the failure decision are seeded by the job id), time-scaled by
 * TRAINING_SIMULATOR_SPEED, failing a TRAINING_SIMULATOR_FAILURE_RATE share of jobs.
 *
 * Design (as the compute simulator): the provider job id IS the state (simulator-record.ts).
 * `submit` and `cancel` return the id carrying the timeline; `poll` and `downloadCheckpoint` derive
 * everything from it and the clock, so restarts, several processes and retried steps agree. A cancel
 * is also remembered in this process, so a poll with the id from before the cancel sees it too.
 */
import { seedOf } from "./simulator-curves";
import { checkpointFiles } from "./simulator-artifacts";
import {
  createRecord,
  type DatasetSize,
  decodeRecord,
  encodeRecord,
  type SimTrainingRecord,
  type TrainingSimulatorTuning,
  totalStepsOf,
} from "./simulator-record";
import { checkpointsBetween, endOf, etaMs, isCheckpointStep, logsAt, phaseAt, pointsBetween, stepsAt } from "./simulator-timeline";
import {
  advanceCursor,
  type ArtifactFile,
  INITIAL_CURSOR,
  ProviderError,
  type TrainingCursor,
  type TrainingFile,
  type TrainingHandle,
  type TrainingProvider,
  type TrainingSpec,
  type TrainingUpdate,
} from "./types";

export interface TrainingSimulatorOptions extends TrainingSimulatorTuning {
  now?: () => number;
}

/** Characters per token, the usual rule of thumb for English text with BPE tokenizers. */
const CHARS_PER_TOKEN = 4;
/** Without a validation file, this share of the examples is held out (at least one). */
const HELD_OUT = 0.1;

/** Examples and tokens in a dataset file: its stated statistics, else counted from its bytes. */
export async function measure(file: TrainingFile): Promise<{ examples: number; tokens: number }> {
  if (file.examples !== undefined && file.tokens !== undefined) return { examples: file.examples, tokens: file.tokens };
  const bytes = await file.read();
  let examples = file.examples;
  if (examples === undefined) {
    if (file.format === "parquet") {
      // Columnar and compressed: ~400 bytes per example is a guess, good enough to size a simulation.
      examples = Math.max(1, Math.round(bytes.byteLength / 400));
    } else {
      const lines = new TextDecoder().decode(bytes).split(/\r?\n/).filter((l) => l.trim() !== "").length;
      examples = file.format === "csv" ? Math.max(0, lines - 1) : lines;
    }
  }
  return { examples, tokens: file.tokens ?? Math.round(bytes.byteLength / CHARS_PER_TOKEN) };
}

export class TrainingSimulator implements TrainingProvider {
  readonly kind = "simulator" as const;
  private readonly now: () => number;
  /** job id → when it was cancelled, for ids stored before the cancel. */
  private readonly cancelled = new Map<string, number>();

  constructor(private readonly options: TrainingSimulatorOptions) {
    this.now = options.now ?? Date.now;
  }

  async submit(spec: TrainingSpec): Promise<TrainingHandle> {
    const hp = spec.hyperparameters;
    if (!(hp.epochs >= 1 && hp.batchSize >= 1 && hp.loraRank >= 1 && hp.maxSeqLength >= 1 && hp.learningRate > 0)) {
      throw new ProviderError("Invalid hyperparameters: epochs, batch size, LoRA rank, max sequence length and learning rate must be positive", {
        code: "invalid",
        retryable: false,
      });
    }
    const train = await measure(spec.dataset);
    const validation = spec.validationDataset ? await measure(spec.validationDataset) : undefined;
    const heldOut = validation ? 0 : Math.max(1, Math.round(train.examples * HELD_OUT));
    const examples = train.examples - heldOut;
    if (examples < 1) {
      throw new ProviderError(`The dataset ${spec.dataset.fileName} has too few examples to train on (${train.examples})`, {
        code: "invalid",
        retryable: false,
      });
    }
    const data: DatasetSize = {
      examples,
      validationExamples: Math.max(1, validation?.examples ?? heldOut),
      validationSource: spec.validationDataset ? spec.validationDataset.fileName : `held out from ${spec.dataset.fileName}`,
      tokensPerExample: Math.max(1, Math.min(hp.maxSeqLength, Math.round(train.tokens / Math.max(1, train.examples)))),
    };
    const record = createRecord(
      {
        jobId: spec.jobId,
        seed: spec.seed ?? seedOf(spec.jobId),
        model: spec.baseModel.repository,
        gpu: { type: spec.gpu.type, count: Math.max(1, spec.gpu.count) },
        hp,
        fileName: spec.dataset.fileName,
        checkpointEvery: spec.checkpointEverySteps,
      },
      data,
      this.now(),
      this.options,
    );
    return this.handle(record);
  }

  async poll(providerJobId: string, cursor: TrainingCursor = INITIAL_CURSOR): Promise<TrainingUpdate> {
    const record = this.load(providerJobId);
    const now = this.now();
    const { phase, message } = phaseAt(record, now);
    const step = stepsAt(record, now);
    const total = totalStepsOf(record);
    const points = pointsBetween(record, cursor.metricsStep, step);
    const checkpoints = checkpointsBetween(record, cursor.checkpointStep, step);
    const logs = logsAt(record, now).filter((line) => line.seq >= cursor.logSeq);
    const eta = etaMs(record, now);
    return {
      phase,
      providerStatus: phase,
      ...(message ? { message } : {}),
      step,
      totalSteps: total,
      epoch: step === 0 && (phase === "queued" || phase === "initializing") ? 0 : Math.min(record.hp.epochs, Math.floor(step / record.stepsPerEpoch) + 1),
      totalEpochs: record.hp.epochs,
      progress: phase === "completed" ? 1 : step / total,
      ...(eta !== undefined ? { etaSeconds: Math.ceil(eta / 1000) } : {}),
      points,
      logs,
      checkpoints,
      cursor: advanceCursor(cursor, { points, logs, checkpoints }),
    };
  }

  async cancel(providerJobId: string): Promise<TrainingHandle> {
    const record = this.load(providerJobId);
    const now = this.now();
    if (record.cancelledAt !== undefined || ["completed", "failed", "cancelled"].includes(phaseAt(record, now).phase)) {
      return this.handle(record);
    }
    this.cancelled.set(record.jobId, now);
    return this.handle({ ...record, cancelledAt: now });
  }

  async downloadCheckpoint(providerJobId: string, step?: number): Promise<ArtifactFile[]> {
    const record = this.load(providerJobId);
    const now = this.now();
    const total = totalStepsOf(record);
    if (step === undefined) {
      if (phaseAt(record, now).phase !== "completed") {
        throw new ProviderError(`Training job ${record.jobId} has not completed: no final adapter yet`, {
          code: "not_found",
          retryable: false,
        });
      }
      return checkpointFiles(record, total);
    }
    if (!Number.isInteger(step) || step < 1 || step > stepsAt(record, now) || !isCheckpointStep(record, step)) {
      throw new ProviderError(`No checkpoint at step ${step} for training job ${record.jobId}`, { code: "not_found", retryable: false });
    }
    return checkpointFiles(record, step);
  }

  /** The record, with a cancel made in this process through an older id applied. */
  private load(providerJobId: string): SimTrainingRecord {
    const record = decodeRecord(providerJobId);
    const cancelledAt = this.cancelled.get(record.jobId);
    if (cancelledAt === undefined || record.cancelledAt !== undefined || cancelledAt < record.submittedAt) return record;
    const withCancel = { ...record, cancelledAt };
    // Only if the cancel came before the job ended on its own.
    return endOf(withCancel).phase === "cancelled" ? withCancel : record;
  }

  private handle(record: SimTrainingRecord): TrainingHandle {
    const { phase, message } = phaseAt(record, this.now());
    return { providerJobId: encodeRecord(record), phase, providerStatus: phase, ...(message ? { message } : {}) };
  }
}
