/**
 * Hyperparameter presets, with seed 003's exact values (its HYPERPARAMETER_PRESETS; `numEpochs` is
 * our `epochs`). Choosing a preset overwrites these six fields of the form; warm-up ratio and max
 * sequence length are not part of a preset (the seed's presets leave them out: they follow the data
 * and the model rather than how hard to train), and neither are the GPUs or the quantisation.
 * Editing any of the six makes the configuration Custom (`presetFor`).
 */
import type { Hyperparameters, TrainingConfig } from "./schema";

export const PRESET_IDS = ["conservative", "balanced", "aggressive", "custom"] as const;
export type PresetId = (typeof PRESET_IDS)[number];
export type NamedPresetId = Exclude<PresetId, "custom">;

export type PresetValues = Pick<
  Hyperparameters,
  "learningRate" | "batchSize" | "epochs" | "loraRank" | "loraAlpha" | "loraDropout"
>;

export interface Preset {
  id: NamedPresetId;
  label: string;
  description: string;
  values: PresetValues;
}

export const PRESETS: Readonly<Record<NamedPresetId, Preset>> = {
  conservative: {
    id: "conservative",
    label: "Conservative",
    description: "Small steps and a small adapter: the safest choice for small datasets.",
    values: { learningRate: 0.0001, batchSize: 4, epochs: 3, loraRank: 8, loraAlpha: 16, loraDropout: 0.05 },
  },
  balanced: {
    id: "balanced",
    label: "Balanced",
    description: "A sound default for most datasets.",
    values: { learningRate: 0.0002, batchSize: 8, epochs: 5, loraRank: 16, loraAlpha: 32, loraDropout: 0.1 },
  },
  aggressive: {
    id: "aggressive",
    label: "Aggressive",
    description: "Larger steps, a larger adapter and more epochs: for large datasets; watch for overfitting.",
    values: { learningRate: 0.0003, batchSize: 16, epochs: 10, loraRank: 32, loraAlpha: 64, loraDropout: 0.1 },
  },
};

export const NAMED_PRESET_IDS: readonly NamedPresetId[] = ["conservative", "balanced", "aggressive"];

export const PRESET_LABELS: Record<PresetId, string> = {
  conservative: "Conservative",
  balanced: "Balanced",
  aggressive: "Aggressive",
  custom: "Custom",
};

export const PRESET_FIELDS: readonly (keyof PresetValues)[] = [
  "learningRate",
  "batchSize",
  "epochs",
  "loraRank",
  "loraAlpha",
  "loraDropout",
];

export function isPresetId(value: string): value is PresetId {
  return (PRESET_IDS as readonly string[]).includes(value);
}

/** The configuration with a preset's six values written over it (Custom changes nothing but the id). */
export function applyPreset(config: TrainingConfig, id: PresetId): TrainingConfig {
  if (id === "custom") return { ...config, presetId: "custom" };
  return { ...config, presetId: id, hyperparameters: { ...config.hyperparameters, ...PRESETS[id].values } };
}

/** The preset whose six values these are exactly, or "custom". */
export function presetFor(h: PresetValues): PresetId {
  for (const id of NAMED_PRESET_IDS) {
    const values = PRESETS[id].values;
    if (PRESET_FIELDS.every((f) => values[f] === h[f])) return id;
  }
  return "custom";
}
