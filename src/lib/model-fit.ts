/**
 * Will the model fit the hardware? Memory needed = weights + KV cache + runtime overhead, compared
 * with the instance's GPU memory (RAM on CPU instances). The wizard disables what cannot hold the
 * model and says why; deployments.create refuses it with the same reason.
 *
 * - Weights: parameters × bytes per parameter at the chosen precision (fp16/bf16 2, int8 1, int4 0.5).
 * - KV cache: context length × concurrent sequences × bytes per token, kept in 16 bits whatever the
 *   weights' precision (the default of TGI and vLLM). Bytes per token = layers × K+V values × 2 from
 *   ./model-architectures.ts; for a model not listed there, 128 KiB × √(parameters / 8B): exact for
 *   Llama 3.1 8B, and above the real figure for larger grouped-query models (a safe side to err on).
 * - Overhead: 1 GB per device (CUDA context, runtime, buffers) + 5% of the weights (activations).
 * Sizes are decimal GB (10⁹ bytes), like the instance tables.
 */
import type { Precision } from "@/lib/deployments/schema";
import { type ModelArchitecture, MODEL_ARCHITECTURES } from "@/lib/model-architectures";
import { type ModelSpec, parameterCountB } from "@/lib/model-spec";
import { INSTANCE_TYPES, type InstanceType, instanceSize, instanceTypeById } from "@/lib/pricing/instance-types";

export const BYTES_PER_PARAMETER: Readonly<Record<Precision, number>> = { fp16: 2, bf16: 2, int8: 1, int4: 0.5 };
export const DEFAULT_CONTEXT_TOKENS = 4096;
export const DEFAULT_CONCURRENCY = 2;
export const OVERHEAD_GB_PER_DEVICE = 1;
export const ACTIVATION_SHARE_OF_WEIGHTS = 0.05;
const KV_BYTES_PER_VALUE = 2;
const REFERENCE_KV_BYTES_PER_TOKEN = 131_072; // Llama 3.1 8B: 32 layers × 2048 values × 2 bytes

export type FitModel = ModelSpec & { architecture?: ModelArchitecture | null };

/** Rounded to 0.1 GB for display; `exactGb` is what fit decisions compare. */
export interface MemoryNeeds {
  exactGb: number;
  weightsGb: number;
  kvCacheGb: number;
  overheadGb: number;
  totalGb: number;
  contextLength: number;
  concurrency: number;
}

export interface ModelFit {
  fits: boolean;
  /** Rounded to 0.1 GB; null when the model's size is not disclosed (hosted-only models). */
  neededGb: number | null;
  availableGb: number;
  /** Why it does not fit, e.g. "needs ≈ 19 GB; T4 has 16 GB". */
  reason?: string;
  needs?: MemoryNeeds;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function kvBytesPerToken(model: FitModel, paramsB: number): number {
  const arch = model.architecture ?? MODEL_ARCHITECTURES[model.id];
  if (arch) return arch.layers * arch.kvValuesPerTokenPerLayer * KV_BYTES_PER_VALUE;
  return REFERENCE_KV_BYTES_PER_TOKEN * Math.sqrt(paramsB / 8);
}

/** Memory a model needs on `devices` devices; null when its parameter count is undisclosed. */
export function memoryNeeds(
  model: FitModel,
  precision: Precision,
  devices = 1,
  contextLength = DEFAULT_CONTEXT_TOKENS,
  concurrency = DEFAULT_CONCURRENCY,
): MemoryNeeds | null {
  const paramsB = parameterCountB(model);
  if (paramsB === null) return null;
  const context = Math.min(contextLength, model.contextWindow);
  const weightsGb = paramsB * BYTES_PER_PARAMETER[precision];
  const kvCacheGb = (kvBytesPerToken(model, paramsB) * context * concurrency) / 1e9;
  const overheadGb = OVERHEAD_GB_PER_DEVICE * Math.max(1, devices) + ACTIVATION_SHARE_OF_WEIGHTS * weightsGb;
  return {
    exactGb: weightsGb + kvCacheGb + overheadGb,
    weightsGb: round1(weightsGb),
    kvCacheGb: round1(kvCacheGb),
    overheadGb: round1(overheadGb),
    totalGb: round1(weightsGb + kvCacheGb + overheadGb),
    contextLength: context,
    concurrency,
  };
}

function hardwareText(type: InstanceType, gpuCount: number): string {
  const name = type.label.replace(/^NVIDIA /, "");
  if (type.accelerator === "cpu") return `${name} has`;
  return gpuCount === 1 ? `${name} has` : `${gpuCount} × ${name} have`;
}

export function modelFit(
  model: FitModel,
  instanceType: InstanceType | string,
  gpuCount: number,
  precision: Precision,
  contextLength = DEFAULT_CONTEXT_TOKENS,
  concurrency = DEFAULT_CONCURRENCY,
): ModelFit {
  const type = typeof instanceType === "string" ? instanceTypeById(instanceType) : instanceType;
  const size = type && instanceSize(type, gpuCount);
  if (!type || !size) {
    return { fits: false, neededGb: null, availableGb: 0, reason: "Choose an instance type and GPU count." };
  }
  const cpu = type.accelerator === "cpu";
  const availableGb = cpu ? size.ramGb : type.vramPerGpuGb * size.gpuCount;
  const needs = memoryNeeds(model, precision, cpu ? 1 : size.gpuCount, contextLength, concurrency);
  if (!needs) {
    return {
      fits: false,
      neededGb: null,
      availableGb,
      reason: `${model.name} is hosted only: its weights are not available to deploy.`,
    };
  }
  if (needs.exactGb <= availableGb) return { fits: true, neededGb: needs.totalGb, availableGb, needs };
  const memory = cpu ? `${availableGb} GB of RAM` : `${availableGb} GB`;
  return {
    fits: false,
    neededGb: needs.totalGb,
    availableGb,
    needs,
    reason: `needs ≈ ${Math.ceil(needs.exactGb)} GB; ${hardwareText(type, size.gpuCount)} ${memory}`,
  };
}

export interface InstanceOption {
  instanceType: InstanceType;
  gpuCount: number;
  fit: ModelFit;
}

/** Every instance type and size with its fit, in the order of the instance table. */
export function instanceOptions(
  model: FitModel,
  precision: Precision,
  contextLength = DEFAULT_CONTEXT_TOKENS,
  concurrency = DEFAULT_CONCURRENCY,
): InstanceOption[] {
  return INSTANCE_TYPES.flatMap((instanceType) =>
    instanceType.sizes.map((s) => ({
      instanceType,
      gpuCount: s.gpuCount,
      fit: modelFit(model, instanceType, s.gpuCount, precision, contextLength, concurrency),
    })),
  );
}

export interface FittingInstanceType {
  instanceType: InstanceType;
  /** The sizes of this type that hold the model, smallest first. */
  gpuCounts: number[];
}

/** The instance types with at least one size that holds the model; the wizard disables the rest. */
export function fittingInstanceTypes(
  model: FitModel,
  precision: Precision,
  contextLength = DEFAULT_CONTEXT_TOKENS,
  concurrency = DEFAULT_CONCURRENCY,
): FittingInstanceType[] {
  const byType = new Map<InstanceType, number[]>();
  for (const o of instanceOptions(model, precision, contextLength, concurrency)) {
    if (!o.fit.fits) continue;
    byType.set(o.instanceType, [...(byType.get(o.instanceType) ?? []), o.gpuCount]);
  }
  return [...byType].map(([instanceType, gpuCounts]) => ({ instanceType, gpuCounts }));
}
