/**
 * How fast each GPU trains a LoRA adapter, as data, and the model that turns it into tokens/second.
 *
 * Source: each GPU's peak dense 16-bit tensor throughput (TFLOPS, without sparsity) from NVIDIA's
 * datasheets (T4 FP16 65; L4 121; L40S 362; A100 312; H100 SXM 989; H200 989; B200 2,250). AWS
 * publishes none for the A10G: 70 is Baseten's figure ("NVIDIA A10 vs A10G for ML model inference").
 *
 * Assumptions, one per line of the formula:
 * - A token costs 6 FLOPs per base-model parameter: 2 forward, 2 backward (gradients with respect to
 *   activations only, the base weights are frozen) and 2 for the forward pass gradient checkpointing
 *   repeats. The adapter's own FLOPs are under 1% and ignored.
 * - 35% model FLOPs utilisation, a typical figure for single-node LoRA fine-tuning.
 * - Models under 1 B parameters train no faster than 1 B (they are no longer compute-bound).
 * - Several GPUs scale at 95% (2), 90% (4) and 85% (8) of linear: sharded weights are gathered on
 *   every step.
 * - 4- and 8-bit weights are dequantised on every pass (bitsandbytes): 75% of the 16-bit speed;
 *   32-bit trains on TF32 tensor cores at half the 16-bit rate: 50%.
 * Rank, batch size and sequence length are left out: they move throughput by less than these do.
 *
 * tokens/s = TFLOPS × 10¹² × MFU × GPUs × scaling × quantisation ÷ (6 × parameters). With the
 * parameters in thousandths of a billion (10⁶) and the three percentages as integers, the powers of
 * ten cancel: TFLOPS × MFU% × GPUs × scaling% × quantisation% ÷ (6 × milli-B), in integers.
 */
import type { Quantization } from "@/lib/training/schema";

/** Peak dense 16-bit tensor TFLOPS per GPU, keyed by instance type id (./instance-types.ts). */
export const GPU_PEAK_TFLOPS: Readonly<Record<string, number>> = {
  "nvidia-t4": 65,
  "nvidia-l4": 121,
  "nvidia-a10g": 70,
  "nvidia-l40s": 362,
  "nvidia-a100": 312,
  "nvidia-h100": 989,
  "nvidia-h200": 989,
  "nvidia-b200": 2250,
};

export const FLOPS_PER_PARAMETER_PER_TOKEN = 6;
export const MFU_PERCENT = 35;
export const MIN_TRAINING_MODEL_MILLI_B = 1_000;
export const MULTI_GPU_SCALING_PERCENT: Readonly<Record<number, number>> = { 1: 100, 2: 95, 4: 90, 8: 85 };
export const QUANTIZATION_SPEED_PERCENT: Readonly<Record<Quantization, number>> = {
  "4bit": 75,
  "8bit": 75,
  "16bit": 100,
  "32bit": 50,
};

/**
 * Training tokens per second on `gpuCount` GPUs of a type, for a model of `modelMilliB` thousandths
 * of a billion parameters (rounded down); null for a type or count without a figure.
 */
export function trainingTokensPerSecond(
  instanceTypeId: string,
  gpuCount: number,
  modelMilliB: number,
  quantization: Quantization,
): number | null {
  const tflops = GPU_PEAK_TFLOPS[instanceTypeId];
  const scaling = MULTI_GPU_SCALING_PERCENT[gpuCount];
  if (tflops === undefined || scaling === undefined) return null;
  const milliB = Math.max(MIN_TRAINING_MODEL_MILLI_B, modelMilliB);
  const numerator = tflops * MFU_PERCENT * gpuCount * scaling * QUANTIZATION_SPEED_PERCENT[quantization];
  return Math.floor(numerator / (FLOPS_PER_PARAMETER_PER_TOKEN * milliB));
}
