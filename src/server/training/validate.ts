/**
 * Deep validation on the server: the graph's dataset (the caller's; ready = validated) and catalog
 * model are looked up, the live-job counts read, and T1's pure deepValidateTrainingGraph decides.
 * A valid request also gets the server's own estimate, from the dataset's statistics.
 */
import "server-only";
import type { Model } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { datasetSizeFromStats, estimateTraining, type TrainingEstimate } from "@/lib/pricing/training";
import { PricingError } from "@/lib/pricing/price";
import { graphReferences, type TrainingGraph } from "@/lib/training/graph";
import {
  deepValidateTrainingGraph,
  type GraphValidationError,
  parseTrainingGraph,
  type TrainingCapacity,
} from "@/lib/training/graph-validation";
import type { TrainingConfig } from "@/lib/training/schema";
import { trainingWarnings, type TrainingWarning } from "@/lib/training/warnings";
import type { DatasetStats } from "@/lib/datasets/types";
import type { DatasetRow } from "@/server/db/schema";
import { trainingCapacity } from "./capacity";
import { catalogModel, graphDataset, isTrainable, userDataset } from "./lookup";

export type TrainableDataset = DatasetRow & { stats: DatasetStats };

export interface ValidTrainingRequest {
  graph: TrainingGraph;
  config: TrainingConfig;
  dataset: TrainableDataset;
  model: Model;
  estimate: TrainingEstimate;
}

export type TrainingRequestResult = ({ ok: true } & ValidTrainingRequest) | { ok: false; error: GraphValidationError };

/** The estimate for a configuration on a dataset (throws PricingError when it cannot be priced). */
export function estimateFor(config: TrainingConfig, stats: DatasetStats, model: Model): TrainingEstimate {
  return estimateTraining(
    {
      quantization: config.quantization,
      hyperparameters: config.hyperparameters,
      gpu: config.gpu,
      dataset: datasetSizeFromStats(stats),
    },
    model,
  );
}

export function warningsFor(config: TrainingConfig, stats: DatasetStats | null): TrainingWarning[] {
  return trainingWarnings(config, {
    dataset: stats ? { trainExamples: stats.trainExamples, tokensPerExample: stats.tokensPerExample } : null,
  });
}

/**
 * Every class of seed 002's rules in order. `capacity` replaces the counts read here (create reads
 * them again under its lock).
 */
export async function validateTrainingRequest(
  db: DbOrTx,
  userId: string,
  input: unknown,
  capacity?: TrainingCapacity,
): Promise<TrainingRequestResult> {
  const parsed = parseTrainingGraph(input);
  if (!parsed.ok) return parsed;
  const refs = graphReferences(parsed.graph);
  const [dataset, model, counts] = await Promise.all([
    userDataset(db, userId, refs.datasetId),
    catalogModel(db, refs.modelId),
    capacity ?? trainingCapacity(db, userId),
  ]);
  const result = deepValidateTrainingGraph(input, {
    callerId: userId,
    dataset: graphDataset(dataset),
    model,
    capacity: counts,
  });
  if (!result.ok) return result;
  // Deep validation found both and the dataset ready; the checks below only narrow the types.
  if (!dataset || !isTrainable(dataset) || !model) throw new Error("deep validation passed without its rows");
  try {
    const estimate = estimateFor(result.config, dataset.stats, model);
    return { ok: true, graph: result.graph, config: result.config, dataset, model, estimate };
  } catch (err) {
    if (!(err instanceof PricingError)) throw err;
    const i = result.graph.nodes.findIndex((n) => n.type === "BaseModel");
    return {
      ok: false,
      error: {
        kind: "unprocessable",
        status: 422,
        message: err.message,
        reasons: [
          {
            code: "model_unavailable",
            path: ["nodes", i, "props", "model_id"],
            field: "baseModelId",
            message: err.message,
          },
        ],
      },
    };
  }
}
