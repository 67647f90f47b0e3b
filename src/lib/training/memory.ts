/**
 * Will a training configuration fit the chosen GPUs? Built on ./model-fit.ts (the deployment
 * check), with what training adds:
 *
 * - Weights at the training quantisation (4-bit 0.5, 8-bit 1, 16-bit 2, 32-bit 4 bytes a parameter),
 *   plus model-fit's overhead: 1 GB per GPU and 5% of the weights.
 * - Activations: with gradient checkpointing a layer's input is kept for every token, about twice
 *   the KV cache of the same tokens (Llama 3.1 8B: 256 KiB against 128 KiB a token), so we ask
 *   model-fit for the KV cache of 2 × batch size sequences of max sequence length. No gradient
 *   accumulation is assumed: the whole batch is in memory at once (the safe side).
 * - The adapter's training state: 16 bytes a LoRA parameter (bf16 weight and gradient, fp32 master
 *   copy and Adam's two moments), sized by ./adapter.ts.
 * Like model-fit, memory is pooled across the GPUs (weights sharded, FSDP-style), sizes in decimal GB.
 */
import { ACTIVATION_SHARE_OF_WEIGHTS, type FitModel, memoryNeeds, OVERHEAD_GB_PER_DEVICE } from "@/lib/model-fit";
import { parameterCountB } from "@/lib/model-spec";
import { instanceSize, instanceTypeById } from "@/lib/pricing/instance-types";
import { loraParameterCount } from "./adapter";
import type { GpuConfig, Hyperparameters, Quantization } from "./schema";

export const TRAINING_BYTES_PER_PARAMETER: Readonly<Record<Quantization, number>> = {
  "4bit": 0.5,
  "8bit": 1,
  "16bit": 2,
  "32bit": 4,
};
export const LORA_STATE_BYTES_PER_PARAMETER = 16;
/** Sequences whose activations are held per sequence of the batch (see above). */
const ACTIVATION_SEQUENCES_PER_EXAMPLE = 2;

export interface TrainingMemoryParts {
  weightsGb: number;
  activationsGb: number;
  adapterGb: number;
  overheadGb: number;
}

export interface TrainingMemoryFit {
  fits: boolean;
  /** What fit decisions compare. */
  exactGb: number;
  /** Rounded to 0.1 GB for display, like the parts. */
  neededGb: number;
  availableGb: number;
  parts: TrainingMemoryParts;
  /** Why it does not fit, e.g. "needs ≈ 95 GB to train; A100 80GB has 80 GB". */
  reason?: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Memory to train `model` with these settings on these GPUs; null when the model's size is
 * undisclosed or the GPU type and count do not exist (the schema refuses those first).
 */
export function trainingMemory(
  model: FitModel,
  quantization: Quantization,
  hyperparameters: Pick<Hyperparameters, "loraRank" | "batchSize" | "maxSequenceLength">,
  gpu: GpuConfig,
): TrainingMemoryFit | null {
  const type = instanceTypeById(gpu.instanceTypeId);
  const size = type && instanceSize(type, gpu.gpuCount);
  const paramsB = parameterCountB(model);
  const loraParams = loraParameterCount(model, hyperparameters.loraRank);
  if (!type || !size || type.accelerator !== "gpu" || paramsB === null || loraParams === null) return null;

  const devices = size.gpuCount;
  const sequences = ACTIVATION_SEQUENCES_PER_EXAMPLE * hyperparameters.batchSize;
  // model-fit at 16 bits gives weights + KV cache + overhead; keep only its KV cache, exactly.
  const at16 = memoryNeeds(model, "bf16", devices, hyperparameters.maxSequenceLength, sequences);
  if (!at16) return null;
  const weights16 = paramsB * 2;
  const activationsGb =
    at16.exactGb - weights16 - (OVERHEAD_GB_PER_DEVICE * devices + ACTIVATION_SHARE_OF_WEIGHTS * weights16);

  const weightsGb = paramsB * TRAINING_BYTES_PER_PARAMETER[quantization];
  const overheadGb = OVERHEAD_GB_PER_DEVICE * devices + ACTIVATION_SHARE_OF_WEIGHTS * weightsGb;
  const adapterGb = (loraParams * LORA_STATE_BYTES_PER_PARAMETER) / 1e9;
  const exactGb = weightsGb + activationsGb + adapterGb + overheadGb;
  const availableGb = type.vramPerGpuGb * devices;
  const parts = {
    weightsGb: round1(weightsGb),
    activationsGb: round1(activationsGb),
    adapterGb: round1(adapterGb),
    overheadGb: round1(overheadGb),
  };
  const fit = { exactGb, neededGb: round1(exactGb), availableGb, parts };
  if (exactGb <= availableGb) return { fits: true, ...fit };
  const name = type.label.replace(/^NVIDIA /, "");
  const hardware = devices === 1 ? `${name} has` : `${devices} × ${name} have`;
  return { fits: false, ...fit, reason: `needs ≈ ${Math.ceil(exactGb)} GB to train; ${hardware} ${availableGb} GB` };
}
