import { describe, expect, it } from "vitest";
import { buildTrainingGraph, type TrainingGraph } from "./graph";
import {
  DEFAULT_RETRY_AFTER_SECONDS,
  type DeepValidationContext,
  deepValidateTrainingGraph,
  GRAPH_ERROR_STATUS,
  GRAPH_ERROR_TRPC_CODE,
  type GraphModel,
  type GraphValidationResult,
} from "./graph-validation";
import { defaultTrainingConfig, type TrainingConfig } from "./schema";

const llama8: GraphModel = {
  id: "meta-llama-3.1-8b-instruct",
  name: "Llama 3.1 8B Instruct",
  type: "chat",
  status: "available",
  parameterCountB: "8.03",
  contextWindow: 131_072,
};
const gemma: GraphModel = {
  id: "gemma-2-27b-it",
  name: "Gemma 2 27B IT",
  type: "chat",
  status: "available",
  parameterCountB: "27.2",
  contextWindow: 8192,
};
const config: TrainingConfig = { ...defaultTrainingConfig, datasetId: "ds-1", baseModelId: llama8.id };
const graphFor = (c: Partial<TrainingConfig> = {}, userId = "user-1"): TrainingGraph =>
  buildTrainingGraph({ ...config, ...c }, userId, new Date("2026-12-03T10:30:00.000Z"));

const ctx = (patch: Partial<DeepValidationContext> = {}): DeepValidationContext => ({
  callerId: "user-1",
  dataset: { id: "ds-1", name: "support-chats", ready: true, status: "ready" },
  model: llama8,
  capacity: { userActiveJobs: 0, userLimit: 2, globalActiveJobs: 10, globalLimit: 50 },
  ...patch,
});

function errorOf(r: GraphValidationResult) {
  if (r.ok) throw new Error("expected the graph to be refused");
  return r.error;
}

describe("deepValidateTrainingGraph: each error class with its status", () => {
  it("a valid graph passes, with the configuration and its memory fit", () => {
    const r = deepValidateTrainingGraph(graphFor(), ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toEqual(config);
    expect(r.graph).toEqual(graphFor());
    expect(r.memory).toMatchObject({ fits: true, availableGb: 80 });
  });

  it("malformed → 400 with the list of errors", () => {
    const g = graphFor();
    const bad = { ...g, edges: [], nodes: g.nodes.slice(0, 2) };
    const e = errorOf(deepValidateTrainingGraph(bad, ctx()));
    expect(e).toEqual({
      kind: "malformed",
      status: 400,
      message: "The training graph is malformed (2 problems).",
      issues: [
        { path: ["nodes"], field: null, message: "The graph needs a LoRA node." },
        { path: ["edges"], field: null, message: "Connect the Dataset node to the BaseModel node." },
      ],
    });
    expect(errorOf(deepValidateTrainingGraph("graph", ctx()))).toMatchObject({
      status: 400,
      message: "The training graph is malformed (1 problem).",
    });
  });

  it("meta user that is not the signed-in user → 401", () => {
    const e = errorOf(deepValidateTrainingGraph(graphFor({}, "user-2"), ctx()));
    expect(e).toEqual({
      kind: "unauthorized",
      status: 401,
      message: "This training request was made for another user: sign in as that user.",
    });
  });

  it("dataset missing (or someone else's) → 422 dataset_not_found", () => {
    const e = errorOf(deepValidateTrainingGraph(graphFor(), ctx({ dataset: null })));
    expect(e).toEqual({
      kind: "unprocessable",
      status: 422,
      message: "That dataset does not exist, or is not yours.",
      reasons: [
        {
          code: "dataset_not_found",
          path: ["nodes", 0, "props", "dataset_id"],
          field: "datasetId",
          message: "That dataset does not exist, or is not yours.",
        },
      ],
    });
  });

  it("dataset not ready → 422 dataset_not_ready, naming its status", () => {
    const dataset = { id: "ds-1", name: "support-chats", ready: false, status: "validating" };
    const e = errorOf(deepValidateTrainingGraph(graphFor(), ctx({ dataset })));
    expect(e).toMatchObject({
      status: 422,
      reasons: [
        {
          code: "dataset_not_ready",
          field: "datasetId",
          message: 'Dataset "support-chats" is validating: only a validated, ready dataset can be trained on.',
        },
      ],
    });
  });

  it("model not in the catalog → 422 model_not_found", () => {
    const e = errorOf(deepValidateTrainingGraph(graphFor(), ctx({ model: null })));
    expect(e).toMatchObject({
      status: 422,
      reasons: [
        {
          code: "model_not_found",
          path: ["nodes", 1, "props", "model_id"],
          field: "baseModelId",
          message: 'There is no model "meta-llama-3.1-8b-instruct" in the catalog.',
        },
      ],
    });
  });

  it.each([
    [{ status: "deprecated" }, "Llama 3.1 8B Instruct is deprecated: new fine-tuning jobs cannot use it."],
    [{ parameterCountB: null }, "Llama 3.1 8B Instruct is hosted only: its weights are not available to fine-tune."],
    [
      { type: "embedding" },
      "Llama 3.1 8B Instruct is an embedding model: only chat and code models can be fine-tuned.",
    ],
  ])("model unavailable (%o) → 422 model_unavailable", (patch, message) => {
    const e = errorOf(deepValidateTrainingGraph(graphFor(), ctx({ model: { ...llama8, ...patch } })));
    expect(e).toMatchObject({
      status: 422,
      message,
      reasons: [{ code: "model_unavailable", field: "baseModelId", message }],
    });
  });

  it("over the model's context → 422 over_context at the max sequence length", () => {
    // 4-bit and one sequence a batch, so only the context is wrong (memory is counted at the 8,192 it can use).
    const hyperparameters = { ...config.hyperparameters, batchSize: 1, maxSequenceLength: 16_384 };
    const g = graphFor({ baseModelId: gemma.id, quantization: "4bit", hyperparameters });
    const e = errorOf(deepValidateTrainingGraph(g, ctx({ model: gemma })));
    expect(e).toMatchObject({
      status: 422,
      reasons: [
        {
          code: "over_context",
          path: ["nodes", 2, "props", "max_seq_len"],
          field: "hyperparameters.maxSequenceLength",
          message: "Gemma 2 27B IT reads at most 8,192 tokens: lower the max sequence length to that or less.",
        },
      ],
    });
  });

  it("over the GPUs' memory → 422 over_gpu_memory with the figures", () => {
    const g = graphFor({ gpu: { instanceTypeId: "nvidia-t4", gpuCount: 1 } });
    const e = errorOf(deepValidateTrainingGraph(g, ctx()));
    expect(e).toMatchObject({
      status: 422,
      reasons: [{ code: "over_gpu_memory", path: ["nodes", 2, "props", "gpu_count"], field: "gpu.gpuCount" }],
    });
    if (e.kind !== "unprocessable") return;
    expect(e.reasons[0]!.message).toMatch(
      /^Llama 3\.1 8B Instruct needs ≈ \d+ GB to train; T4 has 16 GB\. Choose more or larger GPUs, 4-bit weights, a smaller batch or shorter sequences\.$/,
    );
    // 4-bit weights fit the same T4.
    expect(
      deepValidateTrainingGraph(
        graphFor({ gpu: { instanceTypeId: "nvidia-t4", gpuCount: 1 }, quantization: "4bit" }),
        ctx(),
      ).ok,
    ).toBe(true);
  });

  it("gives every 422 reason at once", () => {
    const g = graphFor({
      baseModelId: gemma.id,
      gpu: { instanceTypeId: "nvidia-t4", gpuCount: 1 },
      hyperparameters: { ...config.hyperparameters, maxSequenceLength: 16_384 },
    });
    const dataset = { id: "ds-1", name: "d", ready: false, status: "failed" };
    const e = errorOf(deepValidateTrainingGraph(g, ctx({ dataset, model: gemma })));
    expect(e.kind === "unprocessable" && e.reasons.map((r) => r.code)).toEqual([
      "dataset_not_ready",
      "over_context",
      "over_gpu_memory",
    ]);
    expect(e.message).toBe('Dataset "d" is failed: only a validated, ready dataset can be trained on.');
  });

  it("the user's concurrent jobs at their cap → 503 with when to retry", () => {
    const capacity = { userActiveJobs: 2, userLimit: 2, globalActiveJobs: 10, globalLimit: 50, retryAfterSeconds: 600 };
    expect(errorOf(deepValidateTrainingGraph(graphFor(), ctx({ capacity })))).toEqual({
      kind: "unavailable",
      status: 503,
      scope: "user",
      retryAfterSeconds: 600,
      message: "You already have 2 training jobs running, your limit: try again in about 10 minutes, or cancel one.",
    });
  });

  it("everyone's concurrent jobs at the global cap → 503, retry after the default when unknown", () => {
    const capacity = { userActiveJobs: 0, userLimit: 2, globalActiveJobs: 50, globalLimit: 50 };
    expect(errorOf(deepValidateTrainingGraph(graphFor(), ctx({ capacity })))).toEqual({
      kind: "unavailable",
      status: 503,
      scope: "global",
      retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS,
      message: "All training capacity is in use: try again in about 60 seconds.",
    });
    const fraction = { ...capacity, retryAfterSeconds: 0.2 };
    expect(errorOf(deepValidateTrainingGraph(graphFor(), ctx({ capacity: fraction })))).toMatchObject({
      retryAfterSeconds: 1,
    });
  });

  it("one below either cap is capacity enough", () => {
    const capacity = { userActiveJobs: 1, userLimit: 2, globalActiveJobs: 49, globalLimit: 50 };
    expect(deepValidateTrainingGraph(graphFor(), ctx({ capacity })).ok).toBe(true);
  });
});

describe("the classes are checked in order: 400, 401, 422, 503", () => {
  const full = { userActiveJobs: 9, userLimit: 2, globalActiveJobs: 99, globalLimit: 50 };
  it("malformed wins over everything", () => {
    const g = graphFor({}, "user-2");
    const bad = { ...g, schema_version: 3 };
    expect(errorOf(deepValidateTrainingGraph(bad, ctx({ dataset: null, capacity: full }))).status).toBe(400);
  });
  it("then the user", () => {
    expect(
      errorOf(deepValidateTrainingGraph(graphFor({}, "user-2"), ctx({ dataset: null, capacity: full }))).status,
    ).toBe(401);
  });
  it("then what cannot be trained, then capacity", () => {
    expect(errorOf(deepValidateTrainingGraph(graphFor(), ctx({ dataset: null, capacity: full }))).status).toBe(422);
    expect(errorOf(deepValidateTrainingGraph(graphFor(), ctx({ capacity: full }))).status).toBe(503);
  });

  it("statuses and tRPC codes per class", () => {
    expect(GRAPH_ERROR_STATUS).toEqual({ malformed: 400, unauthorized: 401, unprocessable: 422, unavailable: 503 });
    expect(GRAPH_ERROR_TRPC_CODE).toEqual({
      malformed: "BAD_REQUEST",
      unauthorized: "UNAUTHORIZED",
      unprocessable: "UNPROCESSABLE_CONTENT",
      unavailable: "SERVICE_UNAVAILABLE",
    });
  });
});
