/**
 * THE training configuration: the configurator validates it with react-hook-form's zodResolver and
 * `fineTuning.create`/`estimate` validate the same schema on the server. No defaults or transforms,
 * so the form's input type is its output type. Messages are written for the person filling the form;
 * each issue's path names the field it belongs under. Soft advice on extreme values is separate
 * (./warnings.ts): it never blocks a submit.
 */
import { z } from "zod";
import { gpuCountsText, INSTANCE_TYPES, instanceSize, instanceTypeById } from "@/lib/pricing/instance-types";
import { safeText } from "@/lib/zod/text";
import { PRESET_IDS, PRESETS } from "./presets";

export const QUANTIZATIONS = ["4bit", "8bit", "16bit", "32bit"] as const;
export type Quantization = (typeof QUANTIZATIONS)[number];

export const QUANTIZATION_LABELS: Record<Quantization, string> = {
  "4bit": "4-bit (QLoRA)",
  "8bit": "8-bit",
  "16bit": "16-bit (bf16)",
  "32bit": "32-bit (fp32)",
};

/** Hard bounds: outside them a job is refused. Values inside but unusual get a warning instead. */
export const TRAINING_LIMITS = {
  learningRate: { min: 0.000001, max: 0.01 },
  batchSize: { min: 1, max: 256 },
  epochs: { min: 1, max: 50 },
  loraRank: { min: 1, max: 256 },
  loraAlpha: { min: 1, max: 1024 },
  loraDropout: { min: 0, max: 0.5 },
  warmupRatio: { min: 0, max: 0.5 },
  maxSequenceLength: { min: 128, max: 131_072 },
  gpuCount: { min: 1, max: 8 },
} as const;

/** Instance types a job can train on: the GPU ones (CPU instances cannot train). */
export const TRAINING_GPU_TYPES = INSTANCE_TYPES.filter((t) => t.accelerator === "gpu");

export function isTrainingGpuTypeId(id: string): boolean {
  return instanceTypeById(id)?.accelerator === "gpu";
}

const num = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .min(min, { error: `${label} must be at least ${min}.` })
    .max(max, { error: `${label} must be at most ${max}.` });

const int = (label: string, min: number, max: number) =>
  num(label, min, max).int({ error: `${label} must be a whole number.` });

const L = TRAINING_LIMITS;

/** Each hyperparameter's own schema; the training graph validates its LoRA node with the same ones. */
export const hyperparameterSchemas = {
  learningRate: num("Learning rate", L.learningRate.min, L.learningRate.max),
  batchSize: int("Batch size", L.batchSize.min, L.batchSize.max),
  epochs: int("Epochs", L.epochs.min, L.epochs.max),
  loraRank: int("LoRA rank", L.loraRank.min, L.loraRank.max),
  loraAlpha: int("LoRA alpha", L.loraAlpha.min, L.loraAlpha.max),
  loraDropout: num("LoRA dropout", L.loraDropout.min, L.loraDropout.max),
  warmupRatio: num("Warm-up ratio", L.warmupRatio.min, L.warmupRatio.max),
  maxSequenceLength: int("Max sequence length", L.maxSequenceLength.min, L.maxSequenceLength.max),
};

export const hyperparametersSchema = z.object(hyperparameterSchemas);

export const gpuInstanceTypeIdSchema = z
  .string({ error: "Choose a GPU type." })
  .refine(isTrainingGpuTypeId, { error: "Choose a GPU type from the list." });
export const gpuCountSchema = int("GPU count", L.gpuCount.min, L.gpuCount.max);

/** The issue a GPU type and count that exist separately but not together get, or null. */
export function gpuCountIssue(instanceTypeId: string, gpuCount: number): string | null {
  const type = instanceTypeById(instanceTypeId);
  // zod runs refinements after field issues too: a count the field already refused is not repeated.
  const countOk = Number.isInteger(gpuCount) && gpuCount >= L.gpuCount.min && gpuCount <= L.gpuCount.max;
  if (type?.accelerator !== "gpu" || !countOk || instanceSize(type, gpuCount)) return null;
  return `${type.label} comes with ${gpuCountsText(type)} GPUs.`;
}

export const gpuConfigSchema = z
  .object({ instanceTypeId: gpuInstanceTypeIdSchema, gpuCount: gpuCountSchema })
  .superRefine((g, ctx) => {
    const message = gpuCountIssue(g.instanceTypeId, g.gpuCount);
    if (message) ctx.addIssue({ code: "custom", path: ["gpuCount"], message });
  });

export const datasetIdSchema = safeText()
  .trim()
  .min(1, { error: "Choose a dataset." })
  .max(200, { error: "Dataset id is too long." });

export const baseModelIdSchema = safeText()
  .trim()
  .min(1, { error: "Choose a base model." })
  .max(200, { error: "Model id is too long." });

export const presetIdSchema = z.enum(PRESET_IDS, {
  error: "Choose a preset: Conservative, Balanced, Aggressive or Custom.",
});
export const quantizationSchema = z.enum(QUANTIZATIONS, { error: "Choose a quantisation: 4, 8, 16 or 32 bits." });

export const trainingConfigSchema = z.object({
  datasetId: datasetIdSchema,
  baseModelId: baseModelIdSchema,
  /** Which preset the six preset fields came from; "custom" once edited (see presetFor). */
  presetId: presetIdSchema,
  /** How the base model's weights are held while training (4-bit = QLoRA). */
  quantization: quantizationSchema,
  hyperparameters: hyperparametersSchema,
  gpu: gpuConfigSchema,
});

export type TrainingConfig = z.output<typeof trainingConfigSchema>;
export type TrainingConfigInput = z.input<typeof trainingConfigSchema>;
export type Hyperparameters = TrainingConfig["hyperparameters"];
export type GpuConfig = TrainingConfig["gpu"];

/** Form paths, as issues and warnings name them ("hyperparameters.learningRate"). */
export type TrainingField =
  | "datasetId"
  | "baseModelId"
  | "presetId"
  | "quantization"
  | `hyperparameters.${keyof Hyperparameters}`
  | `gpu.${keyof GpuConfig}`;

/**
 * What a new configurator starts from (and what a reset returns to): the Balanced preset, a 5%
 * warm-up, 2,048-token sequences, 16-bit weights on one A100. Valid except for the empty ids.
 */
export const defaultTrainingConfig: TrainingConfig = {
  datasetId: "",
  baseModelId: "",
  presetId: "balanced",
  quantization: "16bit",
  hyperparameters: { ...PRESETS.balanced.values, warmupRatio: 0.05, maxSequenceLength: 2048 },
  gpu: { instanceTypeId: "nvidia-a100", gpuCount: 1 },
};
