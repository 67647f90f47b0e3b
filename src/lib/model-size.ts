/** Size buckets shared by the models filter UI and the models router. */
export const MODEL_SIZES = [
  { id: "small", label: "Small (< 10B)", min: 0, max: 10 },
  { id: "medium", label: "Medium (10–80B)", min: 10, max: 80 },
  { id: "large", label: "Large (≥ 80B)", min: 80, max: Number.POSITIVE_INFINITY },
] as const;

export const MODEL_SIZE_IDS = ["small", "medium", "large", "undisclosed"] as const;
export type ModelSize = (typeof MODEL_SIZE_IDS)[number];

export function sizeBucket(parameterCountB: number | string | null | undefined): ModelSize {
  if (parameterCountB === null || parameterCountB === undefined || parameterCountB === "") return "undisclosed";
  const n = Number(parameterCountB);
  return MODEL_SIZES.find((s) => n >= s.min && n < s.max)?.id ?? "undisclosed";
}

export const MODEL_TYPES = ["chat", "code", "vision", "embedding"] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

/** 131072 → "128K", 128000 → "128K", 8191 → "8K": binary sizes in KiB, decimal ones in thousands. */
export function formatContextWindow(tokens: number): string {
  if (tokens >= 1_000_000) return `${Math.round(tokens / 1_000_000)}M`;
  return `${tokens % 1000 === 0 ? tokens / 1000 : Math.round(tokens / 1024)}K`;
}

/** "0.1800" → "$0.18", "10.0000" → "$10.00", "0.0080" → "$0.008". */
export function formatPricePerMillion(price: string | number): string {
  const n = Number(price);
  if (n === 0) return "—";
  const digits = n < 0.1 && n > 0 ? 3 : 2;
  return `$${n.toFixed(digits)}`;
}
