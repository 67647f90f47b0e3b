/**
 * The compute provider, chosen from the environment: Hugging Face Inference Endpoints when HF_TOKEN
 * and HF_NAMESPACE are set (HF_API_BASE_URL overrides the API origin), the simulator otherwise.
 */
import "server-only";
import { type EnvOf, env } from "@/env";
import { logger } from "@/server/log";
import { HuggingFaceEndpoints } from "./huggingface";
import { ComputeSimulator } from "./simulator";
import type { ComputeAdapterKind, ComputeProvider } from "./types";

export * from "./types";

type ComputeEnv = EnvOf<
  "HF_TOKEN" | "HF_NAMESPACE" | "HF_API_BASE_URL" | "COMPUTE_SIMULATOR_SPEED" | "COMPUTE_SIMULATOR_FAILURE_RATE" | "APP_URL"
>;

/** Which provider deployments use (named by /api/health). */
export function computeAdapter(e: EnvOf<"HF_TOKEN" | "HF_NAMESPACE"> = env): ComputeAdapterKind {
  return e.HF_TOKEN && e.HF_NAMESPACE ? "huggingface" : "simulator";
}

/**
 * A provider for these variables. Only one of HF_TOKEN / HF_NAMESPACE is a misconfiguration, refused
 * rather than quietly simulated: a user would otherwise watch a pretend deployment come up.
 */
export function createComputeProvider(e: ComputeEnv = env): ComputeProvider {
  if (computeAdapter(e) === "huggingface") {
    return new HuggingFaceEndpoints({ token: e.HF_TOKEN!, namespace: e.HF_NAMESPACE!, baseUrl: e.HF_API_BASE_URL });
  }
  if (e.HF_TOKEN || e.HF_NAMESPACE) {
    throw new Error("HF_TOKEN and HF_NAMESPACE must be set together (see .env.example); refusing to simulate deployments");
  }
  return new ComputeSimulator({
    baseUrl: e.APP_URL ?? "http://localhost:3000",
    speed: e.COMPUTE_SIMULATOR_SPEED ?? 1,
    failureRate: e.COMPUTE_SIMULATOR_FAILURE_RATE ?? 0,
  });
}

let current: { key: string; provider: ComputeProvider } | undefined;

/** This process's provider: made on first use and logged; made again if the variables change (tests). */
export function computeProvider(): ComputeProvider {
  const key = JSON.stringify([
    env.HF_TOKEN,
    env.HF_NAMESPACE,
    env.HF_API_BASE_URL,
    env.COMPUTE_SIMULATOR_SPEED,
    env.COMPUTE_SIMULATOR_FAILURE_RATE,
    env.APP_URL,
  ]);
  if (current?.key !== key) {
    current = { key, provider: createComputeProvider() };
    logger.info({ compute: current.provider.kind }, "compute provider selected");
  }
  return current.provider;
}
