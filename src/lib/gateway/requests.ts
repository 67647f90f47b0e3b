/** usage.requests: its input and the row a client sees. */
import { z } from "zod";
import { boundedDate, safeText } from "@/lib/zod/text";

/** Who made a metered request: a caller of the API with a key, or the app's own chat. */
export const USAGE_SOURCES = ["api", "chat"] as const;
export type UsageSource = (typeof USAGE_SOURCES)[number];

export const REQUEST_STATUS_FILTERS = ["success", "error"] as const;

export const usageRequestsInputSchema = z.object({
  deploymentId: z.uuid({ error: "Not a deployment id." }),
  /** "success" (< 400 and no error), "error" (≥ 400 or failed mid-stream), or one exact HTTP status. */
  status: z.union([z.enum(REQUEST_STATUS_FILTERS), z.number().int().min(100).max(599)]).optional(),
  apiKeyId: z.uuid({ error: "Not a key id." }).optional(),
  from: boundedDate().optional(),
  to: boundedDate().optional(),
  cursor: safeText().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type UsageRequestsInput = z.input<typeof usageRequestsInputSchema>;

export interface UsageRequestView {
  id: number;
  createdAt: Date;
  requestId: string | null;
  model: string;
  source: UsageSource;
  /** The key that made it (null for chat turns, or a key since deleted). */
  apiKey: { id: string; name: string; prefix: string } | null;
  status: number;
  errorCode: string | null;
  stream: boolean;
  promptTokens: number;
  completionTokens: number;
  ttftMs: number | null;
  totalMs: number;
  /** Only while the deployment's request logging was on, truncated; otherwise null. */
  requestText: string | null;
  responseText: string | null;
}
