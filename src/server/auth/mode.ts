import "server-only";
import { env, type EnvOf } from "@/env";

export type AuthMode = "clerk" | "local";

/**
 * Clerk when both keys are present; the local sign-in otherwise. A half-configured Clerk
 * (one key only) is an error rather than a silent fall-back to the local sign-in, so a
 * production deployment that meant to use Clerk can never end up accepting local sessions.
 */
export function authMode(e: EnvOf<"NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY" | "CLERK_SECRET_KEY"> = env): AuthMode {
  const pk = e.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY;
  const sk = e.CLERK_SECRET_KEY;
  if (pk && sk) return "clerk";
  if (pk || sk) {
    throw new Error(
      "Clerk is half-configured: set both NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY and CLERK_SECRET_KEY, or neither for the local sign-in.",
    );
  }
  return "local";
}
