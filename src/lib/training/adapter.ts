/**
 * How big a LoRA adapter is: pricing sizes the stored checkpoints with it, and the memory check adds
 * its optimiser state.
 *
 * An all-linear LoRA of rank r adds r × (d_in + d_out) parameters per adapted matrix. For Llama 3.1
 * 8B (32 layers; q, k, v, o, gate, up, down) that is exactly 81,920 per layer per rank = 2,621,440
 * per rank (r = 16 → 41.9 M, the figure PEFT prints): the reference, taken at 8 B. Models grow wider
 * and deeper together, so per-rank size grows with parameters^0.75: that gives Llama 3.1 70B 13.4 M
 * per rank against its exact 12.9 M (4% high, the safe side for storage). Adapters are saved in
 * bf16, 2 bytes per parameter.
 */
import { type ModelSpec, parameterCountB } from "@/lib/model-spec";

export const REFERENCE_LORA_PARAMETERS_PER_RANK = 2_621_440;
const REFERENCE_PARAMETERS_B = 8;
export const ADAPTER_BYTES_PER_PARAMETER = 2;

/** Trainable parameters of a rank-`rank` all-linear adapter; null when the model's size is undisclosed. */
export function loraParameterCount(model: Pick<ModelSpec, "parameterCountB">, rank: number): number | null {
  const b = parameterCountB(model);
  if (b === null) return null;
  return Math.round(rank * REFERENCE_LORA_PARAMETERS_PER_RANK * (b / REFERENCE_PARAMETERS_B) ** 0.75);
}

/** Bytes of adapter_model.safetensors' tensors (bf16), or null when the model's size is undisclosed. */
export function adapterBytes(model: Pick<ModelSpec, "parameterCountB">, rank: number): number | null {
  const params = loraParameterCount(model, rank);
  return params === null ? null : params * ADAPTER_BYTES_PER_PARAMETER;
}
