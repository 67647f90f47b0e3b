import { describe, expect, it } from "vitest";
import { retryText, startError } from "./server-errors";

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);

describe("start errors", () => {
  it("puts a 400's graph issues under their fields and the rest above Start", () => {
    const e = startError({
      message: "The training graph is malformed (3 problems).",
      data: {
        code: "BAD_REQUEST",
        graphIssues: [
          { path: ["nodes", 2, "props", "learning_rate"], field: "hyperparameters.learningRate", message: "Learning rate must be at most 0.01." },
          { path: ["edges"], field: null, message: "Connect the BaseModel node to the LoRA node." },
          { path: ["nodes", 0, "props", "x"], field: "nodes.x", message: "Unrecognized key" },
        ],
      },
    });
    expect(e.kind).toBe("malformed");
    expect(e.fields).toEqual([{ field: "hyperparameters.learningRate", message: "Learning rate must be at most 0.01." }]);
    expect(e.messages).toEqual(["Connect the BaseModel node to the LoRA node.", "Unrecognized key"]);
    expect(e.retryAt).toBeNull();
  });

  it("maps a 422's reasons to the dataset, model, sequence length and GPU fields", () => {
    const e = startError({
      message: "Dataset is validating",
      data: {
        code: "UNPROCESSABLE_CONTENT",
        graphReasons: [
          { code: "dataset_not_ready", path: [], field: "datasetId", message: "Dataset is validating." },
          { code: "over_context", path: [], field: "hyperparameters.maxSequenceLength", message: "Too long." },
          { code: "over_gpu_memory", path: [], field: "gpu.gpuCount", message: "Needs 95 GB." },
        ],
      },
    });
    expect(e.kind).toBe("unprocessable");
    expect(e.fields.map((f) => f.field)).toEqual(["datasetId", "hyperparameters.maxSequenceLength", "gpu.gpuCount"]);
    expect(e.messages).toEqual([]);
  });

  it("says when to retry a 503, and keeps the server's message", () => {
    const e = startError(
      { message: "All training capacity is in use.", data: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 240 } },
      NOW,
    );
    expect(e.kind).toBe("unavailable");
    expect(e.retryAt?.getTime()).toBe(NOW + 240_000);
    expect(e.messages).toEqual(["All training capacity is in use."]);
    // Without a figure the client still waits a minute rather than saying "now".
    const bare = startError({ message: "busy", data: { code: "SERVICE_UNAVAILABLE" } }, NOW);
    expect(bare.retryAt?.getTime()).toBe(NOW + 60_000);
  });

  it("explains a 401 and passes other errors through", () => {
    const e = startError({ message: "This training request was made for another user.", data: { code: "UNAUTHORIZED" } });
    expect(e.kind).toBe("unauthorized");
    expect(e.messages[0]).toMatch(/signed in as someone else/);
    expect(startError(new Error("Failed to fetch"))).toEqual({ kind: "other", fields: [], messages: ["Failed to fetch"], retryAt: null });
    expect(startError({ message: "x", data: { code: "BAD_REQUEST", issues: [{ message: "Idempotency key is too short.", path: ["idempotencyKey"] }] } }).messages).toEqual([
      "Idempotency key is too short.",
    ]);
  });

  it("counts down to the retry time", () => {
    expect(retryText(new Date(NOW + 40_000), NOW)).toMatch(/^in 40 s \(at \d\d:\d\d\)$/);
    expect(retryText(new Date(NOW + 240_000), NOW)).toMatch(/^in 4 min \(at \d\d:\d\d\)$/);
    expect(retryText(new Date(NOW - 1000), NOW)).toBe("now");
  });
});
