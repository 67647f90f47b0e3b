import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";
import { computeAdapter, createComputeProvider } from "@/server/providers/compute";
import { ComputeSimulator } from "@/server/providers/compute/simulator";
import { HuggingFaceEndpoints } from "@/server/providers/compute/huggingface";
import { spec } from "./spec";

describe("compute provider choice", () => {
  it("is the simulator with nothing set, at realistic speed and no failures", async () => {
    const e = parseEnv({});
    expect(computeAdapter(e)).toBe("simulator");
    expect(e.COMPUTE_SIMULATOR_SPEED).toBe(1);
    expect(e.COMPUTE_SIMULATOR_FAILURE_RATE).toBe(0);
    const provider = createComputeProvider(e);
    expect(provider).toBeInstanceOf(ComputeSimulator);
    expect((await provider.create(spec())).phase).toBe("provisioning");
  });

  it("reads the simulator's speed, failure rate and the app's origin for endpoint URLs", async () => {
    const provider = createComputeProvider(
      parseEnv({ COMPUTE_SIMULATOR_SPEED: "0", COMPUTE_SIMULATOR_FAILURE_RATE: "0", APP_URL: "https://radium.example.com" }),
    );
    expect(await provider.create(spec({ deploymentId: "d1" }))).toMatchObject({
      phase: "active",
      url: "https://radium.example.com/api/v1/deployments/d1",
    });
    const failing = createComputeProvider(parseEnv({ COMPUTE_SIMULATOR_SPEED: "0", COMPUTE_SIMULATOR_FAILURE_RATE: "1" }));
    expect((await failing.create(spec())).phase).toBe("failed");
  });

  it("rejects a speed below 0 or a failure rate outside 0..1 at start", () => {
    expect(() => parseEnv({ COMPUTE_SIMULATOR_SPEED: "-1" })).toThrow(/COMPUTE_SIMULATOR_SPEED/);
    expect(() => parseEnv({ COMPUTE_SIMULATOR_FAILURE_RATE: "1.5" })).toThrow(/COMPUTE_SIMULATOR_FAILURE_RATE/);
  });

  it("is Hugging Face when the token and the namespace are set", () => {
    const e = parseEnv({ HF_TOKEN: "hf_x", HF_NAMESPACE: "acme", HF_API_BASE_URL: "http://127.0.0.1:1" });
    expect(computeAdapter(e)).toBe("huggingface");
    expect(createComputeProvider(e)).toBeInstanceOf(HuggingFaceEndpoints);
  });

  it("refuses only one of the two rather than simulating", () => {
    expect(() => createComputeProvider(parseEnv({ HF_TOKEN: "hf_x" }))).toThrow(/HF_TOKEN and HF_NAMESPACE/);
    expect(() => createComputeProvider(parseEnv({ HF_NAMESPACE: "acme" }))).toThrow(/HF_TOKEN and HF_NAMESPACE/);
  });
});
