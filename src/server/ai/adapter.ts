/** OpenAI (or any OpenAI-compatible server via OPENAI_BASE_URL) when a key is set; the offline model otherwise. */
import "server-only";
import { env } from "@/env";

export function aiAdapter() {
  if (!env.OPENAI_API_KEY) return { provider: "offline" as const };
  const baseURL = env.OPENAI_BASE_URL;
  if (!baseURL) return { provider: "openai" as const };
  // Host only: a base URL can carry credentials or tokens, and /api/health is public.
  // (The env schema has already checked that it is a URL.)
  return { provider: "openai-compatible" as const, host: new URL(baseURL).host };
}
