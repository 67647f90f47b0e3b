/** OpenAI (or any OpenAI-compatible server via OPENAI_BASE_URL) when a key is set; the offline model otherwise. */
import "server-only";
export function aiAdapter() {
  if (!process.env.OPENAI_API_KEY?.trim()) return { provider: "offline" as const };
  const baseURL = process.env.OPENAI_BASE_URL?.trim();
  if (!baseURL) return { provider: "openai" as const };
  // Host only: a base URL can carry credentials or tokens, and /api/health is public.
  let host: string;
  try {
    host = new URL(baseURL).host;
  } catch {
    host = "invalid OPENAI_BASE_URL";
  }
  return { provider: "openai-compatible" as const, host };
}
