/**
 * The configurator's draft in localStorage, so a reload keeps the user's choices. Reading is
 * defensive: whatever is stored (an old shape, hand-edited JSON) is laid over the defaults field by
 * field, keeping only values of the default's type, and enums only when they are one of theirs.
 * A dataset or model named in the URL wins over the draft's, since that is what the user just asked for.
 */
import { isPresetId } from "@/lib/training/presets";
import { QUANTIZATIONS, type TrainingConfigInput } from "@/lib/training/schema";

export const TRAINING_DRAFT_KEY = "radium:training-draft:v1";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `stored` laid over `base` where the types agree (finite numbers only). */
function overlay<T>(base: T, stored: unknown): T {
  if (isRecord(base)) {
    if (!isRecord(stored)) return base;
    const out: Record<string, unknown> = { ...base };
    for (const key of Object.keys(base)) {
      if (key in stored) out[key] = overlay(base[key], stored[key]);
    }
    return out as T;
  }
  if (typeof stored === "number" && !Number.isFinite(stored)) return base;
  return typeof base === typeof stored ? (stored as T) : base;
}

/** A stored draft (parsed JSON, or anything) merged onto the defaults. */
export function fromDraft(defaults: TrainingConfigInput, stored: unknown): TrainingConfigInput {
  const merged = overlay(defaults, stored);
  return {
    ...merged,
    presetId: isPresetId(merged.presetId) ? merged.presetId : defaults.presetId,
    quantization: (QUANTIZATIONS as readonly string[]).includes(merged.quantization)
      ? merged.quantization
      : defaults.quantization,
  };
}

/** Where the configurator starts: the draft (or the defaults), with the URL's dataset and model over it. */
export function initialConfig(
  defaults: TrainingConfigInput,
  draft: TrainingConfigInput | null,
  fromUrl: { datasetId?: string; baseModelId?: string },
): TrainingConfigInput {
  const start = draft ?? defaults;
  return {
    ...start,
    ...(fromUrl.datasetId ? { datasetId: fromUrl.datasetId } : {}),
    ...(fromUrl.baseModelId ? { baseModelId: fromUrl.baseModelId } : {}),
  };
}

export function loadTrainingDraft(
  defaults: TrainingConfigInput,
  storage: Pick<Storage, "getItem"> = localStorage,
): TrainingConfigInput | null {
  try {
    const raw = storage.getItem(TRAINING_DRAFT_KEY);
    return raw ? fromDraft(defaults, JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

export function saveTrainingDraft(values: TrainingConfigInput, storage: Pick<Storage, "setItem"> = localStorage): void {
  try {
    storage.setItem(TRAINING_DRAFT_KEY, JSON.stringify(values));
  } catch {
    // Storage full or disabled (private mode): the draft is a convenience, the form still works.
  }
}

export function clearTrainingDraft(storage: Pick<Storage, "removeItem"> = localStorage): void {
  try {
    storage.removeItem(TRAINING_DRAFT_KEY);
  } catch {}
}
