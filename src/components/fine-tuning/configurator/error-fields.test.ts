import { describe, expect, it } from "vitest";
import { errorFields } from "./error-fields";

describe("error fields", () => {
  it("lists the fields with messages in page order", () => {
    const errors = {
      gpu: { gpuCount: { type: "memory", message: "Needs 95 GB." } },
      hyperparameters: { epochs: { type: "too_big", message: "Epochs must be at most 50." }, loraRank: {} },
      datasetId: { type: "server", message: "Dataset is validating." },
    };
    expect(errorFields(errors)).toEqual(["datasetId", "hyperparameters.epochs", "gpu.gpuCount"]);
    expect(errorFields({})).toEqual([]);
    expect(errorFields(null)).toEqual([]);
  });
});
