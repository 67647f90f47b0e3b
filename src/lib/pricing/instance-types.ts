/**
 * The hardware a deployment can run on, as data: the wizard lists it, pricing and model fit read it,
 * and the Hugging Face adapter maps it to its `instanceType`/`instanceSize` pair.
 *
 * Prices: Hugging Face Inference Endpoints' public price list, AWS column
 * (https://huggingface.co/docs/inference-endpoints/support/pricing, read 2026-12-02). Sizes the list
 * does not offer (marked `listed: false`) are derived: x2 = 2 × the x1 rate, x8 = 2 × the x4 rate.
 * Rates are integer mills (1 mill = $0.001) because the list quotes CPU rates to a tenth of a cent
 * ($0.033/h); everything computed from them is rounded once, to integer cents, in ./price.ts.
 *
 * vCPU and RAM follow the AWS instance family each accelerator runs on (g4dn T4, g6 L4, g5 A10G,
 * g6e L40S, p4de A100, p5 H100, p5en H200, p6-b200 B200); sizes AWS has no shape for take that
 * family's per-GPU share. VRAM per GPU is NVIDIA's published figure.
 */

export type Accelerator = "cpu" | "gpu";

export interface InstanceSize {
  /** 0 for CPU instances. */
  gpuCount: number;
  vCpu: number;
  ramGb: number;
  /** List price of one replica-hour, in mills ($0.001). */
  hourlyMills: number;
  /** Hugging Face's instanceSize ("x1", "x4"). */
  hfInstanceSize: string;
  /** False when the size is derived rather than on the public list. */
  listed: boolean;
}

export interface InstanceType {
  id: string;
  label: string;
  accelerator: Accelerator;
  /** 0 for CPU instances. */
  vramPerGpuGb: number;
  /** Hugging Face's instanceType ("nvidia-l4", "intel-spr"). */
  hfInstanceType: string;
  /**
   * Requests per minute one unit (a GPU, or a vCPU on CPU instances) serves at full utilisation for
   * an 8B-parameter model; see ./capacity.ts for how pricing uses it.
   */
  referenceRpmPerUnit: number;
  sizes: InstanceSize[];
}

type GpuRow = [gpuCount: number, vCpu: number, ramGb: number, hourlyMills: number, listed: boolean];

function gpu(id: string, label: string, vramPerGpuGb: number, referenceRpmPerUnit: number, rows: GpuRow[]): InstanceType {
  return {
    id,
    label,
    accelerator: "gpu",
    vramPerGpuGb,
    hfInstanceType: id,
    referenceRpmPerUnit,
    sizes: rows.map(([gpuCount, vCpu, ramGb, hourlyMills, listed]) => ({
      gpuCount,
      vCpu,
      ramGb,
      hourlyMills,
      hfInstanceSize: `x${gpuCount}`,
      listed,
    })),
  };
}

function cpu(size: number, hourlyMills: number): InstanceType {
  return {
    id: `intel-spr-x${size}`,
    label: `CPU · ${size} vCPU`,
    accelerator: "cpu",
    vramPerGpuGb: 0,
    hfInstanceType: "intel-spr",
    referenceRpmPerUnit: 1,
    sizes: [{ gpuCount: 0, vCpu: size, ramGb: size * 2, hourlyMills, hfInstanceSize: `x${size}`, listed: true }],
  };
}

export const INSTANCE_TYPES: readonly InstanceType[] = [
  cpu(1, 33),
  cpu(2, 67),
  cpu(4, 134),
  cpu(8, 268),
  cpu(16, 536),
  gpu("nvidia-t4", "NVIDIA T4", 16, 30, [
    [1, 4, 16, 500, true],
    [2, 24, 96, 1000, false],
    [4, 48, 192, 3000, true],
    [8, 96, 384, 6000, false],
  ]),
  gpu("nvidia-l4", "NVIDIA L4", 24, 60, [
    [1, 8, 32, 800, true],
    [2, 24, 96, 1600, false],
    [4, 48, 192, 3800, true],
    [8, 192, 768, 7600, false],
  ]),
  gpu("nvidia-a10g", "NVIDIA A10G", 24, 60, [
    [1, 8, 32, 1000, true],
    [2, 24, 96, 2000, false],
    [4, 48, 192, 5000, true],
    [8, 192, 768, 10000, false],
  ]),
  gpu("nvidia-l40s", "NVIDIA L40S", 48, 120, [
    [1, 8, 64, 1800, true],
    [2, 24, 192, 3600, false],
    [4, 48, 384, 8300, true],
    [8, 192, 1536, 23500, true],
  ]),
  gpu("nvidia-a100", "NVIDIA A100 80GB", 80, 200, [
    [1, 12, 144, 2500, true],
    [2, 24, 288, 5000, true],
    [4, 48, 576, 10000, true],
    [8, 96, 1152, 20000, true],
  ]),
  gpu("nvidia-h100", "NVIDIA H100", 80, 400, [
    [1, 24, 256, 4500, true],
    [2, 48, 512, 9000, true],
    [4, 96, 1024, 18000, true],
    [8, 192, 2048, 36000, true],
  ]),
  gpu("nvidia-h200", "NVIDIA H200", 141, 480, [
    [1, 24, 256, 5000, true],
    [2, 48, 512, 10000, true],
    [4, 96, 1024, 20000, true],
    [8, 192, 2048, 40000, true],
  ]),
  gpu("nvidia-b200", "NVIDIA B200", 180, 800, [
    [1, 24, 256, 9250, true],
    [2, 48, 512, 18500, true],
    [4, 96, 1024, 37000, true],
    [8, 192, 2048, 74000, true],
  ]),
];

const BY_ID = new Map(INSTANCE_TYPES.map((t) => [t.id, t]));

export function instanceTypeById(id: string): InstanceType | undefined {
  return BY_ID.get(id);
}

export function isInstanceTypeId(id: string): boolean {
  return BY_ID.has(id);
}

/** The size of `type` with `gpuCount` GPUs (CPU instances have one size, gpuCount 0). */
export function instanceSize(type: InstanceType, gpuCount: number): InstanceSize | undefined {
  return type.sizes.find((s) => s.gpuCount === gpuCount);
}

/** "1, 2, 4 or 8" — the GPU counts a type comes with, for messages. */
export function gpuCountsText(type: InstanceType): string {
  const counts = type.sizes.map((s) => String(s.gpuCount));
  return counts.length === 1 ? counts[0]! : `${counts.slice(0, -1).join(", ")} or ${counts.at(-1)}`;
}
