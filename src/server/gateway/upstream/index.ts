/** Which upstream answers a deployment: chosen by its provider and the environment. */
import "server-only";
import { env } from "@/env";
import { OfflineLanguageModel } from "@/server/ai/offline/model";
import { modelRepository } from "@/server/deployments/model-repository";
import type { RoutedDeployment } from "../resolve";
import { OfflineUpstream } from "./offline";
import { OpenAIHttpUpstream } from "./openai-http";
import type { Upstream } from "./types";

const g = globalThis as unknown as { __radiumGatewayOffline?: { delay: number; model: OfflineLanguageModel } };

function offlineModel(): OfflineLanguageModel {
  const delay = env.OFFLINE_MODEL_DELAY_MS;
  if (g.__radiumGatewayOffline?.delay !== delay) g.__radiumGatewayOffline = { delay, model: new OfflineLanguageModel({ delayMs: delay }) };
  return g.__radiumGatewayOffline.model;
}

/** A Hugging Face endpoint's URL with the OpenAI-compatible `/v1` (as huggingface_hub builds it). */
export function hfBaseUrl(endpointUrl: string): string {
  const base = endpointUrl.replace(/\/+$/, "");
  return base.endsWith("/v1") ? base : `${base}/v1`;
}

export function upstreamFor(dep: RoutedDeployment): Upstream | null {
  if (dep.providerKind === "huggingface") {
    if (!dep.endpointUrl) return null;
    return new OpenAIHttpUpstream({ baseUrl: hfBaseUrl(dep.endpointUrl), apiKey: env.HF_TOKEN, model: modelRepository(dep.modelId) });
  }
  if (env.RADIUM_SIM_UPSTREAM_URL) {
    return new OpenAIHttpUpstream({
      baseUrl: env.RADIUM_SIM_UPSTREAM_URL,
      apiKey: env.RADIUM_SIM_UPSTREAM_API_KEY,
      model: env.RADIUM_SIM_UPSTREAM_MODEL ?? modelRepository(dep.modelId),
    });
  }
  return new OfflineUpstream(offlineModel(), dep.name);
}
