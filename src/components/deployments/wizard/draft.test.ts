import { describe, expect, it } from "vitest";
import { defaultDeploymentConfig } from "@/lib/deployments/schema";
import { DRAFT_KEY, fromDraft, loadDraft, saveDraft, toDraft } from "./draft";

const filled = {
  ...defaultDeploymentConfig,
  name: "my-endpoint",
  modelId: "meta-llama-3.1-8b-instruct",
  hardware: { instanceTypeId: "nvidia-a10g", gpuCount: 2, precision: "int8" as const },
  environment: {
    ...defaultDeploymentConfig.environment,
    envVars: [{ key: "MAX_TOKENS", value: "512" }],
    secrets: [{ key: "HF_TOKEN", value: "hf_super_secret" }],
  },
};

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    raw: m,
  };
}

describe("wizard draft", () => {
  it("never stores a secret's value, only its name", () => {
    const storage = memoryStorage();
    saveDraft(filled, storage);
    const raw = storage.raw.get(DRAFT_KEY)!;
    expect(raw).not.toContain("hf_super_secret");
    expect(raw).toContain("HF_TOKEN");
    expect(toDraft(filled).environment.secrets).toEqual([{ key: "HF_TOKEN", value: "" }]);
  });

  it("round-trips everything else through storage", () => {
    const storage = memoryStorage();
    saveDraft(filled, storage);
    const back = loadDraft(defaultDeploymentConfig, storage);
    expect(back).toEqual(toDraft(filled));
    expect(back?.environment.envVars).toEqual([{ key: "MAX_TOKENS", value: "512" }]);
  });

  it("keeps the default where the stored value has the wrong type or is missing", () => {
    const back = fromDraft(defaultDeploymentConfig, {
      name: 42,
      hardware: { gpuCount: "four", precision: "int4" },
      scaling: null,
      environment: { secrets: [{ key: "A", value: "leak" }, "junk", { value: "no key" }] },
      extra: "ignored",
    });
    expect(back.name).toBe("");
    expect(back.hardware).toEqual({ ...defaultDeploymentConfig.hardware, precision: "int4" });
    expect(back.scaling).toEqual(defaultDeploymentConfig.scaling);
    expect(back.environment.secrets).toEqual([{ key: "A", value: "" }]);
    expect(back).not.toHaveProperty("extra");
  });

  it("treats unreadable storage as no draft", () => {
    expect(loadDraft(defaultDeploymentConfig, { getItem: () => "{not json" })).toBeNull();
    expect(loadDraft(defaultDeploymentConfig, { getItem: () => null })).toBeNull();
    expect(
      loadDraft(defaultDeploymentConfig, {
        getItem: () => {
          throw new Error("SecurityError");
        },
      }),
    ).toBeNull();
  });
  it("gives a draft saved before the rate limits existed the default limits, and keeps stored ones", () => {
    const { requestsPerMinute: _r, tokensPerMinute: _t, ...oldSecurity } = defaultDeploymentConfig.security;
    const old = fromDraft(defaultDeploymentConfig, { ...filled, security: { ...oldSecurity, access: "public" } });
    expect(old.security).toMatchObject({ access: "public", requestsPerMinute: 600, tokensPerMinute: 200_000 });
    const kept = fromDraft(defaultDeploymentConfig, { ...filled, security: { ...filled.security, requestsPerMinute: 42 } });
    expect(kept.security.requestsPerMinute).toBe(42);
  });
});
