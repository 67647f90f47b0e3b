/** A valid deployments.create input (Llama 3.1 8B on one L4), with overrides per section. */
import crypto from "node:crypto";
import { type CreateDeploymentInput, type DeploymentConfig, defaultDeploymentConfig } from "@/lib/deployments/schema";
import { TERMS_VERSION } from "@/lib/deployments/terms";

export const DEPLOYABLE_MODEL = "meta-llama-3.1-8b-instruct";

type Sections = { [K in keyof DeploymentConfig]?: DeploymentConfig[K] extends object ? Partial<DeploymentConfig[K]> : DeploymentConfig[K] };

export function deploymentConfig(over: Sections = {}): DeploymentConfig {
  const d = defaultDeploymentConfig;
  return {
    name: over.name ?? `ep-${crypto.randomBytes(4).toString("hex")}`,
    modelId: over.modelId ?? DEPLOYABLE_MODEL,
    hardware: { ...d.hardware, ...over.hardware },
    scaling: { ...d.scaling, ...over.scaling },
    environment: { ...d.environment, ...over.environment },
    security: { ...d.security, ...over.security },
  };
}

export function createInput(over: Sections = {}, idempotencyKey = `idem_${crypto.randomUUID()}`): CreateDeploymentInput {
  return {
    config: deploymentConfig(over),
    idempotencyKey,
    terms: { accepted: true, version: TERMS_VERSION },
    payment: { brand: "visa", last4: "4242", expMonth: 12, expYear: 2099 },
  };
}
