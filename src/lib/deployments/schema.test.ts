import { describe, expect, it } from "vitest";
import {
  createDeploymentInputSchema,
  type DeploymentConfig,
  defaultDeploymentConfig,
  deploymentConfigSchema,
  withoutSecretValues,
} from "./schema";
import { TERMS_VERSION } from "./terms";

const valid: DeploymentConfig = { ...defaultDeploymentConfig, name: "llama-chat", modelId: "meta-llama-3.1-8b-instruct" };

type Patch = { [K in keyof DeploymentConfig]?: Partial<DeploymentConfig[K]> | DeploymentConfig[K] };
function withPatch(patch: Patch): unknown {
  const out: Record<string, unknown> = { ...valid };
  for (const [k, v] of Object.entries(patch)) {
    const base = out[k];
    out[k] = typeof v === "object" && v !== null && !Array.isArray(v) && typeof base === "object" ? { ...base, ...v } : v;
  }
  return out;
}

/** [path, message] of each issue, as the wizard shows them next to their fields. */
function issues(input: unknown): [string, string][] {
  const r = deploymentConfigSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
}

describe("deploymentConfigSchema", () => {
  it("accepts the default configuration once named and given a model", () => {
    expect(deploymentConfigSchema.parse(valid)).toEqual(valid);
    expect(issues(defaultDeploymentConfig)).toEqual([
      ["name", "Name the endpoint with at least 3 characters."],
      ["name", "Use lowercase letters, digits and dashes, starting and ending with a letter or digit."],
      ["modelId", "Choose a model to deploy."],
    ]);
  });

  it.each([
    ["ab", "Name the endpoint with at least 3 characters."],
    ["a".repeat(33), "Keep the endpoint name to 32 characters or fewer."],
    ["Llama-Chat", "Use lowercase letters, digits and dashes, starting and ending with a letter or digit."],
    ["llama_chat", "Use lowercase letters, digits and dashes, starting and ending with a letter or digit."],
    ["-llama", "Use lowercase letters, digits and dashes, starting and ending with a letter or digit."],
    ["llama-", "Use lowercase letters, digits and dashes, starting and ending with a letter or digit."],
    ["ab\u0000c", "Text must not contain NUL characters."],
  ])("refuses the name %j", (name, message) => {
    expect(issues(withPatch({ name }))).toContainEqual(["name", message]);
  });

  it("trims the name and accepts 3–32 lowercase letters, digits and dashes", () => {
    expect(deploymentConfigSchema.parse(withPatch({ name: "  my-endpoint-2 " })).name).toBe("my-endpoint-2");
    expect(issues(withPatch({ name: "abc" }))).toEqual([]);
    expect(issues(withPatch({ name: "a".repeat(32) }))).toEqual([]);
  });

  it("checks the hardware against the instance table", () => {
    expect(issues(withPatch({ hardware: { instanceTypeId: "nvidia-x9" } }))).toEqual([
      ["hardware.instanceTypeId", "Choose an instance type from the list."],
    ]);
    expect(issues(withPatch({ hardware: { gpuCount: 3 } }))).toEqual([
      ["hardware.gpuCount", "NVIDIA L4 comes with 1, 2, 4 or 8 GPUs."],
    ]);
    expect(issues(withPatch({ hardware: { instanceTypeId: "intel-spr-x4", gpuCount: 1 } }))).toEqual([
      ["hardware.gpuCount", "CPU instances have no GPUs: set the GPU count to 0."],
    ]);
    expect(issues(withPatch({ hardware: { instanceTypeId: "intel-spr-x4", gpuCount: 0 } }))).toEqual([]);
    expect(issues(withPatch({ hardware: { precision: "fp8" as "fp16" } }))).toEqual([
      ["hardware.precision", "Choose a precision: fp16, bf16, int8 or int4."],
    ]);
  });

  it("puts min > max on maxReplicas, even when another section is also wrong", () => {
    const input = withPatch({ name: "X", scaling: { minReplicas: 5, maxReplicas: 2 } });
    expect(issues(input)).toContainEqual(["scaling.maxReplicas", "Max replicas must be at least min replicas (5)."]);
    expect(issues(withPatch({ scaling: { minReplicas: 2, maxReplicas: 2 } }))).toEqual([]);
  });

  it.each([
    [{ minReplicas: 11 }, "scaling.minReplicas", "Min replicas must be at most 10."],
    [{ minReplicas: -1 }, "scaling.minReplicas", "Min replicas must be at least 0."],
    [{ minReplicas: 1.5 }, "scaling.minReplicas", "Min replicas must be a whole number."],
    [{ minReplicas: Number.NaN }, "scaling.minReplicas", "Min replicas must be a number."],
    [{ maxReplicas: 0, minReplicas: 0 }, "scaling.maxReplicas", "Max replicas must be at least 1."],
    [{ maxReplicas: 21 }, "scaling.maxReplicas", "Max replicas must be at most 20."],
    [{ scaleToZeroAfterMinutes: 2 }, "scaling.scaleToZeroAfterMinutes", "Scale-to-zero timeout must be at least 5."],
    [{ expectedRequestsPerMinute: -5 }, "scaling.expectedRequestsPerMinute", "Expected requests per minute must be at least 0."],
    [{ target: { percent: 5, metricName: "", metricValue: 0 } }, "scaling.target.percent", "Target utilisation (%) must be at least 10."],
  ] as const)("scaling %o → %s: %s", (scaling, path, message) => {
    expect(issues(withPatch({ scaling }))).toContainEqual([path, message]);
  });

  it("asks for a metric name and a positive value only with the custom trigger", () => {
    expect(issues(withPatch({ scaling: { trigger: "custom" } }))).toEqual([
      ["scaling.target.metricName", "Name the metric to scale on."],
      ["scaling.target.metricValue", "Set a target value above 0."],
    ]);
    expect(
      issues(withPatch({ scaling: { trigger: "custom", target: { percent: 70, metricName: "queue depth", metricValue: 4 } } })),
    ).toEqual([["scaling.target.metricName", "Metric names use letters, digits, underscores and colons (e.g. pending_requests)."]]);
    expect(
      issues(withPatch({ scaling: { trigger: "custom", target: { percent: 70, metricName: "pending_requests", metricValue: 4 } } })),
    ).toEqual([]);
  });

  it("checks environment variable and secret names, duplicates across both, and secret values", () => {
    const environment = {
      ...valid.environment,
      envVars: [
        { key: "MAX_TOKENS", value: "512" },
        { key: "max-tokens", value: "1" },
        { key: "1ST", value: "" },
      ],
      secrets: [
        { key: "MAX_TOKENS", value: "x" },
        { key: "HF_TOKEN", value: "" },
      ],
    };
    expect(issues(withPatch({ environment }))).toEqual([
      ["environment.envVars.1.key", "Use capital letters, digits and underscores, not starting with a digit (e.g. MAX_TOKENS)."],
      ["environment.envVars.2.key", "Use capital letters, digits and underscores, not starting with a digit (e.g. MAX_TOKENS)."],
      ["environment.secrets.1.value", "A secret needs a value."],
      ["environment.secrets.0.key", "MAX_TOKENS is already defined."],
    ]);
    const dup = { ...valid.environment, envVars: [{ key: "A", value: "1" }], secrets: [{ key: "A", value: "s" }] };
    expect(issues(withPatch({ environment: dup }))).toEqual([["environment.secrets.0.key", "A is already defined."]]);
    expect(issues(withPatch({ environment: { region: "mars-1" } }))).toEqual([
      ["environment.region", "Choose a region from the list."],
    ]);
  });

  it("requires a private endpoint for private access", () => {
    expect(issues(withPatch({ security: { access: "private", privateEndpoint: false } }))).toEqual([
      ["security.privateEndpoint", "Private access is only reachable through a private endpoint: turn it on."],
    ]);
    expect(issues(withPatch({ security: { access: "private", privateEndpoint: true } }))).toEqual([]);
  });

  it("withoutSecretValues keeps the secret names only", () => {
    const config = { ...valid, environment: { ...valid.environment, secrets: [{ key: "HF_TOKEN", value: "hf_secret" }] } };
    const stored = withoutSecretValues(config);
    expect(stored.environment.secrets).toEqual([{ key: "HF_TOKEN" }]);
    expect(JSON.stringify(stored)).not.toContain("hf_secret");
  });
});

describe("createDeploymentInputSchema", () => {
  const input = {
    config: valid,
    idempotencyKey: "3f2a4c1e-8b7d-4e5f-9a0b-1c2d3e4f5a6b",
    terms: { accepted: true, version: TERMS_VERSION },
    payment: { brand: "visa", last4: "4242", expMonth: 12, expYear: 2099 },
  };

  it("accepts a full submission", () => {
    expect(createDeploymentInputSchema.safeParse(input).success).toBe(true);
  });

  it("refuses unaccepted or outdated terms", () => {
    const paths = (terms: unknown) =>
      createDeploymentInputSchema.safeParse({ ...input, terms }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(paths({ accepted: false, version: TERMS_VERSION })).toEqual([
      ["terms.accepted", "Accept the terms of service to deploy."],
    ]);
    expect(paths({ accepted: true, version: "2020-01-01" })).toEqual([
      ["terms.version", "The terms of service have changed since you accepted them: read and accept them again."],
    ]);
  });

  it("never takes a card number, and refuses an expired card", () => {
    const r = createDeploymentInputSchema.safeParse({ ...input, payment: { ...input.payment, number: "4242424242424242" } });
    expect(r.success).toBe(false);
    const expired = createDeploymentInputSchema.safeParse({ ...input, payment: { ...input.payment, expYear: 2001 } });
    expect(expired.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["payment.expYear", "This card has expired."],
    ]);
  });

  it("refuses an idempotency key that is too short or has other characters", () => {
    expect(createDeploymentInputSchema.safeParse({ ...input, idempotencyKey: "abc" }).success).toBe(false);
    expect(createDeploymentInputSchema.safeParse({ ...input, idempotencyKey: "a b c d e f g h" }).success).toBe(false);
  });
});
