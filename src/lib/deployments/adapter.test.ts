import { describe, expect, it } from "vitest";
import { endpointNameSchema } from "./schema";
import { adapterIssue, endpointNameFor } from "./adapter";

const llama = { id: "meta-llama-3.1-8b-instruct", name: "Llama 3.1 8B Instruct" };

describe("adapter on a deployment", () => {
  it("accepts the user's adapter on the model it was trained on", () => {
    expect(adapterIssue({ name: "Support bot", baseModelId: llama.id }, llama)).toBeNull();
  });

  it("refuses an artifact that is missing, deleted or another user's, under the model field", () => {
    expect(adapterIssue(null, llama)).toEqual({
      path: ["config", "modelId"],
      message: "That trained model does not exist, or is not yours: choose the adapter again.",
    });
  });

  it("refuses an adapter on another base model, naming the right one", () => {
    const issue = adapterIssue({ name: "Support bot", baseModelId: "mistral-7b-instruct-v0.3" }, llama, "Mistral 7B Instruct v0.3");
    expect(issue?.path).toEqual(["config", "modelId"]);
    expect(issue?.message).toBe("Support bot was trained on Mistral 7B Instruct v0.3, not Llama 3.1 8B Instruct: deploy it on that model.");
  });

  it("makes endpoint names the schema accepts", () => {
    for (const [name, version, expected] of [
      ["Llama 3.1 8B · Support answers #1", 2, "llama-3-1-8b-support-answers-v2"],
      ["Café Bot", undefined, "cafe-bot"],
      ["✨", 1, "adapter-v1"],
      ["a", undefined, "a-ep"],
    ] as const) {
      const out = endpointNameFor(name, version);
      expect(out).toBe(expected);
      expect(endpointNameSchema.safeParse(out).success).toBe(true);
    }
  });
});
