/**
 * API key inputs and the view a client gets of a key (never its hash). Shared by the router and the
 * settings page.
 */
import { z } from "zod";
import { boundedDate, safeText } from "@/lib/zod/text";

export const API_KEY_NAME_MAX = 64;

export const createApiKeyInputSchema = z.object({
  name: safeText()
    .trim()
    .min(1, { error: "Name the key." })
    .max(API_KEY_NAME_MAX, { error: `Keep the name to ${API_KEY_NAME_MAX} characters or fewer.` }),
  /** One deployment the key may call; null or absent: all of the user's deployments. */
  deploymentId: z.uuid({ error: "Not a deployment id." }).nullish(),
  /** When the key stops working; absent: never. Must lie in the future. */
  expiresAt: boundedDate().nullish(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInputSchema>;

export type ApiKeyState = "active" | "expired" | "revoked";

export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's first characters (`rad_` + 8), to tell keys apart. */
  prefix: string;
  /** The one deployment it is scoped to, or null for all deployments. */
  deployment: { id: string; name: string } | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  state: ApiKeyState;
}

export function apiKeyState(key: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): ApiKeyState {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
