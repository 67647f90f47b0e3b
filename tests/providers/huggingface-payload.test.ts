import { describe, expect, it } from "vitest";
import { endpointName, statusFromEndpoint, toCreatePayload } from "@/server/providers/compute/huggingface-payload";
import { providerMessage } from "@/server/providers/compute/huggingface";
import { validateCreate } from "../fakes/hf-endpoints-server";
import { spec } from "./spec";

describe("Hugging Face create payload", () => {
  it("maps a deployment to the API's create body", () => {
    const payload = toCreatePayload(spec());
    expect(payload).toEqual({
      name: endpointName(spec()),
      type: "authenticated",
      provider: { vendor: "aws", region: "us-east-1" },
      compute: {
        accelerator: "gpu",
        instanceType: "nvidia-a10g",
        instanceSize: "x1",
        scaling: { minReplica: 1, maxReplica: 2 },
      },
      model: {
        repository: "meta-llama/Llama-3.1-8B-Instruct",
        framework: "pytorch",
        task: "text-generation",
        image: { huggingface: {} },
        env: { MAX_INPUT_TOKENS: "4096" },
        secrets: { WANDB_KEY: "s3cret-value" },
      },
    });
    expect(validateCreate(payload)).toBeUndefined();
  });

  it("sends the scale-to-zero timeout only with zero minimum replicas", () => {
    const toZero = toCreatePayload(spec({ scaling: { minReplicas: 0, maxReplicas: 3, scaleToZeroTimeoutMinutes: 15 } }));
    expect(toZero.compute.scaling).toEqual({ minReplica: 0, maxReplica: 3, scaleToZeroTimeout: 15 });
    const alwaysOn = toCreatePayload(spec({ scaling: { minReplicas: 1, maxReplicas: 3, scaleToZeroTimeoutMinutes: 15 } }));
    expect(alwaysOn.compute.scaling).toEqual({ minReplica: 1, maxReplica: 3 });
    expect(validateCreate(toZero)).toBeUndefined();
  });

  it("leaves out task, revision, env and secrets when unset rather than sending null or {}", () => {
    const model = toCreatePayload(
      spec({ model: { repository: "openai-community/gpt2", framework: "pytorch" }, env: {}, secrets: {} }),
    ).model;
    expect(model).toEqual({ repository: "openai-community/gpt2", framework: "pytorch", image: { huggingface: {} } });
    expect(toCreatePayload(spec({ model: { ...spec().model, revision: "abc123" } })).model.revision).toBe("abc123");
  });

  it("maps access and engine", () => {
    expect(toCreatePayload(spec({ access: "public" })).type).toBe("public");
    expect(toCreatePayload(spec({ access: "private" })).type).toBe("private");
    const tgi = toCreatePayload(spec({ model: { ...spec().model, engine: "tgi" } })).model.image;
    expect(tgi).toEqual({ tgi: { url: expect.stringMatching(/^ghcr\.io\/huggingface\/text-generation-inference:/), port: 80, healthRoute: "/health" } });
    const vllm = toCreatePayload(spec({ model: { ...spec().model, engine: "vllm" } })).model.image;
    expect(vllm).toEqual({ vLLM: { url: expect.stringMatching(/^vllm\/vllm-openai:/), port: 8000, healthRoute: "/health" } });
  });

  it("names endpoints DNS-safe, at most 32 characters, stable per deployment and distinct across deployments", () => {
    const a = endpointName({ name: "My Llama", deploymentId: "dep_a" });
    expect(a).toMatch(/^my-llama-[0-9a-z]{7}$/);
    expect(endpointName({ name: "My Llama", deploymentId: "dep_a" })).toBe(a);
    expect(endpointName({ name: "My Llama", deploymentId: "dep_b" })).not.toBe(a);
    const long = endpointName({ name: "A very long deployment name that goes on and on", deploymentId: "x" });
    expect(long.length).toBe(32);
    expect(long).toMatch(/^a-very-long-deployment-n-[0-9a-z]{7}$/);
    expect(endpointName({ name: "42 — été!!", deploymentId: "x" })).toMatch(/^t-[0-9a-z]{7}$/);
    expect(endpointName({ name: "---", deploymentId: "x" })).toMatch(/^endpoint-[0-9a-z]{7}$/);
    for (const name of ["My Llama", "42 — été!!", "x".repeat(80), "Z-"]) {
      expect(validateCreate({ ...toCreatePayload(spec()), name: endpointName({ name, deploymentId: "d" }) })).toBeUndefined();
    }
  });
});

describe("Hugging Face states", () => {
  const endpoint = (state: string, extra: Record<string, unknown> = {}) => ({
    name: "ep",
    model: { repository: "gpt2" },
    status: { state, message: `it is ${state}`, url: "https://x.us-east-1.aws.endpoints.huggingface.cloud", ...extra },
  });

  it.each([
    ["pending", "provisioning"],
    ["initializing", "starting"],
    ["updating", "starting"],
    ["running", "active"],
    ["scaledToZero", "active"],
    ["paused", "paused"],
    ["failed", "failed"],
    ["updateFailed", "failed"],
    ["somethingNew", "starting"],
  ])("%s → %s", (state, phase) => {
    const status = statusFromEndpoint(endpoint(state));
    expect(status.phase).toBe(phase);
    expect(status.message).toBe(`it is ${state}`);
    expect(status.url !== undefined).toBe(phase === "active");
  });

  it("reads replica counts when given", () => {
    expect(statusFromEndpoint(endpoint("running", { readyReplica: 1, targetReplica: 2 })).replicas).toEqual({ ready: 1, target: 2 });
    expect(statusFromEndpoint(endpoint("running")).replicas).toBeUndefined();
  });
});

describe("provider error messages", () => {
  it("reads the header, {error}, {errors:[{message}]}, {message}, text, or the status", () => {
    expect(providerMessage(400, "", '{"error":"x"}', "From header")).toBe("From header");
    expect(providerMessage(400, "", '{"error":"Quota exceeded"}', null)).toBe("Quota exceeded");
    expect(providerMessage(400, "", '{"error":["a","b"]}', null)).toBe("a; b");
    expect(providerMessage(422, "", '{"errors":[{"message":"bad name"},{"message":"bad region"}]}', null)).toBe("bad name; bad region");
    expect(providerMessage(500, "", '{"message":"boom"}', null)).toBe("boom");
    expect(providerMessage(502, "", "<html>Bad gateway</html>", null)).toBe("<html>Bad gateway</html>");
    expect(providerMessage(503, "Service Unavailable", "", null)).toBe("HTTP 503 Service Unavailable");
  });
});
