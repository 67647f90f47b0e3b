/**
 * The chat model registry. Without OPENAI_API_KEY the only model is the offline model; with it,
 * the models named in OPENAI_MODELS (default gpt-4o-mini,gpt-4o) through Chat Completions
 * (`openai.chat(id)`), so OPENAI_BASE_URL can point at any OpenAI-compatible server.
 */
import "server-only";
import { createOpenAI } from "@ai-sdk/openai";
import { env } from "@/env";
import type { LanguageModel } from "ai";
import { aiAdapter } from "./adapter";
import { OFFLINE_MODEL_ID, OfflineLanguageModel } from "./offline/model";

export { OFFLINE_MODEL_ID };

export interface ChatModelInfo {
  id: string;
  name: string;
  description: string;
  offline: boolean;
  /** Takes images as file parts (text files go to every model as text). Default false. */
  images?: boolean;
}

export interface ResolvedChatModel {
  info: ChatModelInfo;
  model: LanguageModel;
  /** Set for one of the user's own deployments (served through the gateway): which one answers. */
  deployment?: { id: string; name: string };
  /** False when the model cannot call tools (the chat then offers none). Default true. */
  tools?: boolean;
}

const OFFLINE_INFO: ChatModelInfo = {
  id: OFFLINE_MODEL_ID,
  name: "Offline model",
  description: "Built in, no API key needed. Writes and edits documents by simple rules; not a real language model.",
  offline: true,
};

function configuredModelIds(): string[] {
  return env.OPENAI_MODELS;
}

const g = globalThis as unknown as {
  __radiumChatModelOverrides?: Map<string, ResolvedChatModel>;
  __radiumOpenAI?: { key: string; provider: ReturnType<typeof createOpenAI> };
  __radiumOffline?: { delay: number; model: OfflineLanguageModel };
};

function openaiProvider(apiKey: string, baseURL: string | undefined) {
  const key = `${apiKey}|${baseURL ?? ""}`;
  if (g.__radiumOpenAI?.key !== key) {
    g.__radiumOpenAI = { key, provider: createOpenAI({ apiKey, ...(baseURL ? { baseURL } : {}), name: "openai" }) };
  }
  return g.__radiumOpenAI.provider;
}

function offlineModel(): OfflineLanguageModel {
  const delay = env.OFFLINE_MODEL_DELAY_MS;
  if (g.__radiumOffline?.delay !== delay) g.__radiumOffline = { delay, model: new OfflineLanguageModel({ delayMs: delay }) };
  return g.__radiumOffline.model;
}

/** The models offered in the selector, and the default for new chats. */
export function chatModels(): { models: ChatModelInfo[]; defaultModel: string } {
  const overrides = [...(g.__radiumChatModelOverrides?.values() ?? [])].map((o) => o.info);
  const adapter = aiAdapter();
  let models: ChatModelInfo[];
  if (adapter.provider === "offline") models = [OFFLINE_INFO];
  else {
    const where = adapter.provider === "openai-compatible" ? `OpenAI-compatible server at ${adapter.host}` : "OpenAI";
    // Chat Completions takes images as image_url parts; a text-only model behind a compatible server answers with its own error.
    models = configuredModelIds().map((id) => ({ id, name: id, description: `${where} · Chat Completions`, offline: false, images: true }));
  }
  const all = [...overrides.filter((o) => !models.some((m) => m.id === o.id)), ...models];
  return { models: all, defaultModel: models[0]?.id ?? OFFLINE_MODEL_ID };
}

/** The model for an id offered by `chatModels()`, or null for an unknown id. */
export function resolveChatModel(id: string): ResolvedChatModel | null {
  const override = g.__radiumChatModelOverrides?.get(id);
  if (override) return override;
  const adapter = aiAdapter();
  if (adapter.provider === "offline") return id === OFFLINE_MODEL_ID ? { info: OFFLINE_INFO, model: offlineModel() } : null;
  const info = chatModels().models.find((m) => m.id === id);
  if (!info) return null;
  const provider = openaiProvider(env.OPENAI_API_KEY ?? "", env.OPENAI_BASE_URL);
  return { info, model: provider.chat(id) };
}

/** Tests and the benchmark register stub models (e.g. MockLanguageModelV4) under their own ids. */
export function registerChatModelForTesting(info: ChatModelInfo, model: LanguageModel): () => void {
  g.__radiumChatModelOverrides ??= new Map();
  g.__radiumChatModelOverrides.set(info.id, { info, model });
  return () => g.__radiumChatModelOverrides?.delete(info.id);
}
