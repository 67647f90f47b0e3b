// Errors as the SDK serializes them ({name, message, stack}), made safe from whatever a reply holds.
import type { SerializedError } from "./types";

export function toSerializedError(value: unknown, fallbackMessage = "Unknown error"): SerializedError {
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    const message =
      typeof v.message === "string" ? v.message : typeof v.error === "string" ? v.error : JSON.stringify(value);
    const out: SerializedError = { name: typeof v.name === "string" && v.name ? v.name : "Error", message };
    if (typeof v.stack === "string") out.stack = v.stack;
    if (v.cause !== undefined) out.cause = v.cause;
    return out;
  }
  if (typeof value === "string" && value) return { name: "Error", message: value };
  return { name: "Error", message: fallbackMessage };
}

export function runnerError(message: string, name = "Error"): SerializedError {
  return { name, message };
}

/** "ECONNREFUSED" rather than undici's bare "fetch failed". */
export function describeFetchError(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } };
  return e.cause?.code ?? e.cause?.errors?.[0]?.code ?? e.cause?.message ?? e.message;
}
