/**
 * The configurator's resolver: zodResolver(trainingConfigSchema) — the schema the router validates —
 * plus the checks that need the chosen catalog entry, made as deep validation makes them on the
 * server (422): the sequence length within the model's context, the job within the GPUs' memory.
 * Checking here means the user hears it before pressing Start rather than after.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, Resolver } from "react-hook-form";
import type { FitModel } from "@/lib/model-fit";
import { trainingMemory } from "@/lib/training/memory";
import { type TrainingConfig, type TrainingConfigInput, trainingConfigSchema } from "@/lib/training/schema";

const fmt = new Intl.NumberFormat("en-US");

/** The model-dependent problems of a configuration the schema accepted, by field. */
export function modelIssues(
  model: FitModel,
  config: TrainingConfigInput,
): { maxSequenceLength?: string; gpuCount?: string } {
  const out: { maxSequenceLength?: string; gpuCount?: string } = {};
  const h = config.hyperparameters;
  if (h.maxSequenceLength > model.contextWindow) {
    out.maxSequenceLength = `${model.name} reads at most ${fmt.format(model.contextWindow)} tokens: lower the max sequence length to that or less.`;
  }
  const memory = trainingMemory(model, config.quantization, h, config.gpu);
  if (memory && !memory.fits) {
    out.gpuCount = `${model.name} ${memory.reason}. Choose more or larger GPUs, 4-bit weights, a smaller batch or shorter sequences.`;
  }
  return out;
}

export function configuratorResolver(
  getModel: () => FitModel | null,
): Resolver<TrainingConfigInput, unknown, TrainingConfig> {
  const base = zodResolver(trainingConfigSchema);
  return async (values, context, options) => {
    const result = await base(values, context, options);
    const model = getModel();
    if (!model || model.id !== values.baseModelId || Object.keys(result.errors).length > 0) return result;
    const issues = modelIssues(model, values);
    if (!issues.maxSequenceLength && !issues.gpuCount) return result;
    const errors: FieldErrors<TrainingConfigInput> = {};
    if (issues.maxSequenceLength) {
      errors.hyperparameters = { maxSequenceLength: { type: "context", message: issues.maxSequenceLength } };
    }
    if (issues.gpuCount) errors.gpu = { gpuCount: { type: "memory", message: issues.gpuCount } };
    return { values: {}, errors };
  };
}
