/**
 * What the Hardware section offers for the chosen model and precision: every instance type with the
 * GPU counts that hold the model, and why the others cannot. Pure, so it is tested without a DOM.
 */
import type { Precision } from "@/lib/deployments/schema";
import { type FitModel, modelFit, type ModelFit } from "@/lib/model-fit";
import { INSTANCE_TYPES, type InstanceType } from "@/lib/pricing";

export interface HardwareChoice {
  type: InstanceType;
  /** Fit of each size, by GPU count (all fit when no model is chosen yet). */
  sizes: { gpuCount: number; hourlyMills: number; fit: ModelFit | null }[];
  /** Disabled when no size of this type holds the model. */
  disabled: boolean;
  /** Why it is disabled: the reason at its largest size. */
  reason?: string;
}

export function hardwareChoices(model: FitModel | null, precision: Precision): HardwareChoice[] {
  return INSTANCE_TYPES.map((type) => {
    const sizes = type.sizes.map((s) => ({
      gpuCount: s.gpuCount,
      hourlyMills: s.hourlyMills,
      fit: model ? modelFit(model, type, s.gpuCount, precision) : null,
    }));
    const disabled = sizes.every((s) => s.fit !== null && !s.fit.fits);
    return { type, sizes, disabled, reason: disabled ? sizes.at(-1)?.fit?.reason : undefined };
  });
}

/** The GPU count to switch to when the instance type changes: keep it if that size fits, else the smallest that does. */
export function gpuCountFor(choice: HardwareChoice, current: number): number {
  const fitting = choice.sizes.filter((s) => s.fit === null || s.fit.fits);
  if (fitting.some((s) => s.gpuCount === current)) return current;
  return (fitting[0] ?? choice.sizes[0])!.gpuCount;
}

/** "$0.80/h" from mills. */
export function hourlyText(mills: number): string {
  return `$${(mills / 1000).toFixed(mills % 10 === 0 ? 2 : 3)}/h`;
}

/**
 * The cheapest GPU size that holds the model (what a newly chosen model starts on); a CPU size only
 * when no GPU can, since a model that merely fits in RAM serves far slower there.
 */
export function cheapestFit(model: FitModel, precision: Precision): { instanceTypeId: string; gpuCount: number } | null {
  const options = hardwareChoices(model, precision).flatMap((c) =>
    c.sizes.filter((s) => s.fit?.fits).map((s) => ({ instanceTypeId: c.type.id, gpuCount: s.gpuCount, mills: s.hourlyMills, gpu: c.type.accelerator === "gpu" })),
  );
  const pool = options.some((o) => o.gpu) ? options.filter((o) => o.gpu) : options;
  const best = pool.reduce<(typeof pool)[number] | null>((b, o) => (!b || o.mills < b.mills ? o : b), null);
  return best && { instanceTypeId: best.instanceTypeId, gpuCount: best.gpuCount };
}
