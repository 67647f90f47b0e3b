/**
 * Which fields of the configurator have errors, in the order they appear on the page, and how to
 * move focus to the first one. The order is the form's, so a user is taken to the topmost problem.
 */
export const FIELD_ORDER = [
  "datasetId",
  "baseModelId",
  "presetId",
  "hyperparameters.learningRate",
  "hyperparameters.batchSize",
  "hyperparameters.epochs",
  "hyperparameters.loraRank",
  "hyperparameters.loraAlpha",
  "hyperparameters.loraDropout",
  "hyperparameters.warmupRatio",
  "hyperparameters.maxSequenceLength",
  "quantization",
  "gpu.instanceTypeId",
  "gpu.gpuCount",
] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** The field paths with a message in react-hook-form's nested errors object, in page order. */
export function errorFields(errors: unknown): string[] {
  return FIELD_ORDER.filter((path) => {
    let at: unknown = errors;
    for (const key of path.split(".")) at = isRecord(at) ? at[key] : undefined;
    return isRecord(at) && typeof at.message === "string";
  });
}

/** Focus the field's control: one marked as the target, its invalid control, its checked radio, else its first control. */
export function focusField(path: string, root: ParentNode = document): void {
  const box = root.querySelector<HTMLElement>(`[data-field="${path}"]`);
  if (!box) return;
  const target =
    box.querySelector<HTMLElement>("[data-focus-target]") ??
    box.querySelector<HTMLElement>('input[aria-invalid="true"]') ??
    box.querySelector<HTMLElement>('[role="radio"][data-state="checked"]:not([disabled])') ??
    box.querySelector<HTMLElement>('input:not([disabled]), button:not([disabled]), [role="radio"]:not([disabled]), a[href]');
  if (!target) return;
  target.focus();
  target.scrollIntoView({ block: "center", behavior: "smooth" });
}
