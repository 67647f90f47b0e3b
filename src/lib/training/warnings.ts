/**
 * Soft advice on extreme values: shown under their fields, never blocking a submit (hard bounds are
 * errors in ./schema.ts). Works on drafts: a field that is not a finite number yet gets no warning.
 * The thresholds are common LoRA practice (the presets all sit inside them).
 */
import type { TrainingConfig, TrainingField } from "./schema";

export interface TrainingWarning {
  field: TrainingField;
  message: string;
}

/** What the dataset adds to the advice; the datasets' statistics carry these fields under these names. */
export interface WarningContext {
  dataset?: {
    trainExamples: number;
    tokensPerExample?: { max: number; p90: number };
  } | null;
}

export const WARNING_THRESHOLDS = {
  learningRateHigh: 0.0005,
  learningRateLow: 0.00001,
  batchSizeHigh: 64,
  epochsHigh: 10,
  loraRankHigh: 64,
  loraRankLow: 4,
  alphaPerRankLow: 0.5,
  alphaPerRankHigh: 4,
  loraDropoutHigh: 0.3,
  warmupRatioHigh: 0.2,
  maxSequenceLengthHigh: 8192,
} as const;

const T = WARNING_THRESHOLDS;
const fmt = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const ok = (n: number) => Number.isFinite(n);

export function trainingWarnings(config: TrainingConfig, context: WarningContext = {}): TrainingWarning[] {
  const h = config.hyperparameters;
  const out: TrainingWarning[] = [];
  const warn = (field: TrainingField, message: string) => out.push({ field, message });
  const dataset = context.dataset ?? null;

  if (ok(h.learningRate) && h.learningRate > T.learningRateHigh) {
    warn(
      "hyperparameters.learningRate",
      "Above 0.0005, LoRA training often becomes unstable: the loss can spike or diverge.",
    );
  } else if (ok(h.learningRate) && h.learningRate > 0 && h.learningRate < T.learningRateLow) {
    warn("hyperparameters.learningRate", "Below 0.00001 the adapter may barely move away from the base model.");
  }

  if (ok(h.batchSize) && dataset && dataset.trainExamples > 0 && h.batchSize > dataset.trainExamples) {
    warn(
      "hyperparameters.batchSize",
      `The batch is larger than the dataset's ${fmt.format(dataset.trainExamples)} training examples: each epoch is a single step.`,
    );
  } else if (ok(h.batchSize) && h.batchSize > T.batchSizeHigh) {
    warn(
      "hyperparameters.batchSize",
      "Batches above 64 take few steps per epoch: the adapter may need more epochs or a higher learning rate.",
    );
  }

  if (ok(h.epochs) && h.epochs > T.epochsHigh) {
    warn(
      "hyperparameters.epochs",
      "More than 10 epochs often overfits: watch the validation loss and keep the best checkpoint.",
    );
  }

  if (ok(h.loraRank) && h.loraRank > T.loraRankHigh) {
    warn("hyperparameters.loraRank", "Ranks above 64 rarely help, and make the adapter larger and training slower.");
  } else if (ok(h.loraRank) && h.loraRank > 0 && h.loraRank < T.loraRankLow) {
    warn("hyperparameters.loraRank", "A rank below 4 may be too small for the adapter to learn the task.");
  }

  if (ok(h.loraAlpha) && ok(h.loraRank) && h.loraRank > 0 && h.loraAlpha > 0) {
    const ratio = h.loraAlpha / h.loraRank;
    if (ratio < T.alphaPerRankLow || ratio > T.alphaPerRankHigh) {
      warn(
        "hyperparameters.loraAlpha",
        `LoRA alpha is usually 1–2 × the rank; at ${fmt.format(ratio)} × the adapter's updates are scaled ${ratio > 1 ? "far up" : "far down"}.`,
      );
    }
  }

  if (ok(h.loraDropout) && h.loraDropout > T.loraDropoutHigh) {
    warn("hyperparameters.loraDropout", "Dropout above 0.3 slows learning; 0.05–0.1 is typical.");
  }

  if (ok(h.warmupRatio) && h.warmupRatio > T.warmupRatioHigh) {
    warn(
      "hyperparameters.warmupRatio",
      "Warming up over more than 20% of the steps spends much of the run at a low learning rate.",
    );
  }

  const seq = h.maxSequenceLength;
  const lengths = dataset?.tokensPerExample;
  if (ok(seq) && lengths && lengths.p90 > seq) {
    warn(
      "hyperparameters.maxSequenceLength",
      `At least 10% of the examples are longer than ${fmt.format(seq)} tokens (the longest has ${fmt.format(lengths.max)}): they will be cut.`,
    );
  } else if (ok(seq) && lengths && lengths.max > seq) {
    warn(
      "hyperparameters.maxSequenceLength",
      `Some examples are longer than ${fmt.format(seq)} tokens (the longest has ${fmt.format(lengths.max)}): they will be cut.`,
    );
  } else if (ok(seq) && seq > T.maxSequenceLengthHigh) {
    warn(
      "hyperparameters.maxSequenceLength",
      "Sequences longer than 8,192 tokens need much more GPU memory and time: use them only if your examples are that long.",
    );
  }

  if (config.quantization === "32bit") {
    warn("quantization", "32-bit weights take twice the memory of 16-bit and rarely make a better adapter.");
  }
  return out;
}
