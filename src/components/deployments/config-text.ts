/** Short descriptions of a stored configuration, shared by the list and the detail page. */
import { instanceTypeById, regionById } from "@/lib/pricing";

export function hardwareText(h: { instanceTypeId: string; gpuCount: number; precision?: string }): string {
  const type = instanceTypeById(h.instanceTypeId);
  if (!type) return h.instanceTypeId;
  const base = type.accelerator === "gpu" ? `${h.gpuCount} × ${type.label.replace(/^NVIDIA /, "")}` : type.label;
  return h.precision ? `${base} · ${h.precision}` : base;
}

export function replicasText(s: { minReplicas: number; maxReplicas: number }): string {
  return s.minReplicas === s.maxReplicas ? `${s.minReplicas}` : `${s.minReplicas}–${s.maxReplicas}`;
}

export function regionText(id: string): string {
  return regionById(id)?.label ?? id;
}
