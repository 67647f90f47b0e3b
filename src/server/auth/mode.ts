import "server-only";
export type AuthMode = "clerk" | "local";

/**
 * Clerk when both keys are present; the local sign-in otherwise. A half-configured Clerk
 * (one key only) is an error rather than a silent fall-back to the local sign-in, so a
 * production deployment that meant to use Clerk can never end up accepting local sessions.
 */
export function authMode(env: Record<string, string | undefined> = process.env): AuthMode {
  const pk = env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY?.trim();
  const sk = env.CLERK_SECRET_KEY?.trim();
  if (pk && sk) return "clerk";
  if (pk || sk) {
    throw new Error(
      "Clerk is half-configured: set both NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY and CLERK_SECRET_KEY, or neither for the local sign-in.",
    );
  }
  return "local";
}
