/**
 * One of the user's deployments as the chat's model: an AI SDK Chat Completions model whose
 * `fetch` is the gateway's handler, called in process (no HTTP, no key) with the signed-in user as
 * principal, so the turn is routed, limited and metered (source "chat") like any API call.
 */
import "server-only";
import { createOpenAI } from "@ai-sdk/openai";
import type { ResolvedChatModel } from "@/server/ai/models";
import type { Db } from "@/server/db/types";
import { handleChatCompletions } from "@/server/gateway/handler";
import { upstreamFor } from "@/server/gateway/upstream";
import { routeDeploymentId } from "@/server/gateway/resolve";
import { GatewayError } from "@/server/gateway/errors";
import { deploymentIdOfModel } from "@/lib/gateway/chat-model-id";

// Never contacted: the in-process fetch below answers every call.
const IN_PROCESS_BASE_URL = "http://radium-gateway.internal/v1";

export function gatewayFetch(db: Db, userId: string): typeof fetch {
  return async (input, init) => handleChatCompletions(new Request(input, init), { db, principal: { source: "chat", userId, key: null } });
}

/** Null when the id names no active deployment of the user. */
export async function resolveDeploymentModel(db: Db, userId: string, modelId: string): Promise<ResolvedChatModel | null> {
  const deploymentId = deploymentIdOfModel(modelId);
  if (!deploymentId) return null;
  const dep = await routeDeploymentId(db, { source: "chat", userId, key: null }, deploymentId);
  if (dep instanceof GatewayError) return null;
  const provider = createOpenAI({ apiKey: "in-process", baseURL: IN_PROCESS_BASE_URL, name: "radium-gateway", fetch: gatewayFetch(db, userId) });
  return {
    info: { id: modelId, name: dep.name, description: `Your deployment · ${dep.modelId}`, offline: false },
    model: provider.chat(dep.name),
    deployment: { id: dep.id, name: dep.name },
    tools: upstreamFor(dep)?.kind !== "offline",
  };
}
