import { describe, expect, it } from "vitest";
import {
  buildTrainingGraph,
  fieldForGraphPath,
  graphReferences,
  type TrainingGraph,
  trainingConfigFromGraph,
  trainingGraphSchema,
} from "./graph";
import { parseTrainingGraph } from "./graph-validation";
import { defaultTrainingConfig, type TrainingConfig } from "./schema";

const config: TrainingConfig = {
  ...defaultTrainingConfig,
  datasetId: "ds-123",
  baseModelId: "meta-llama-3.1-8b-instruct",
  quantization: "4bit",
};
const now = new Date("2026-12-03T10:30:00.000Z");
const graph = buildTrainingGraph(config, "user-1", now);

/** A copy of the built graph with `edit` applied, as a client could send it. */
function edited(edit: (g: TrainingGraph) => void): unknown {
  const g = structuredClone(graph);
  edit(g);
  return g;
}

/** [path, field, message] of each 400 problem. */
function problems(input: unknown) {
  const r = parseTrainingGraph(input);
  if (r.ok) return [];
  expect(r.error).toMatchObject({ kind: "malformed", status: 400 });
  return r.error.issues.map((i) => [i.path.join("."), i.field, i.message]);
}

describe("buildTrainingGraph", () => {
  it("builds seed 002's shape: schema_version, Dataset → BaseModel (with quant) → LoRA, meta", () => {
    expect(graph).toEqual({
      schema_version: 1,
      nodes: [
        { id: "n-dataset-01", type: "Dataset", props: { dataset_id: "ds-123" } },
        { id: "n-basemodel-01", type: "BaseModel", props: { model_id: "meta-llama-3.1-8b-instruct", quant: "4bit" } },
        {
          id: "n-lora-01",
          type: "LoRA",
          props: {
            preset: "balanced",
            learning_rate: 0.0002,
            batch_size: 8,
            epochs: 5,
            lora_rank: 16,
            lora_alpha: 32,
            lora_dropout: 0.1,
            warmup_ratio: 0.05,
            max_seq_len: 2048,
            gpu_type: "nvidia-a100",
            gpu_count: 1,
          },
        },
      ],
      edges: [
        { from: "n-dataset-01", to: "n-basemodel-01" },
        { from: "n-basemodel-01", to: "n-lora-01" },
      ],
      meta: { created_by: "user-1", created_at: "2026-12-03T10:30:00.000Z" },
    });
  });

  it("parses, survives JSON, and converts back to the same configuration", () => {
    const wire = JSON.parse(JSON.stringify(graph));
    expect(trainingGraphSchema.parse(wire)).toEqual(graph);
    expect(trainingConfigFromGraph(trainingGraphSchema.parse(wire))).toEqual(config);
    expect(graphReferences(graph)).toEqual({ datasetId: "ds-123", modelId: "meta-llama-3.1-8b-instruct" });
  });

  it("node order is free: references and config come from the node types", () => {
    const reordered = edited((g) => g.nodes.reverse());
    const r = parseTrainingGraph(reordered);
    expect(r.ok).toBe(true);
    if (r.ok) expect(trainingConfigFromGraph(r.graph)).toEqual(config);
  });
});

describe("malformed graphs → 400 with every problem, each at its path and field", () => {
  it("not a graph at all", () => {
    expect(problems(null)).toEqual([["", null, "Invalid input: expected object, received null"]]);
    expect(problems({})).toEqual([
      ["schema_version", null, "schema_version must be 1."],
      ["nodes", null, "nodes must be a list."],
      ["edges", null, "edges must be a list."],
      ["meta", null, "This field is required."],
    ]);
  });

  it("a wrong schema version, an unknown node type, the seed's token in meta", () => {
    expect(problems(edited((g) => Object.assign(g, { schema_version: 2 })))).toEqual([
      ["schema_version", null, "schema_version must be 1."],
    ]);
    expect(problems(edited((g) => Object.assign(g.nodes[2]!, { type: "Optimizer" })))).toEqual([
      ["nodes.2.type", null, "A node's type must be Dataset, BaseModel or LoRA."],
    ]);
    expect(problems(edited((g) => Object.assign(g.meta, { jwt_token: "eyJ…" })))).toEqual([
      ["meta", null, 'Unrecognized key: "jwt_token"'],
    ]);
    expect(problems(edited((g) => Object.assign(g.meta, { created_at: "yesterday" })))).toEqual([
      ["meta.created_at", null, "meta.created_at must be an ISO 8601 UTC timestamp."],
    ]);
  });

  it("props carry the form's rules and name the form field", () => {
    const bad = edited((g) => {
      Object.assign(g.nodes[0]!.props, { dataset_id: "" });
      Object.assign(g.nodes[1]!.props, { quant: "2bit" });
      Object.assign(g.nodes[2]!.props, { learning_rate: 0.5, epochs: 2.5, gpu_type: "intel-spr-x4" });
    });
    expect(problems(bad)).toEqual([
      ["nodes.0.props.dataset_id", "datasetId", "Choose a dataset."],
      ["nodes.1.props.quant", "quantization", "Choose a quantisation: 4, 8, 16 or 32 bits."],
      ["nodes.2.props.learning_rate", "hyperparameters.learningRate", "Learning rate must be at most 0.01."],
      ["nodes.2.props.epochs", "hyperparameters.epochs", "Epochs must be a whole number."],
      ["nodes.2.props.gpu_type", "gpu.instanceTypeId", "Choose a GPU type from the list."],
    ]);
    const gpus = edited((g) => Object.assign(g.nodes[2]!.props, { gpu_type: "nvidia-l4", gpu_count: 3 }));
    expect(problems(gpus)).toEqual([
      ["nodes.2.props.gpu_count", "gpu.gpuCount", "NVIDIA L4 comes with 1, 2, 4 or 8 GPUs."],
    ]);
    const missing = edited((g) => Reflect.deleteProperty(g.nodes[2]!.props, "warmup_ratio"));
    expect(problems(missing)).toEqual([
      ["nodes.2.props.warmup_ratio", "hyperparameters.warmupRatio", "Warm-up ratio must be a number."],
    ]);
    const noProps = edited((g) => Reflect.deleteProperty(g.nodes[0]!, "props"));
    expect(problems(noProps)).toEqual([["nodes.0.props", null, "This field is required."]]);
  });

  it("structure: a missing node, a node twice, an id twice", () => {
    expect(problems(edited((g) => g.nodes.pop()))).toEqual([
      ["nodes", null, "The graph needs a LoRA node."],
      ["edges.1.to", null, 'No node has id "n-lora-01".'],
    ]);
    const twice = edited((g) => g.nodes.push({ ...g.nodes[0]!, id: "n-dataset-02" }));
    expect(problems(twice)).toEqual([["nodes.3.type", null, "Only one Dataset node is allowed."]]);
    const sameId = edited((g) => Object.assign(g.nodes[1]!, { id: "n-dataset-01" }));
    expect(problems(sameId)).toContainEqual(["nodes.1.id", null, 'Node id "n-dataset-01" is used twice.']);
  });

  it("edges: reversed, skipping a node, to itself, twice, missing", () => {
    expect(problems(edited((g) => (g.edges[0] = { from: "n-basemodel-01", to: "n-dataset-01" })))).toEqual([
      ["edges.0", null, "A BaseModel → Dataset edge is not allowed: edges go Dataset → BaseModel → LoRA."],
      ["edges", null, "Connect the Dataset node to the BaseModel node."],
    ]);
    expect(problems(edited((g) => g.edges.push({ from: "n-dataset-01", to: "n-lora-01" })))).toEqual([
      ["edges.2", null, "A Dataset → LoRA edge is not allowed: edges go Dataset → BaseModel → LoRA."],
    ]);
    expect(problems(edited((g) => g.edges.push({ from: "n-lora-01", to: "n-lora-01" })))).toEqual([
      ["edges.2", null, "An edge cannot connect a node to itself."],
    ]);
    expect(problems(edited((g) => g.edges.push({ ...g.edges[1]! })))).toEqual([
      ["edges.2", null, "The edge n-basemodel-01 → n-lora-01 appears twice."],
    ]);
    expect(problems(edited((g) => (g.edges = [])))).toEqual([
      ["edges", null, "Connect the Dataset node to the BaseModel node."],
      ["edges", null, "Connect the BaseModel node to the LoRA node."],
    ]);
  });

  it("reports field problems and structure problems together", () => {
    const bad = edited((g) => {
      Object.assign(g.nodes[2]!.props, { lora_rank: 1000 });
      g.edges.pop();
    });
    expect(problems(bad)).toEqual([
      ["nodes.2.props.lora_rank", "hyperparameters.loraRank", "LoRA rank must be at most 256."],
      ["edges", null, "Connect the BaseModel node to the LoRA node."],
    ]);
  });
});

describe("fieldForGraphPath", () => {
  it("maps node props through the node's type, and nothing else", () => {
    expect(fieldForGraphPath(graph, ["nodes", 2, "props", "max_seq_len"])).toBe("hyperparameters.maxSequenceLength");
    expect(fieldForGraphPath(graph, ["nodes", 1, "props", "model_id"])).toBe("baseModelId");
    expect(fieldForGraphPath(graph, ["nodes", 2, "props", "gpu_type"])).toBe("gpu.instanceTypeId");
    expect(fieldForGraphPath(graph, ["nodes", 0, "props", "model_id"])).toBeNull();
    expect(fieldForGraphPath(graph, ["meta", "created_by"])).toBeNull();
    expect(fieldForGraphPath({ nodes: "x" }, ["nodes", 0, "props", "dataset_id"])).toBeNull();
  });
});
