/** OpenAI (or any OpenAI-compatible server via OPENAI_BASE_URL) when a key is set; the offline model otherwise. */
export function aiAdapter() {
  if (!process.env.OPENAI_API_KEY?.trim()) return { provider: "offline" as const };
  const baseURL = process.env.OPENAI_BASE_URL?.trim();
  return { provider: baseURL ? ("openai-compatible" as const) : ("openai" as const), ...(baseURL ? { baseURL } : {}) };
}
