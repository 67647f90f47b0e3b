/**
 * THE deployment configuration: the wizard validates it with react-hook-form's zodResolver and
 * `deployments.create` validates the same schema on the server. Messages are written for the person
 * filling the form; each issue's path names the field it belongs under.
 */
import { z } from "zod";
import { safeText } from "@/lib/zod/text";
import { gpuCountsText, instanceSize, instanceTypeById, isInstanceTypeId } from "@/lib/pricing/instance-types";
import { DEFAULT_REGION_ID, isRegionId } from "@/lib/pricing/regions";
import { paymentSummarySchema } from "./payment";
import { termsAcceptanceSchema } from "./terms";

export const PRECISIONS = ["fp16", "bf16", "int8", "int4"] as const;
export type Precision = (typeof PRECISIONS)[number];

export const SCALING_TRIGGERS = ["cpu", "gpu", "custom"] as const;
export type ScalingTrigger = (typeof SCALING_TRIGGERS)[number];

export const ENVIRONMENT_TYPES = ["production", "staging", "development"] as const;
export type EnvironmentType = (typeof ENVIRONMENT_TYPES)[number];

export const REQUEST_PRIORITIES = ["low", "normal", "high"] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

export const ACCESS_LEVELS = ["public", "private", "authenticated"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export const LIMITS = {
  minReplicas: { min: 0, max: 10 },
  maxReplicas: { min: 1, max: 20 },
  scaleToZeroAfterMinutes: { min: 5, max: 1440 },
  targetPercent: { min: 10, max: 100 },
  expectedRequestsPerMinute: { min: 0, max: 1_000_000 },
  envVars: 50,
  secrets: 50,
  envValueLength: 4096,
  requestsPerMinute: { min: 1, max: 100_000 },
  tokensPerMinute: { min: 100, max: 100_000_000 },
} as const;

/** What the gateway allows each key (and the deployment as a whole) per minute unless the owner says otherwise. */
export const DEFAULT_RATE_LIMITS = { requestsPerMinute: 600, tokensPerMinute: 200_000 } as const;

// Endpoint names become host names and provider resource names: DNS-label rules, short.
const ENDPOINT_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const ENDPOINT_NAME_MESSAGE =
  "Use lowercase letters, digits and dashes, starting and ending with a letter or digit.";
// POSIX portable environment variable names, upper case by convention.
const ENV_KEY = /^[A-Z_][A-Z0-9_]*$/;
const ENV_KEY_MESSAGE = "Use capital letters, digits and underscores, not starting with a digit (e.g. MAX_TOKENS).";
// Prometheus metric names: what custom autoscaling metrics are named after.
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(min, { error: `${label} must be at least ${min}.` })
    .max(max, { error: `${label} must be at most ${max}.` });

export const endpointNameSchema = safeText()
  .trim()
  .min(3, { error: "Name the endpoint with at least 3 characters." })
  .max(32, { error: "Keep the endpoint name to 32 characters or fewer." })
  .regex(ENDPOINT_NAME, { error: ENDPOINT_NAME_MESSAGE });

const hardwareSchema = z
  .object({
    instanceTypeId: z.string({ error: "Choose an instance type." }).refine(isInstanceTypeId, {
      error: "Choose an instance type from the list.",
    }),
    gpuCount: int("GPU count", 0, 8),
    precision: z.enum(PRECISIONS, { error: "Choose a precision: fp16, bf16, int8 or int4." }),
  })
  .superRefine((h, ctx) => {
    const type = instanceTypeById(h.instanceTypeId);
    if (!type || instanceSize(type, h.gpuCount)) return;
    ctx.addIssue({
      code: "custom",
      path: ["gpuCount"],
      message:
        type.accelerator === "cpu"
          ? "CPU instances have no GPUs: set the GPU count to 0."
          : `${type.label} comes with ${gpuCountsText(type)} GPUs.`,
    });
  });

const scalingSchema = z
  .object({
    minReplicas: int("Min replicas", LIMITS.minReplicas.min, LIMITS.minReplicas.max),
    maxReplicas: int("Max replicas", LIMITS.maxReplicas.min, LIMITS.maxReplicas.max),
    /** Idle time before scaling to zero; used only when minReplicas is 0. */
    scaleToZeroAfterMinutes: int(
      "Scale-to-zero timeout",
      LIMITS.scaleToZeroAfterMinutes.min,
      LIMITS.scaleToZeroAfterMinutes.max,
    ),
    trigger: z.enum(SCALING_TRIGGERS, { error: "Choose what triggers scaling: CPU, GPU or a custom metric." }),
    target: z.object({
      /** Utilisation a replica is kept under, for the cpu and gpu triggers. */
      percent: int("Target utilisation (%)", LIMITS.targetPercent.min, LIMITS.targetPercent.max),
      /** For the custom trigger: the metric and the per-replica value to scale at. */
      metricName: safeText().trim().max(64, { error: "Keep the metric name to 64 characters or fewer." }),
      metricValue: z
        .number({ error: "Target value must be a number." })
        .min(0, { error: "Target value cannot be negative." })
        .max(1_000_000_000, { error: "Target value is too large." }),
    }),
    /** Traffic the user expects, for the expected monthly cost. */
    expectedRequestsPerMinute: int(
      "Expected requests per minute",
      LIMITS.expectedRequestsPerMinute.min,
      LIMITS.expectedRequestsPerMinute.max,
    ),
  })
  .superRefine((s, ctx) => {
    if (typeof s.minReplicas === "number" && typeof s.maxReplicas === "number" && s.minReplicas > s.maxReplicas) {
      ctx.addIssue({
        code: "custom",
        path: ["maxReplicas"],
        message: `Max replicas must be at least min replicas (${s.minReplicas}).`,
      });
    }
    if (s.trigger !== "custom") return;
    if (!METRIC_NAME.test(s.target.metricName)) {
      ctx.addIssue({
        code: "custom",
        path: ["target", "metricName"],
        message:
          s.target.metricName === ""
            ? "Name the metric to scale on."
            : "Metric names use letters, digits, underscores and colons (e.g. pending_requests).",
      });
    }
    if (!(s.target.metricValue > 0)) {
      ctx.addIssue({ code: "custom", path: ["target", "metricValue"], message: "Set a target value above 0." });
    }
  });

const envKey = safeText().trim().min(1, { error: "Name the variable." }).max(128, {
  error: "Keep variable names to 128 characters or fewer.",
}).regex(ENV_KEY, { error: ENV_KEY_MESSAGE });

const envValue = safeText().max(LIMITS.envValueLength, {
  error: `Keep values to ${LIMITS.envValueLength} characters or fewer.`,
});

const environmentSchema = z
  .object({
    type: z.enum(ENVIRONMENT_TYPES, { error: "Choose production, staging or development." }),
    region: z.string({ error: "Choose a region." }).refine(isRegionId, { error: "Choose a region from the list." }),
    priority: z.enum(REQUEST_PRIORITIES, { error: "Choose a request priority: low, normal or high." }),
    envVars: z
      .array(z.object({ key: envKey, value: envValue }))
      .max(LIMITS.envVars, { error: `At most ${LIMITS.envVars} environment variables.` }),
    /** Values are write-only: stored encrypted, never returned (see StoredDeploymentConfig). */
    secrets: z
      .array(z.object({ key: envKey, value: envValue.min(1, { error: "A secret needs a value." }) }))
      .max(LIMITS.secrets, { error: `At most ${LIMITS.secrets} secrets.` }),
  })
  .superRefine((e, ctx) => {
    // One name space: the container sees variables and secrets alike as environment variables.
    const seen = new Set<string>();
    for (const [list, items] of [["envVars", e.envVars], ["secrets", e.secrets]] as const) {
      items.forEach((item, i) => {
        if (seen.has(item.key)) {
          ctx.addIssue({ code: "custom", path: [list, i, "key"], message: `${item.key} is already defined.` });
        }
        seen.add(item.key);
      });
    }
  });

const securitySchema = z
  .object({
    access: z.enum(ACCESS_LEVELS, { error: "Choose who can call the endpoint." }),
    privateEndpoint: z.boolean(),
    requestLogging: z.boolean(),
    /**
     * The gateway's limits, per key and for the deployment as a whole (src/server/gateway/limits.ts).
     * Defaulted so configs stored before the gateway (and older wizard drafts) still parse.
     */
    requestsPerMinute: int("Requests per minute", LIMITS.requestsPerMinute.min, LIMITS.requestsPerMinute.max).default(
      DEFAULT_RATE_LIMITS.requestsPerMinute,
    ),
    tokensPerMinute: int("Tokens per minute", LIMITS.tokensPerMinute.min, LIMITS.tokensPerMinute.max).default(
      DEFAULT_RATE_LIMITS.tokensPerMinute,
    ),
  })
  .superRefine((s, ctx) => {
    if (s.access === "private" && !s.privateEndpoint) {
      ctx.addIssue({
        code: "custom",
        path: ["privateEndpoint"],
        message: "Private access is only reachable through a private endpoint: turn it on.",
      });
    }
  });

export const deploymentConfigSchema = z.object({
  name: endpointNameSchema,
  modelId: safeText()
    .trim()
    .min(1, { error: "Choose a model to deploy." })
    .max(200, { error: "Model id is too long." }),
  hardware: hardwareSchema,
  scaling: scalingSchema,
  environment: environmentSchema,
  security: securitySchema,
  /**
   * A LoRA adapter to serve on the model: one of the user's model artifacts, trained on this very
   * model (deployments.create checks both, as the schema cannot).
   */
  adapter: z.object({ artifactId: z.uuid({ error: "Not a trained model's id." }) }).optional(),
});

export type DeploymentConfig = z.output<typeof deploymentConfigSchema>;
export type DeploymentConfigInput = z.input<typeof deploymentConfigSchema>;
export type HardwareConfig = DeploymentConfig["hardware"];
export type ScalingConfig = DeploymentConfig["scaling"];
export type EnvironmentConfig = DeploymentConfig["environment"];
export type SecurityConfig = DeploymentConfig["security"];
export type AdapterConfig = NonNullable<DeploymentConfig["adapter"]>;

export type RateLimits = Pick<SecurityConfig, "requestsPerMinute" | "tokensPerMinute">;

/**
 * A configuration as stored and returned: secret names only, never their values. Rows written
 * before the gateway have no rate limits: read them through `rateLimitsOf`.
 */
export type StoredDeploymentConfig = Omit<DeploymentConfig, "environment" | "security"> & {
  environment: Omit<EnvironmentConfig, "secrets"> & { secrets: { key: string }[] };
  security: Omit<SecurityConfig, keyof RateLimits> & Partial<RateLimits>;
};

/** A stored security section's limits, the defaults filling in what older rows lack. */
export function rateLimitsOf(security: Partial<RateLimits>): RateLimits {
  return {
    requestsPerMinute: security.requestsPerMinute ?? DEFAULT_RATE_LIMITS.requestsPerMinute,
    tokensPerMinute: security.tokensPerMinute ?? DEFAULT_RATE_LIMITS.tokensPerMinute,
  };
}

export function withoutSecretValues(config: DeploymentConfig): StoredDeploymentConfig {
  return {
    ...config,
    environment: { ...config.environment, secrets: config.environment.secrets.map(({ key }) => ({ key })) },
  };
}

/** What a new wizard starts from (and what a reset returns to). Valid except for the empty name and model. */
export const defaultDeploymentConfig: DeploymentConfig = {
  name: "",
  modelId: "",
  hardware: { instanceTypeId: "nvidia-l4", gpuCount: 1, precision: "bf16" },
  scaling: {
    minReplicas: 1,
    maxReplicas: 2,
    scaleToZeroAfterMinutes: 15,
    trigger: "gpu",
    target: { percent: 70, metricName: "", metricValue: 0 },
    expectedRequestsPerMinute: 30,
  },
  environment: { type: "production", region: DEFAULT_REGION_ID, priority: "normal", envVars: [], secrets: [] },
  security: { access: "authenticated", privateEndpoint: false, requestLogging: true, ...DEFAULT_RATE_LIMITS },
};

/** `deployments.create` input: the configuration, a client-made idempotency key, terms and payment. */
export const createDeploymentInputSchema = z.object({
  config: deploymentConfigSchema,
  idempotencyKey: z
    .string()
    .min(8, { error: "Idempotency key is too short." })
    .max(128, { error: "Idempotency key is too long." })
    .regex(/^[A-Za-z0-9_-]+$/, { error: "Idempotency key may hold letters, digits, dashes and underscores." }),
  terms: termsAcceptanceSchema,
  payment: paymentSummarySchema,
});
export type CreateDeploymentInput = z.output<typeof createDeploymentInputSchema>;
