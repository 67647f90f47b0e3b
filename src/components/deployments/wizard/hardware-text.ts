import { PRECISIONS, type Precision } from "@/lib/deployments/schema";
import { BYTES_PER_PARAMETER } from "@/lib/model-fit";
import { instanceTypeById } from "@/lib/pricing";

export const PRECISION_DETAIL: Record<Precision, string> = {
  fp16: `${BYTES_PER_PARAMETER.fp16} bytes per parameter`,
  bf16: `${BYTES_PER_PARAMETER.bf16} bytes per parameter`,
  int8: `${BYTES_PER_PARAMETER.int8} byte per parameter`,
  int4: `${BYTES_PER_PARAMETER.int4} byte per parameter`,
};

/** "2 × NVIDIA L4 · bf16" for the section header. */
export function hardwareSummary(h: { instanceTypeId: string; gpuCount: number; precision: string }): string {
  const type = instanceTypeById(h.instanceTypeId);
  if (!type) return "Choose an instance type";
  const what = type.accelerator === "gpu" ? `${h.gpuCount} × ${type.label} (${h.gpuCount * type.vramPerGpuGb} GB)` : type.label;
  return `${what} · ${h.precision}`;
}

/** The form's precision as the type, falling back to bf16 while the value is not one (a bad draft). */
export function asPrecision(value: string): Precision {
  return PRECISIONS.find((p) => p === value) ?? "bf16";
}
