/**
 * A training request as seed 002's typed graph: `schema_version`, nodes, edges and `meta`, in the
 * seed's snake_case wire style. The configurator builds it from the form (`buildTrainingGraph`),
 * the server deep-validates it (./graph-validation.ts) and creates the job from it
 * (`trainingConfigFromGraph`).
 *
 * Where our stack differs from the seed:
 * - A Dataset node names one of the user's datasets (`dataset_id`) rather than storage URLs.
 * - A third node, LoRA, carries the hyperparameters and GPUs the seed's graph has no place for:
 *   Dataset → BaseModel → LoRA reads "train the base model on the dataset into an adapter".
 * - `meta` has `created_by` (our user id) and `created_at`; no token travels in the body (the session
 *   authenticates the request), so the seed's `clerk_id` and `jwt_token` are refused as unknown keys.
 * Every object is strict: an unknown key is an error in the 400 list rather than silently dropped.
 */
import { z } from "zod";
import {
  baseModelIdSchema,
  datasetIdSchema,
  gpuCountIssue,
  gpuCountSchema,
  gpuInstanceTypeIdSchema,
  type Hyperparameters,
  hyperparameterSchemas,
  presetIdSchema,
  quantizationSchema,
  type TrainingConfig,
  type TrainingField,
} from "./schema";

export const TRAINING_GRAPH_SCHEMA_VERSION = 1;
export const TRAINING_NODE_TYPES = ["Dataset", "BaseModel", "LoRA"] as const;
export type TrainingNodeType = (typeof TRAINING_NODE_TYPES)[number];

/** The only edges a graph may (and must) have. */
export const TRAINING_EDGES: readonly (readonly [TrainingNodeType, TrainingNodeType])[] = [
  ["Dataset", "BaseModel"],
  ["BaseModel", "LoRA"],
];

export const NODE_IDS: Readonly<Record<TrainingNodeType, string>> = {
  Dataset: "n-dataset-01",
  BaseModel: "n-basemodel-01",
  LoRA: "n-lora-01",
};

const nodeIdSchema = z
  .string({ error: "A node id must be text." })
  .min(1, { error: "A node id cannot be empty." })
  .max(64, { error: "Keep node ids to 64 characters or fewer." })
  .regex(/^[A-Za-z0-9_-]+$/, { error: "Node ids use letters, digits, dashes and underscores." });

/** LoRA node props, snake_case, and the form field each one fills. */
const LORA_PROP_FIELDS = {
  preset: "presetId",
  learning_rate: "hyperparameters.learningRate",
  batch_size: "hyperparameters.batchSize",
  epochs: "hyperparameters.epochs",
  lora_rank: "hyperparameters.loraRank",
  lora_alpha: "hyperparameters.loraAlpha",
  lora_dropout: "hyperparameters.loraDropout",
  warmup_ratio: "hyperparameters.warmupRatio",
  max_seq_len: "hyperparameters.maxSequenceLength",
  gpu_type: "gpu.instanceTypeId",
  gpu_count: "gpu.gpuCount",
} as const satisfies Record<string, TrainingField>;

const PROP_FIELDS: Readonly<Record<TrainingNodeType, Readonly<Record<string, TrainingField>>>> = {
  Dataset: { dataset_id: "datasetId" },
  BaseModel: { model_id: "baseModelId", quant: "quantization" },
  LoRA: LORA_PROP_FIELDS,
};

const datasetNodeSchema = z.strictObject({
  id: nodeIdSchema,
  type: z.literal("Dataset"),
  props: z.strictObject({ dataset_id: datasetIdSchema }),
});

const baseModelNodeSchema = z.strictObject({
  id: nodeIdSchema,
  type: z.literal("BaseModel"),
  props: z.strictObject({ model_id: baseModelIdSchema, quant: quantizationSchema }),
});

const loraPropsSchema = z
  .strictObject({
    preset: presetIdSchema,
    learning_rate: hyperparameterSchemas.learningRate,
    batch_size: hyperparameterSchemas.batchSize,
    epochs: hyperparameterSchemas.epochs,
    lora_rank: hyperparameterSchemas.loraRank,
    lora_alpha: hyperparameterSchemas.loraAlpha,
    lora_dropout: hyperparameterSchemas.loraDropout,
    warmup_ratio: hyperparameterSchemas.warmupRatio,
    max_seq_len: hyperparameterSchemas.maxSequenceLength,
    gpu_type: gpuInstanceTypeIdSchema,
    gpu_count: gpuCountSchema,
  })
  .superRefine((p, ctx) => {
    const message = gpuCountIssue(p.gpu_type, p.gpu_count);
    if (message) ctx.addIssue({ code: "custom", path: ["gpu_count"], message });
  });

const loraNodeSchema = z.strictObject({ id: nodeIdSchema, type: z.literal("LoRA"), props: loraPropsSchema });

const nodeSchema = z.discriminatedUnion("type", [datasetNodeSchema, baseModelNodeSchema, loraNodeSchema], {
  error: "A node's type must be Dataset, BaseModel or LoRA.",
});

const edgeSchema = z.strictObject({ from: nodeIdSchema, to: nodeIdSchema });

const metaSchema = z.strictObject({
  created_by: z
    .string({ error: "meta.created_by must name the user." })
    .min(1, { error: "meta.created_by must name the user." })
    .max(200, { error: "meta.created_by is too long." }),
  created_at: z.iso.datetime({ error: "meta.created_at must be an ISO 8601 UTC timestamp." }),
});

type Issue = { path: (string | number)[]; message: string };

/** The structural rules zod's shapes cannot say: one node of each type, ids unique, exactly the two edges. */
function structureIssues(
  nodes: { id: string; type: TrainingNodeType }[],
  edges: { from: string; to: string }[],
): Issue[] {
  const issues: Issue[] = [];
  const typeById = new Map<string, TrainingNodeType>();
  const seenType = new Set<TrainingNodeType>();
  nodes.forEach((n, i) => {
    if (typeById.has(n.id)) issues.push({ path: ["nodes", i, "id"], message: `Node id "${n.id}" is used twice.` });
    else typeById.set(n.id, n.type);
    if (seenType.has(n.type))
      issues.push({ path: ["nodes", i, "type"], message: `Only one ${n.type} node is allowed.` });
    seenType.add(n.type);
  });
  for (const t of TRAINING_NODE_TYPES) {
    if (!seenType.has(t)) issues.push({ path: ["nodes"], message: `The graph needs a ${t} node.` });
  }
  const seenEdge = new Set<string>();
  const present = new Set<string>();
  edges.forEach((e, i) => {
    const from = typeById.get(e.from);
    const to = typeById.get(e.to);
    if (!from) issues.push({ path: ["edges", i, "from"], message: `No node has id "${e.from}".` });
    if (!to) issues.push({ path: ["edges", i, "to"], message: `No node has id "${e.to}".` });
    if (!from || !to) return;
    const key = `${e.from}\u0000${e.to}`;
    if (e.from === e.to) issues.push({ path: ["edges", i], message: "An edge cannot connect a node to itself." });
    else if (seenEdge.has(key))
      issues.push({ path: ["edges", i], message: `The edge ${e.from} → ${e.to} appears twice.` });
    else if (!TRAINING_EDGES.some(([a, b]) => a === from && b === to)) {
      issues.push({
        path: ["edges", i],
        message: `A ${from} → ${to} edge is not allowed: edges go Dataset → BaseModel → LoRA.`,
      });
    } else present.add(`${from}→${to}`);
    seenEdge.add(key);
  });
  for (const [a, b] of TRAINING_EDGES) {
    if (seenType.has(a) && seenType.has(b) && !present.has(`${a}→${b}`)) {
      issues.push({ path: ["edges"], message: `Connect the ${a} node to the ${b} node.` });
    }
  }
  return issues;
}

export const trainingGraphSchema = z
  .strictObject({
    schema_version: z.literal(TRAINING_GRAPH_SCHEMA_VERSION, {
      error: `schema_version must be ${TRAINING_GRAPH_SCHEMA_VERSION}.`,
    }),
    nodes: z.array(nodeSchema, { error: "nodes must be a list." }).max(16, { error: "A graph has at most 16 nodes." }),
    edges: z.array(edgeSchema, { error: "edges must be a list." }).max(32, { error: "A graph has at most 32 edges." }),
    meta: metaSchema,
  })
  .superRefine((g, ctx) => {
    // zod runs this after non-fatal issues too (a value out of range); the shapes are sound by then.
    if (!Array.isArray(g.nodes) || !Array.isArray(g.edges)) return;
    for (const issue of structureIssues(g.nodes, g.edges)) ctx.addIssue({ code: "custom", ...issue });
  });

export type TrainingGraph = z.output<typeof trainingGraphSchema>;
export type TrainingGraphNode = TrainingGraph["nodes"][number];
export type DatasetNode = Extract<TrainingGraphNode, { type: "Dataset" }>;
export type BaseModelNode = Extract<TrainingGraphNode, { type: "BaseModel" }>;
export type LoraNode = Extract<TrainingGraphNode, { type: "LoRA" }>;

/** The graph for a configuration: three nodes with the seed's id style, the two edges, and meta. */
export function buildTrainingGraph(config: TrainingConfig, userId: string, now: Date = new Date()): TrainingGraph {
  const h = config.hyperparameters;
  return {
    schema_version: TRAINING_GRAPH_SCHEMA_VERSION,
    nodes: [
      { id: NODE_IDS.Dataset, type: "Dataset", props: { dataset_id: config.datasetId } },
      {
        id: NODE_IDS.BaseModel,
        type: "BaseModel",
        props: { model_id: config.baseModelId, quant: config.quantization },
      },
      {
        id: NODE_IDS.LoRA,
        type: "LoRA",
        props: {
          preset: config.presetId,
          learning_rate: h.learningRate,
          batch_size: h.batchSize,
          epochs: h.epochs,
          lora_rank: h.loraRank,
          lora_alpha: h.loraAlpha,
          lora_dropout: h.loraDropout,
          warmup_ratio: h.warmupRatio,
          max_seq_len: h.maxSequenceLength,
          gpu_type: config.gpu.instanceTypeId,
          gpu_count: config.gpu.gpuCount,
        },
      },
    ],
    edges: [
      { from: NODE_IDS.Dataset, to: NODE_IDS.BaseModel },
      { from: NODE_IDS.BaseModel, to: NODE_IDS.LoRA },
    ],
    meta: { created_by: userId, created_at: now.toISOString() },
  };
}

function nodeOf<T extends TrainingNodeType>(graph: TrainingGraph, type: T): Extract<TrainingGraphNode, { type: T }> {
  const node = graph.nodes.find((n): n is Extract<TrainingGraphNode, { type: T }> => n.type === type);
  // trainingGraphSchema guarantees one node of each type; a graph that skipped it is a programming error.
  if (!node) throw new Error(`The training graph has no ${type} node.`);
  return node;
}

/** The dataset and model a (schema-valid) graph names: what the server looks up before deep validation. */
export function graphReferences(graph: TrainingGraph): { datasetId: string; modelId: string } {
  return { datasetId: nodeOf(graph, "Dataset").props.dataset_id, modelId: nodeOf(graph, "BaseModel").props.model_id };
}

/** The configuration a (schema-valid) graph describes; `buildTrainingGraph`'s inverse. */
export function trainingConfigFromGraph(graph: TrainingGraph): TrainingConfig {
  const base = nodeOf(graph, "BaseModel").props;
  const p = nodeOf(graph, "LoRA").props;
  const hyperparameters: Hyperparameters = {
    learningRate: p.learning_rate,
    batchSize: p.batch_size,
    epochs: p.epochs,
    loraRank: p.lora_rank,
    loraAlpha: p.lora_alpha,
    loraDropout: p.lora_dropout,
    warmupRatio: p.warmup_ratio,
    maxSequenceLength: p.max_seq_len,
  };
  return {
    datasetId: nodeOf(graph, "Dataset").props.dataset_id,
    baseModelId: base.model_id,
    presetId: p.preset,
    quantization: base.quant,
    hyperparameters,
    gpu: { instanceTypeId: p.gpu_type, gpuCount: p.gpu_count },
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function isNodeType(v: unknown): v is TrainingNodeType {
  return typeof v === "string" && (TRAINING_NODE_TYPES as readonly string[]).includes(v);
}

/**
 * The form field an issue at `path` in the (possibly malformed) `input` belongs under, or null when
 * it belongs to the graph as a whole: nodes[i].props.<key> maps through node i's type.
 */
export function fieldForGraphPath(input: unknown, path: readonly (string | number)[]): TrainingField | null {
  if (path[0] !== "nodes" || typeof path[1] !== "number" || path[2] !== "props" || typeof path[3] !== "string")
    return null;
  const nodes = isRecord(input) ? input.nodes : undefined;
  const node = Array.isArray(nodes) ? nodes[path[1]] : undefined;
  const type = isRecord(node) ? node.type : undefined;
  if (!isNodeType(type)) return null;
  return PROP_FIELDS[type][path[3]] ?? null;
}
