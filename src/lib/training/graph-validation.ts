/**
 * Deep validation of a training graph (seed 002's error rules), pure: the server looks up the
 * dataset, the model and the running-job counts, and this decides. Checks run in order and the first
 * class that fails is the answer:
 *
 * 1. malformed → 400 with every problem found (shape, then structure);
 * 2. `meta.created_by` is not the signed-in user → 401;
 * 3. the dataset is missing or not ready, the model is missing or cannot be fine-tuned, or the
 *    configuration is over the model's context or the GPUs' memory → 422 with every reason;
 * 4. no training capacity (the user's or everyone's concurrent jobs at their cap) → 503 with when to
 *    retry.
 * Every problem names the graph path it was found at and, when it belongs to one, the form field, so
 * the configurator can show it in place and keep the form.
 */
import type { FitModel } from "@/lib/model-fit";
import { fieldForGraphPath, type TrainingGraph, trainingConfigFromGraph, trainingGraphSchema } from "./graph";
import { trainingMemory, type TrainingMemoryFit } from "./memory";
import { fineTuneIssue } from "./models";
import type { TrainingConfig, TrainingField } from "./schema";

export interface GraphIssue {
  /** Where in the graph, e.g. ["nodes", 2, "props", "learning_rate"]; [] for the whole graph. */
  path: (string | number)[];
  /** The form field it belongs under, or null for the graph as a whole. */
  field: TrainingField | null;
  message: string;
}

export const UNPROCESSABLE_CODES = [
  "dataset_not_found",
  "dataset_not_ready",
  "model_not_found",
  "model_unavailable",
  "over_context",
  "over_gpu_memory",
] as const;
export type UnprocessableCode = (typeof UNPROCESSABLE_CODES)[number];

export interface GraphReason extends GraphIssue {
  code: UnprocessableCode;
}

export type GraphErrorKind = "malformed" | "unauthorized" | "unprocessable" | "unavailable";

export const GRAPH_ERROR_STATUS = {
  malformed: 400,
  unauthorized: 401,
  unprocessable: 422,
  unavailable: 503,
} as const satisfies Record<GraphErrorKind, number>;

/** The tRPC error code for each class (tRPC maps these to the same HTTP statuses). */
export const GRAPH_ERROR_TRPC_CODE = {
  malformed: "BAD_REQUEST",
  unauthorized: "UNAUTHORIZED",
  unprocessable: "UNPROCESSABLE_CONTENT",
  unavailable: "SERVICE_UNAVAILABLE",
} as const satisfies Record<GraphErrorKind, string>;

export type MalformedGraphError = { kind: "malformed"; status: 400; message: string; issues: GraphIssue[] };
export type GraphValidationError =
  | MalformedGraphError
  | { kind: "unauthorized"; status: 401; message: string }
  | { kind: "unprocessable"; status: 422; message: string; reasons: GraphReason[] }
  | { kind: "unavailable"; status: 503; message: string; scope: "user" | "global"; retryAfterSeconds: number };

/** The dataset the graph names, looked up among the caller's own datasets (null: no such dataset of theirs). */
export interface GraphDataset {
  id: string;
  name: string;
  /** Validated and usable for training. */
  ready: boolean;
  /** Its status as users see it ("validating", "failed"), for the message. */
  status: string;
}

/** A catalog row (`Model`) satisfies it as is. */
export type GraphModel = FitModel & { type: string; status: string };

export interface TrainingCapacity {
  userActiveJobs: number;
  userLimit: number;
  globalActiveJobs: number;
  globalLimit: number;
  /** When a slot is likely to free up; DEFAULT_RETRY_AFTER_SECONDS when unknown. */
  retryAfterSeconds?: number;
}

export interface DeepValidationContext {
  /** The signed-in user. */
  callerId: string;
  dataset: GraphDataset | null;
  model: GraphModel | null;
  capacity: TrainingCapacity;
}

export type GraphValidationResult =
  | { ok: true; graph: TrainingGraph; config: TrainingConfig; memory: TrainingMemoryFit | null }
  | { ok: false; error: GraphValidationError };

export const DEFAULT_RETRY_AFTER_SECONDS = 60;

const fmt = new Intl.NumberFormat("en-US");

/** Shape and structure only (the 400 class): the typed graph, or every problem with its path. */
export function parseTrainingGraph(
  input: unknown,
): { ok: true; graph: TrainingGraph } | { ok: false; error: MalformedGraphError } {
  const r = trainingGraphSchema.safeParse(input, {
    error: (iss) => (iss.code === "invalid_type" && iss.input === undefined ? "This field is required." : undefined),
  });
  if (r.success) return { ok: true, graph: r.data };
  const issues = r.error.issues.map((i): GraphIssue => {
    const path = i.path.map((p) => (typeof p === "number" ? p : String(p)));
    return { path, field: fieldForGraphPath(input, path), message: i.message };
  });
  const n = issues.length;
  return {
    ok: false,
    error: {
      kind: "malformed",
      status: 400,
      message: `The training graph is malformed (${n} problem${n === 1 ? "" : "s"}).`,
      issues,
    },
  };
}

/** Where a node's prop sits in this graph (its index can be anything in a client-made graph). */
function propPath(
  graph: TrainingGraph,
  type: TrainingGraph["nodes"][number]["type"],
  prop: string,
): (string | number)[] {
  const i = graph.nodes.findIndex((n) => n.type === type);
  return i < 0 ? [] : ["nodes", i, "props", prop];
}

function unprocessable(graph: TrainingGraph, ctx: DeepValidationContext, config: TrainingConfig) {
  const reasons: GraphReason[] = [];
  const { dataset, model } = ctx;
  const datasetPath = propPath(graph, "Dataset", "dataset_id");
  if (!dataset) {
    reasons.push({
      code: "dataset_not_found",
      path: datasetPath,
      field: "datasetId",
      message: "That dataset does not exist, or is not yours.",
    });
  } else if (!dataset.ready) {
    reasons.push({
      code: "dataset_not_ready",
      path: datasetPath,
      field: "datasetId",
      message: `Dataset "${dataset.name}" is ${dataset.status}: only a validated, ready dataset can be trained on.`,
    });
  }

  const modelPath = propPath(graph, "BaseModel", "model_id");
  if (!model) {
    reasons.push({
      code: "model_not_found",
      path: modelPath,
      field: "baseModelId",
      message: `There is no model "${config.baseModelId}" in the catalog.`,
    });
    return { reasons, memory: null };
  }
  const unavailable = fineTuneIssue(model);
  if (unavailable) {
    reasons.push({ code: "model_unavailable", path: modelPath, field: "baseModelId", message: unavailable });
    return { reasons, memory: null };
  }

  const h = config.hyperparameters;
  if (h.maxSequenceLength > model.contextWindow) {
    reasons.push({
      code: "over_context",
      path: propPath(graph, "LoRA", "max_seq_len"),
      field: "hyperparameters.maxSequenceLength",
      message: `${model.name} reads at most ${fmt.format(model.contextWindow)} tokens: lower the max sequence length to that or less.`,
    });
  }
  const memory = trainingMemory(model, config.quantization, h, config.gpu);
  if (memory && !memory.fits) {
    reasons.push({
      code: "over_gpu_memory",
      path: propPath(graph, "LoRA", "gpu_count"),
      field: "gpu.gpuCount",
      message: `${model.name} ${memory.reason}. Choose more or larger GPUs, 4-bit weights, a smaller batch or shorter sequences.`,
    });
  }
  return { reasons, memory };
}

function minutesText(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.round(seconds / 60)} minutes`;
}

/** Every class in order; `input` is the graph as received (anything). */
export function deepValidateTrainingGraph(input: unknown, ctx: DeepValidationContext): GraphValidationResult {
  const parsed = parseTrainingGraph(input);
  if (!parsed.ok) return parsed;
  const { graph } = parsed;

  if (graph.meta.created_by !== ctx.callerId) {
    return {
      ok: false,
      error: {
        kind: "unauthorized",
        status: 401,
        message: "This training request was made for another user: sign in as that user.",
      },
    };
  }

  const config = trainingConfigFromGraph(graph);
  const { reasons, memory } = unprocessable(graph, ctx, config);
  if (reasons.length > 0) {
    return { ok: false, error: { kind: "unprocessable", status: 422, message: reasons[0]!.message, reasons } };
  }

  const c = ctx.capacity;
  const retryAfterSeconds = Math.max(1, Math.ceil(c.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS));
  if (c.userActiveJobs >= c.userLimit) {
    const jobs = `${c.userActiveJobs} training job${c.userActiveJobs === 1 ? "" : "s"}`;
    return {
      ok: false,
      error: {
        kind: "unavailable",
        status: 503,
        scope: "user",
        retryAfterSeconds,
        message: `You already have ${jobs} running, your limit: try again in about ${minutesText(retryAfterSeconds)}, or cancel one.`,
      },
    };
  }
  if (c.globalActiveJobs >= c.globalLimit) {
    return {
      ok: false,
      error: {
        kind: "unavailable",
        status: 503,
        scope: "global",
        retryAfterSeconds,
        message: `All training capacity is in use: try again in about ${minutesText(retryAfterSeconds)}.`,
      },
    };
  }
  return { ok: true, graph, config, memory };
}
