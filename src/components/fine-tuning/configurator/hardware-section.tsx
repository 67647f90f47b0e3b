"use client";

import { useWarnings } from "./advanced-section";
import { GpuCountField } from "./gpu-count-field";
import { GpuTypeField } from "./gpu-type-field";
import { MemoryMeter } from "./memory-meter";
import { QuantizationField } from "./quantization-field";
import { useGpuChoices } from "./use-gpu-choices";

/** Quantisation, GPU type and count, and how much of the GPUs' memory the job takes. */
export function HardwareSection() {
  const choices = useGpuChoices();
  const warnings = useWarnings();
  return (
    <>
      <QuantizationField warning={warnings.get("quantization")} />
      <GpuTypeField choices={choices} />
      <GpuCountField choices={choices} />
      <MemoryMeter />
    </>
  );
}
