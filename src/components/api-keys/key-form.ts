/**
 * The Create key form: what the user types (a name, "all" or one deployment id, an optional expiry
 * day) and how it becomes `apiKeys.create`'s input. The expiry day means "usable through that day",
 * so it becomes the end of that day in the user's time zone.
 */
import { z } from "zod";
import { API_KEY_NAME_MAX, type CreateApiKeyInput } from "@/lib/gateway/api-keys";

export const ALL_DEPLOYMENTS = "all";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The end of a `YYYY-MM-DD` day in local time, or null for an empty or malformed value. */
export function endOfDay(day: string): Date | null {
  if (!DAY.test(day)) return null;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d, 23, 59, 59, 999);
  // new Date(2026, 1, 31) rolls over into March: refuse days that do not exist.
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? date : null;
}

/** `YYYY-MM-DD` of a local date, for the date input's `min`. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function keyFormSchema(now: () => Date = () => new Date()) {
  return z.object({
    name: z
      .string()
      .trim()
      .min(1, { error: "Name the key." })
      .max(API_KEY_NAME_MAX, { error: `Keep the name to ${API_KEY_NAME_MAX} characters or fewer.` }),
    scope: z.string().min(1, { error: "Choose what the key may call." }),
    expires: z.string().refine((v) => v === "" || endOfDay(v) !== null, { error: "Enter a date, or leave it empty." })
      .refine((v) => {
        const end = endOfDay(v);
        return end === null || end.getTime() > now().getTime();
      }, { error: "Choose an expiry date in the future." }),
  });
}

export type KeyFormValues = z.input<ReturnType<typeof keyFormSchema>>;

export const EMPTY_KEY_FORM: KeyFormValues = { name: "", scope: ALL_DEPLOYMENTS, expires: "" };

export function toCreateInput(values: KeyFormValues): CreateApiKeyInput {
  return {
    name: values.name.trim(),
    deploymentId: values.scope === ALL_DEPLOYMENTS ? null : values.scope,
    expiresAt: endOfDay(values.expires),
  };
}

/** A server error names its field first ("expiresAt: …"): put it under that field of the form. */
export function formFieldOfServerError(message: string): { field: keyof KeyFormValues | null; message: string } {
  const m = /^(name|deploymentId|expiresAt): (.*)$/s.exec(message);
  if (!m) return { field: null, message };
  const field = m[1] === "deploymentId" ? "scope" : m[1] === "expiresAt" ? "expires" : "name";
  return { field, message: m[2] ?? message };
}
