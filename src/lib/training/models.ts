/**
 * Which catalog models can be fine-tuned here: the configurator lists only these, and deep
 * validation refuses the others (422) with the same reason.
 *
 * - The weights must be available: hosted-only models (no parameter count) cannot be trained.
 * - Chat and code models only: datasets are conversations or input/output pairs, which neither an
 *   embedding model nor (without images) a vision model learns from.
 * - Not deprecated: no new work starts on a model being retired.
 */
import { type ModelSpec, parameterCountB } from "@/lib/model-spec";

export const FINE_TUNABLE_MODEL_TYPES = ["chat", "code"] as const;

/** A catalog row (`Model`) satisfies it as is. */
export type FineTuneModel = ModelSpec & { type: string; status: string };

/** Why `model` cannot be fine-tuned, or null when it can. */
export function fineTuneIssue(model: FineTuneModel): string | null {
  if (model.status === "deprecated") return `${model.name} is deprecated: new fine-tuning jobs cannot use it.`;
  if (parameterCountB(model) === null)
    return `${model.name} is hosted only: its weights are not available to fine-tune.`;
  if (!(FINE_TUNABLE_MODEL_TYPES as readonly string[]).includes(model.type)) {
    return `${model.name} is ${model.type === "embedding" ? "an embedding" : `a ${model.type}`} model: only chat and code models can be fine-tuned.`;
  }
  return null;
}

export function isFineTunable(model: FineTuneModel): boolean {
  return fineTuneIssue(model) === null;
}
