/**
 * What the GPU section offers for the chosen model and settings: every GPU type with the counts
 * whose memory holds the job, and why the others cannot. Pure, so it is tested without a DOM.
 */
import type { FitModel } from "@/lib/model-fit";
import { parameterCountB } from "@/lib/model-spec";
import type { InstanceType } from "@/lib/pricing/instance-types";
import { trainingTokensPerSecond } from "@/lib/pricing/training-throughput";
import { type TrainingMemoryFit, trainingMemory } from "@/lib/training/memory";
import { type Hyperparameters, type Quantization, TRAINING_GPU_TYPES } from "@/lib/training/schema";

type MemoryInputs = Pick<Hyperparameters, "loraRank" | "batchSize" | "maxSequenceLength">;

export interface TrainingGpuChoice {
  type: InstanceType;
  /** Memory fit of each size, by GPU count (null while no model is chosen or a setting is blank). */
  sizes: { gpuCount: number; hourlyMills: number; fit: TrainingMemoryFit | null }[];
  /** No size of this type holds the job. */
  disabled: boolean;
  /** Why it is disabled: the reason at its largest size. */
  reason?: string;
}

export function trainingGpuChoices(
  model: FitModel | null,
  quantization: Quantization,
  h: MemoryInputs,
): TrainingGpuChoice[] {
  return TRAINING_GPU_TYPES.map((type) => {
    const sizes = type.sizes.map((s) => ({
      gpuCount: s.gpuCount,
      hourlyMills: s.hourlyMills,
      fit: model ? trainingMemory(model, quantization, h, { instanceTypeId: type.id, gpuCount: s.gpuCount }) : null,
    }));
    const disabled = sizes.every((s) => s.fit !== null && !s.fit.fits);
    return { type, sizes, disabled, reason: disabled ? sizes.at(-1)?.fit?.reason : undefined };
  });
}

/** The count to switch to when the type changes: kept if that size holds the job, else the smallest that does. */
export function gpuCountFor(choice: TrainingGpuChoice, current: number): number {
  const fitting = choice.sizes.filter((s) => s.fit === null || s.fit.fits);
  if (fitting.some((s) => s.gpuCount === current)) return current;
  return (fitting[0] ?? choice.sizes[0])!.gpuCount;
}

/**
 * The GPUs that train this job for the least money: compute cost is the hourly rate times the
 * duration, and the duration goes as 1 / throughput, so the lowest rate ÷ throughput wins.
 */
export function cheapestTrainingGpu(
  model: FitModel,
  quantization: Quantization,
  h: MemoryInputs,
): { instanceTypeId: string; gpuCount: number } | null {
  const b = parameterCountB(model);
  if (b === null) return null;
  let best: { instanceTypeId: string; gpuCount: number; costPerToken: number } | null = null;
  for (const choice of trainingGpuChoices(model, quantization, h)) {
    for (const s of choice.sizes) {
      if (!s.fit?.fits) continue;
      const tps = trainingTokensPerSecond(choice.type.id, s.gpuCount, Math.round(b * 1000), quantization);
      if (!tps) continue;
      const costPerToken = s.hourlyMills / tps;
      if (!best || costPerToken < best.costPerToken) {
        best = { instanceTypeId: choice.type.id, gpuCount: s.gpuCount, costPerToken };
      }
    }
  }
  return best && { instanceTypeId: best.instanceTypeId, gpuCount: best.gpuCount };
}
